import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MutationArgs, MutationName } from '../../../src-shared';
import { ActionError } from '../../db/actions';
import { checkArgs, type FieldErrors } from './validation';

/**
 * Validation and submission of one intent. Errors appear after the first submit and then follow
 * the user's typing live, so a fixed field clears its message at once.
 */
export function useIntentForm<N extends MutationName>(
  name: N,
  build: () => { args: unknown; raw?: unknown },
) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current = build();
  const checked = checkArgs(t, name, current.args, current.raw ?? current.args);
  const errors: FieldErrors = attempt > 0 && !checked.ok ? checked.errors : {};

  /** Validates; returns the parsed args, or null after showing the errors. */
  const validate = (): MutationArgs<N> | null => {
    setAttempt((a) => a + 1);
    return checked.ok ? checked.args : null;
  };

  const send = async (
    action: (args: MutationArgs<N>) => Promise<unknown>,
    args: MutationArgs<N>,
  ): Promise<boolean> => {
    setBusy(true);
    setFailure(null);
    try {
      await action(args);
      return true;
    } catch (error) {
      setFailure(
        error instanceof ActionError && error.code === 'storage_full'
          ? t('errors.storageFull')
          : t('errors.saveFailed'),
      );
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { errors, attempt, failure, busy, validate, send };
}
