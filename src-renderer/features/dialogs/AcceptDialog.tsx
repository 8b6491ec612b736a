import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../src-shared';
import { useActions } from '../data/WorkspaceProvider';
import { customerName } from '../list/lead-text';
import { DealFields } from './DealFields';
import { Dialog } from './Dialog';
import { draftKey, useDraft } from './drafts';
import { FormShell } from './FormShell';
import { acceptArgs, acceptRaw, defaultCurrency, emptyMember, type AcceptForm } from './forms';
import { MemberFields } from './MemberFields';
import { useIntentForm } from './use-intent-form';

export function AcceptDialog(props: { referral: Referral; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const r = props.referral;
  const draft = useDraft<AcceptForm>(draftKey('accept', r.id), () => ({
    name: r.name || customerName(r),
    dealValue: r.details.dealValue === null ? '' : String(r.details.dealValue),
    currency: r.details.currency || defaultCurrency(i18n.resolvedLanguage ?? 'en'),
    closingDate: r.details.closingDateTime ?? '',
    notes: '',
    externalReferenceId: r.externalReferenceId,
    campaignId: r.campaignId,
    team: [],
  }));
  const form = useIntentForm('accept', () => ({
    args: acceptArgs(r.id, draft.value),
    raw: acceptRaw(draft.value),
  }));
  const close = () => {
    draft.discard();
    props.onClose();
  };
  const submit = async () => {
    const args = form.validate();
    if (args && (await form.send(actions.accept, args))) close();
  };
  const team = draft.value.team;
  // Blank member rows are skipped, so the error index of a row is its index among non-blank ones.
  const errorIndex = (i: number) =>
    team.slice(0, i).filter((m) => Object.values(m).some((v) => v.trim() !== '')).length;
  return (
    <Dialog title={t('dialogs.accept.title', { name: customerName(r) })} onClose={close} wide>
      <FormShell
        errors={form.errors}
        attempt={form.attempt}
        failure={form.failure}
        busy={form.busy}
        submitLabel={t('dialogs.accept.submit')}
        onSubmit={() => void submit()}
        onCancel={close}
      >
        <p className="dialog-intro">{t('dialogs.accept.intro')}</p>
        <DealFields idPrefix="accept" value={draft.value} errors={form.errors} update={draft.update} />
        <fieldset className="team-fieldset">
          <legend>{t('dialogs.accept.team')}</legend>
          {team.map((m, i) => (
            <div key={i} className="member-row">
              <MemberFields
                idPrefix={`accept-team-${i}`}
                value={m}
                errors={form.errors}
                errorPrefix={`team.${errorIndex(i)}.`}
                onChange={(next) =>
                  draft.update(
                    'team',
                    team.map((x, j) => (j === i ? next : x)),
                  )
                }
              />
              <button
                type="button"
                className="button button-quiet"
                onClick={() =>
                  draft.update(
                    'team',
                    team.filter((_, j) => j !== i),
                  )
                }
              >
                {t('dialogs.accept.removeMember')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button"
            onClick={() => draft.update('team', [...team, emptyMember()])}
          >
            {t('dialogs.accept.addMember')}
          </button>
        </fieldset>
      </FormShell>
    </Dialog>
  );
}
