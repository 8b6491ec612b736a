import { useTranslation } from 'react-i18next';
import type { DealForm } from './forms';
import { CURRENCIES } from './forms';
import { Field } from './Field';
import type { FieldErrors } from './validation';

/** The deal's fields, shared by Accept and Edit deal. `prefix` is the error path (`fields.` for edits). */
export function DealFields<T extends DealForm>(props: {
  idPrefix: string;
  value: T;
  errors: FieldErrors;
  errorPrefix?: string;
  update: <K extends keyof T>(field: K, value: T[K]) => void;
}) {
  const { t } = useTranslation();
  const { value, update, idPrefix } = props;
  const err = (field: string) => props.errors[`${props.errorPrefix ?? ''}${field}`];
  const id = (field: string) => `${idPrefix}-${field}`;
  const currencies: string[] = CURRENCIES.includes(value.currency as (typeof CURRENCIES)[number])
    ? [...CURRENCIES]
    : [value.currency, ...CURRENCIES].filter(Boolean);
  return (
    <>
      <Field id={id('name')} label={t('deal.name')} error={err('name')} required>
        {(c) => (
          <input
            {...c}
            value={value.name}
            onChange={(e) => update('name', e.target.value)}
            autoComplete="off"
          />
        )}
      </Field>
      <div className="field-row">
        <Field
          id={id('dealValue')}
          label={t('deal.value')}
          error={err('dealValue')}
          required
          className="grow"
        >
          {(c) => (
            <input
              {...c}
              inputMode="decimal"
              value={value.dealValue}
              onChange={(e) => update('dealValue', e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <Field id={id('currency')} label={t('deal.currency')} error={err('currency')} required>
          {(c) => (
            <select {...c} value={value.currency} onChange={(e) => update('currency', e.target.value)}>
              <option value="">{t('deal.chooseCurrency')}</option>
              {currencies.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field
        id={id('closingDate')}
        label={t('deal.closingDate')}
        error={err('closingDate')}
        hint={t('deal.closingDateHint')}
        required
      >
        {(c) => (
          <input
            {...c}
            type="date"
            value={value.closingDate}
            onChange={(e) => update('closingDate', e.target.value)}
          />
        )}
      </Field>
      <Field id={id('notes')} label={t('deal.notes')} error={err('notes')}>
        {(c) => (
          <textarea {...c} rows={3} value={value.notes} onChange={(e) => update('notes', e.target.value)} />
        )}
      </Field>
      <div className="field-row">
        <Field id={id('crm')} label={t('deal.crmId')} error={err('externalReferenceId')} className="grow">
          {(c) => (
            <input
              {...c}
              value={value.externalReferenceId}
              onChange={(e) => update('externalReferenceId', e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
        <Field id={id('campaign')} label={t('deal.campaignId')} error={err('campaignId')} className="grow">
          {(c) => (
            <input
              {...c}
              value={value.campaignId}
              onChange={(e) => update('campaignId', e.target.value)}
              autoComplete="off"
            />
          )}
        </Field>
      </div>
    </>
  );
}
