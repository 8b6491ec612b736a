import type { z } from 'zod';
import type { TFunction } from 'i18next';
import { MutationArgsSchemas, type MutationArgs, type MutationName } from '../../../src-shared';

// Dialogs validate with the same zod schemas the outbox and the service use, then show each
// problem next to its field in the user's language (zod's own messages are English).

/** Field path (`dealValue`, `team.0.email`, `fields.name`) → translated message. */
export type FieldErrors = Record<string, string>;

export type Checked<N extends MutationName> =
  { ok: true; args: MutationArgs<N> } | { ok: false; errors: FieldErrors };

type Issue = z.core.$ZodIssue;

/** The message for one issue; `raw` is what the user typed in that field (to tell empty from wrong). */
export function messageFor(t: TFunction, issue: Issue, raw: unknown): string {
  const field = String(issue.path[issue.path.length - 1] ?? '');
  const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
  switch (issue.code) {
    case 'invalid_type':
      if (empty) return t('errors.required');
      return issue.expected === 'number' ? t('errors.number') : t('errors.invalid');
    case 'too_small':
      if (issue.origin === 'number') return t('errors.nonNegative');
      return t('errors.required');
    case 'too_big':
      return t('errors.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return empty ? t('errors.required') : t('errors.email');
      if (field === 'currency') return t('errors.currency');
      return t('errors.invalid');
    case 'invalid_value':
      return field === 'reasonCode' ? t('errors.reason') : t('errors.invalid');
    case 'custom':
      if (field === 'closingDate') return empty ? t('errors.required') : t('errors.date');
      if (issue.path.length === 1 && field === 'fields') return t('errors.nothingChanged');
      return empty ? t('errors.required') : t('errors.invalid');
    default:
      return t('errors.invalid');
  }
}

function rawAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key as string];
  }
  return v;
}

export function checkArgs<N extends MutationName>(
  t: TFunction,
  name: N,
  args: unknown,
  raw: unknown = args,
): Checked<N> {
  const schema = MutationArgsSchemas[name] as unknown as z.ZodType<MutationArgs<N>>;
  const parsed = schema.safeParse(args);
  if (parsed.success) return { ok: true, args: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.') || '(root)';
    errors[path] ??= messageFor(t, issue, rawAt(raw, issue.path));
  }
  return { ok: false, errors };
}
