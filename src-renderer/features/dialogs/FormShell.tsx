import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './validation';

/**
 * A dialog form: announces how many fields need attention (role=alert) and moves focus to the
 * first one after a failed submit, and shows a save failure (a full disk) in words.
 */
export function FormShell(props: {
  errors: FieldErrors;
  attempt: number;
  failure: string | null;
  submitLabel: string;
  danger?: boolean;
  busy?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  /** The cancel button goes back a step instead of closing. */
  back?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const count = Object.keys(props.errors).length;
  useEffect(() => {
    if (props.attempt === 0 || count === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [props.attempt, count]);
  return (
    <form
      ref={formRef}
      noValidate
      className="dialog-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <div className="dialog-body">{props.children}</div>
      <p className="form-summary" role="alert">
        {props.attempt > 0 && count > 0 ? t('errors.summary', { count }) : (props.failure ?? '')}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={props.onCancel}>
          {props.back ? t('dialogs.back') : t('dialogs.cancel')}
        </button>
        <button
          type="submit"
          className={`button ${props.danger ? 'button-danger' : 'button-primary'}`}
          disabled={props.busy}
        >
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
