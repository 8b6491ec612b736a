import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../src-shared';
import { useActions } from '../data/WorkspaceProvider';
import { customerName } from '../list/lead-text';
import { DealFields } from './DealFields';
import { Dialog } from './Dialog';
import { draftKey, useDraft } from './drafts';
import { FormShell } from './FormShell';
import { changedDealFields, dealFormOf, defaultCurrency, type DealForm } from './forms';
import { useIntentForm } from './use-intent-form';

/** Edits only what changed, against the version the user saw (the service reports conflicts per field). */
export function EditDealDialog(props: { referral: Referral; version: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const r = props.referral;
  const [before] = useState<DealForm>(() => dealFormOf(r, defaultCurrency(i18n.resolvedLanguage ?? 'en')));
  const [baseVersion] = useState(props.version);
  const draft = useDraft<DealForm>(draftKey('editDeal', r.id), () => before);
  const form = useIntentForm('editDeal', () => ({
    args: { referralId: r.id, fields: changedDealFields(before, draft.value), baseVersion },
    raw: { fields: draft.value },
  }));
  const close = () => {
    draft.discard();
    props.onClose();
  };
  const submit = async () => {
    const args = form.validate();
    if (args && (await form.send(actions.editDeal, args))) close();
  };
  return (
    <Dialog title={t('dialogs.edit.title', { name: customerName(r) })} onClose={close} wide>
      <FormShell
        errors={form.errors}
        attempt={form.attempt}
        failure={form.failure}
        busy={form.busy}
        submitLabel={t('dialogs.edit.submit')}
        onSubmit={() => void submit()}
        onCancel={close}
      >
        {form.errors['fields'] && <p className="field-error">{form.errors['fields']}</p>}
        <DealFields
          idPrefix="edit"
          value={draft.value}
          errors={form.errors}
          errorPrefix="fields."
          update={draft.update}
        />
      </FormShell>
    </Dialog>
  );
}
