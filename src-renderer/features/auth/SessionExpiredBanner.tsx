import { useState } from 'react';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { useSyncStatus, useWorkspace } from '../data/WorkspaceProvider';
import { Dialog } from '../dialogs/Dialog';
import { Field } from '../dialogs/Field';
import { SignInFailure } from './session';

/** The refresh was refused: ask for the password again; everything typed meanwhile is kept. */
export function SessionExpiredBanner() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const expired = useStore(ws.manager.store, (s) => s.expired);
  const needsSignIn = useSyncStatus((s) => s.needsSignIn);
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  if (!expired && !needsSignIn) return null;
  const submit = async () => {
    if (!password) {
      setError(t('errors.required'));
      return;
    }
    try {
      await ws.manager.signIn(ws.session.serviceUrl, ws.session.user.email, password);
      ws.sync.signedIn();
      setOpen(false);
      setPassword('');
    } catch (e) {
      setError(t(`signIn.errors.${e instanceof SignInFailure ? e.code : 'service_error'}`));
    }
  };
  return (
    <div className="banner banner-warning" role="status">
      <span>{t('signIn.expired')}</span>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('sync.signInAgain')}
      </button>
      {open && (
        <Dialog title={t('sync.signInAgain')} onClose={() => setOpen(false)}>
          <form
            className="dialog-form"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <div className="dialog-body">
              <p>{ws.session.user.email}</p>
              <Field id="reauth-password" label={t('signIn.password')} error={error} required>
                {(c) => (
                  <input
                    {...c}
                    type="password"
                    autoComplete="current-password"
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                  />
                )}
              </Field>
            </div>
            <div className="dialog-actions">
              <button type="button" className="button" onClick={() => setOpen(false)}>
                {t('dialogs.cancel')}
              </button>
              <button type="submit" className="button button-primary">
                {t('signIn.submit')}
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </div>
  );
}
