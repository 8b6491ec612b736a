import type { TFunction } from 'i18next';
import { MUTATION_NAMES, REJECT_REASONS, type MutationName, type RejectReason } from '../../../src-shared';

// Plain words for what the service said, and for the user's own actions.

export function intentLabel(t: TFunction, name: string): string {
  return (MUTATION_NAMES as readonly string[]).includes(name) ? t(`intents.${name as MutationName}`) : name;
}

export function reasonText(t: TFunction, reason: string): string {
  return (REJECT_REASONS as readonly string[]).includes(reason)
    ? t(`rejections.${reason as RejectReason}`)
    : t('rejections.other', { reason });
}
