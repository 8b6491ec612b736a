import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../src-shared';
import { useActions } from '../data/WorkspaceProvider';
import { customerName } from '../list/lead-text';
import { Dialog } from './Dialog';
import { draftKey, useDraft } from './drafts';
import { FormShell } from './FormShell';
import { emptyMember, memberArgs, type MemberForm } from './forms';
import { MemberFields } from './MemberFields';
import { useIntentForm } from './use-intent-form';

export function AddTeamMemberDialog(props: { referral: Referral; onClose: () => void }) {
  const { t } = useTranslation();
  const actions = useActions();
  const r = props.referral;
  const draft = useDraft<MemberForm>(draftKey('addTeamMember', r.id), emptyMember);
  const form = useIntentForm('addTeamMember', () => ({
    args: { referralId: r.id, member: memberArgs(draft.value) },
    raw: { member: draft.value },
  }));
  const close = () => {
    draft.discard();
    props.onClose();
  };
  const submit = async () => {
    const args = form.validate();
    if (args && (await form.send(actions.addTeamMember, args))) close();
  };
  return (
    <Dialog title={t('dialogs.member.title', { name: customerName(r) })} onClose={close}>
      <FormShell
        errors={form.errors}
        attempt={form.attempt}
        failure={form.failure}
        busy={form.busy}
        submitLabel={t('dialogs.member.submit')}
        onSubmit={() => void submit()}
        onCancel={close}
      >
        <MemberFields
          idPrefix="member"
          value={draft.value}
          errors={form.errors}
          errorPrefix="member."
          onChange={draft.setValue}
        />
      </FormShell>
    </Dialog>
  );
}
