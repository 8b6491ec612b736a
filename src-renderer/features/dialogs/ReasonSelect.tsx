import { useTranslation } from 'react-i18next';
import { REASON_CODES, reasonLabel } from '../../../src-shared';
import { Field } from './Field';

/** Partner Center's reason codes 1–8, labelled in the user's language. */
export function ReasonSelect(props: {
  id: string;
  value: string;
  error: string | undefined;
  onChange: (v: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Field id={props.id} label={t('dialogs.reason')} error={props.error} required>
      {(c) => (
        <select {...c} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          <option value="">{t('dialogs.chooseReason')}</option>
          {REASON_CODES.map((code) => (
            <option key={code} value={String(code)}>
              {reasonLabel(code, i18n.resolvedLanguage)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
