import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../src-shared';
import { CONTACT_ME_WINDOW_HOURS, HOUR_MS, toMs } from '../../../src-shared';
import { useActions } from '../data/WorkspaceProvider';
import { customerName } from '../list/lead-text';
import { useFormat } from '../format/use-format';
import { useNow } from '../format/use-now';
import { Dialog } from './Dialog';
import { draftKey, useDraft } from './drafts';
import { Field } from './Field';
import { FormShell } from './FormShell';
import { useIntentForm } from './use-intent-form';

/** Co-sell deal registration needs 72 hours between creation and Won: warn, never block. */
export const REGISTRATION_HOURS = CONTACT_ME_WINDOW_HOURS;

export function wonTooEarly(r: Referral, nowMs: number): boolean {
  return nowMs - toMs(r.createdDateTime) < REGISTRATION_HOURS * HOUR_MS;
}

export function MarkWonDialog(props: { referral: Referral; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const actions = useActions();
  const r = props.referral;
  const draft = useDraft(draftKey('markWon', r.id), () => ({ notes: '' }));
  const form = useIntentForm('markWon', () => ({
    args: { referralId: r.id, notes: draft.value.notes.trim() || undefined },
  }));
  const close = () => {
    draft.discard();
    props.onClose();
  };
  const submit = async () => {
    const args = form.validate();
    if (args && (await form.send(actions.markWon, args))) close();
  };
  const early = wonTooEarly(r, useNow());
  return (
    <Dialog title={t('dialogs.won.title', { name: customerName(r) })} onClose={close}>
      <FormShell
        errors={form.errors}
        attempt={form.attempt}
        failure={form.failure}
        busy={form.busy}
        submitLabel={t('dialogs.won.confirm')}
        onSubmit={() => void submit()}
        onCancel={close}
      >
        <p className="dialog-intro">{t('dialogs.won.final')}</p>
        {r.details.dealValue !== null && (
          <p>
            {t('deal.value')}: <strong>{f.money(r.details.dealValue, r.details.currency)}</strong>
          </p>
        )}
        {early && (
          <p className="warning" role="note">
            {t('dialogs.won.registrationWarning', {
              date: f.dateTime(
                new Date(toMs(r.createdDateTime) + REGISTRATION_HOURS * HOUR_MS).toISOString(),
              ),
            })}
          </p>
        )}
        <Field id="won-notes" label={t('deal.notes')} error={form.errors['notes']}>
          {(c) => (
            <textarea
              {...c}
              rows={3}
              value={draft.value.notes}
              onChange={(e) => draft.update('notes', e.target.value)}
            />
          )}
        </Field>
      </FormShell>
    </Dialog>
  );
}
