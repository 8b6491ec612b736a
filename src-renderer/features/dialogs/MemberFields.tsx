import { useTranslation } from 'react-i18next';
import type { MemberForm } from './forms';
import { Field } from './Field';
import type { FieldErrors } from './validation';

/** One person: first and last name, email (required) and phone. `errorPrefix` like `team.0.` or `member.`. */
export function MemberFields(props: {
  idPrefix: string;
  value: MemberForm;
  errors: FieldErrors;
  errorPrefix: string;
  onChange: (value: MemberForm) => void;
}) {
  const { t } = useTranslation();
  const { value, onChange, idPrefix, errorPrefix } = props;
  const err = (field: keyof MemberForm) => props.errors[`${errorPrefix}${field}`];
  const set = (field: keyof MemberForm, v: string) => onChange({ ...value, [field]: v });
  return (
    <div className="member-fields">
      <Field id={`${idPrefix}-first`} label={t('member.firstName')} error={err('firstName')}>
        {(c) => (
          <input
            {...c}
            value={value.firstName}
            onChange={(e) => set('firstName', e.target.value)}
            autoComplete="off"
          />
        )}
      </Field>
      <Field id={`${idPrefix}-last`} label={t('member.lastName')} error={err('lastName')}>
        {(c) => (
          <input
            {...c}
            value={value.lastName}
            onChange={(e) => set('lastName', e.target.value)}
            autoComplete="off"
          />
        )}
      </Field>
      <Field id={`${idPrefix}-email`} label={t('member.email')} error={err('email')} required>
        {(c) => (
          <input
            {...c}
            type="email"
            value={value.email}
            onChange={(e) => set('email', e.target.value)}
            autoComplete="off"
          />
        )}
      </Field>
      <Field id={`${idPrefix}-phone`} label={t('member.phone')} error={err('phoneNumber')}>
        {(c) => (
          <input
            {...c}
            type="tel"
            value={value.phoneNumber}
            onChange={(e) => set('phoneNumber', e.target.value)}
            autoComplete="off"
          />
        )}
      </Field>
    </div>
  );
}
