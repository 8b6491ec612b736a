import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../src-shared';
import { reasonLabel } from '../../../src-shared';
import { useActions } from '../data/WorkspaceProvider';
import { customerName } from '../list/lead-text';
import { Dialog } from './Dialog';
import { draftKey, useDraft } from './drafts';
import { Field } from './Field';
import { FormShell } from './FormShell';
import { ReasonSelect } from './ReasonSelect';
import { useIntentForm } from './use-intent-form';

interface ReasonForm {
  reasonCode: string;
  notes: string;
}

/** Decline (a received referral) or Mark lost (an accepted one): a reason, notes, then a confirmation. */
export function ReasonDialog(props: {
  mode: 'decline' | 'markLost';
  referral: Referral;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const r = props.referral;
  const { mode } = props;
  const draft = useDraft<ReasonForm>(draftKey(mode, r.id), () => ({ reasonCode: '', notes: '' }));
  const [confirming, setConfirming] = useState(false);
  const build = () => ({
    args: {
      referralId: r.id,
      reasonCode: draft.value.reasonCode === '' ? undefined : Number(draft.value.reasonCode),
      notes: draft.value.notes.trim() || undefined,
    },
    raw: draft.value,
  });
  const form = useIntentForm(mode, build);
  const close = () => {
    draft.discard();
    props.onClose();
  };
  const submit = async () => {
    const args = form.validate();
    if (!args) return;
    if (!confirming) {
      setConfirming(true);
      return;
    }
    const ok =
      mode === 'decline' ? await form.send(actions.decline, args) : await form.send(actions.markLost, args);
    if (ok) close();
  };
  const name = customerName(r);
  const k = mode === 'decline' ? 'decline' : 'lost';
  return (
    <Dialog title={t(`dialogs.${k}.title`, { name })} onClose={close}>
      <FormShell
        errors={form.errors}
        attempt={form.attempt}
        failure={form.failure}
        busy={form.busy}
        danger
        submitLabel={confirming ? t(`dialogs.${k}.confirm`) : t('dialogs.continue')}
        onSubmit={() => void submit()}
        onCancel={confirming ? () => setConfirming(false) : close}
        back={confirming}
      >
        {confirming ? (
          <div className="confirm" role="alert">
            <p>
              <strong>{t(`dialogs.${k}.final`, { name })}</strong>
            </p>
            <p>
              {t('dialogs.reason')}: {reasonLabel(Number(draft.value.reasonCode), i18n.resolvedLanguage)}
            </p>
            {draft.value.notes.trim() && <p className="pre-wrap">{draft.value.notes}</p>}
          </div>
        ) : (
          <>
            <p className="dialog-intro">{t(`dialogs.${k}.intro`)}</p>
            <ReasonSelect
              id={`${mode}-reason`}
              value={draft.value.reasonCode}
              error={form.errors['reasonCode']}
              onChange={(v) => draft.update('reasonCode', v)}
            />
            <Field id={`${mode}-notes`} label={t('deal.notes')} error={form.errors['notes']}>
              {(c) => (
                <textarea
                  {...c}
                  rows={4}
                  value={draft.value.notes}
                  onChange={(e) => draft.update('notes', e.target.value)}
                />
              )}
            </Field>
          </>
        )}
      </FormShell>
    </Dialog>
  );
}
