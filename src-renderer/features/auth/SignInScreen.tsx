import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../../i18n/LanguagePicker';
import { Field } from '../dialogs/Field';
import { SignInFailure, type SessionManager } from './session';

const LAST_URL = 'partner-desk.serviceUrl';

/** The last one used, else the host's (in web mode the page's own origin). */
export function initialServiceUrl(hostUrl: string | null): string {
  const saved = localStorage.getItem(LAST_URL);
  if (saved) return saved;
  if (hostUrl) return hostUrl;
  return location.protocol === 'http:' || location.protocol === 'https:' ? location.origin : '';
}

export function SignInScreen(props: {
  manager: SessionManager;
  defaultServiceUrl: string | null;
  expiredEmail?: string;
}) {
  const { t } = useTranslation();
  const [serviceUrl, setServiceUrl] = useState(() => initialServiceUrl(props.defaultServiceUrl));
  const [email, setEmail] = useState(props.expiredEmail ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!/^https?:\/\/\S+$/i.test(serviceUrl.trim())) next['url'] = t('signIn.badUrl');
    if (!/^\S+@\S+$/.test(email.trim()))
      next['email'] = email.trim() ? t('errors.email') : t('errors.required');
    if (password === '') next['password'] = t('errors.required');
    setErrors(next);
    setFailure('');
    if (Object.keys(next).length > 0) {
      document.getElementById(`signin-${Object.keys(next)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await props.manager.signIn(serviceUrl, email.trim(), password);
      localStorage.setItem(LAST_URL, serviceUrl.trim());
    } catch (error) {
      const code = error instanceof SignInFailure ? error.code : 'service_error';
      setFailure(t(`signIn.errors.${code}`));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="signin">
      <form
        className="signin-card"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-labelledby="signin-title"
      >
        <div className="signin-head">
          <h1 id="signin-title">{t('app.title')}</h1>
          <LanguagePicker />
        </div>
        <p className="muted">{props.expiredEmail ? t('signIn.expired') : t('signIn.intro')}</p>
        <Field id="signin-url" label={t('signIn.serviceUrl')} error={errors['url']} required>
          {(c) => (
            <input
              {...c}
              type="url"
              value={serviceUrl}
              onChange={(e) => setServiceUrl(e.target.value)}
              autoComplete="url"
            />
          )}
        </Field>
        <Field id="signin-email" label={t('signIn.email')} error={errors['email']} required>
          {(c) => (
            <input
              {...c}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoComplete="username"
            />
          )}
        </Field>
        <Field id="signin-password" label={t('signIn.password')} error={errors['password']} required>
          {(c) => (
            <input
              {...c}
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
            />
          )}
        </Field>
        <p className="form-summary" role="alert">
          {failure}
        </p>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('signIn.signingIn') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
