import { useCallback, useEffect, useState } from 'react';

// What the user typed in a dialog, kept per referral and dialog so that a reload (or a crash)
// mid-dialog loses nothing. Dropped when the dialog is submitted or cancelled.

const PREFIX = 'partner-desk.draft:';

export const draftKey = (dialog: string, referralId: string) => `${PREFIX}${dialog}:${referralId}`;

export function readDraft<T extends object>(key: string, initial: T): T {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return initial;
    const saved = JSON.parse(raw) as unknown;
    // Keys of the initial shape only: a draft from an older version cannot inject other fields.
    if (typeof saved !== 'object' || saved === null) return initial;
    const out = { ...initial };
    for (const k of Object.keys(initial) as (keyof T)[]) {
      const v = (saved as Record<string, unknown>)[k as string];
      if (v !== undefined && typeof v === typeof initial[k]) out[k] = v as T[keyof T];
    }
    return out;
  } catch {
    return initial;
  }
}

export function useDraft<T extends object>(key: string, initial: () => T) {
  const [value, setValue] = useState<T>(() => readDraft(key, initial()));
  useEffect(() => {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full: the dialog still works, only reload-survival is lost.
    }
  }, [key, value]);
  const update = useCallback(
    <K extends keyof T>(field: K, v: T[K]) => setValue((s) => ({ ...s, [field]: v })),
    [],
  );
  const discard = useCallback(() => localStorage.removeItem(key), [key]);
  return { value, setValue, update, discard };
}
