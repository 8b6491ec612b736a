import type { z } from 'zod';
import type { MutationArgsSchemas, MutationName, FieldError } from '../../src-shared';
import { parseIntent } from '../../src-shared';
import type { PartnerDeskDb } from './schema';
import type { OutboxRow } from './rows';
import { getMeta, setMeta } from './meta';
import { isQuotaError } from './storage-errors';

// User actions. Each is ONE Dexie transaction that allocates the next per-device seq from meta and
// writes the outbox row: nothing is shown as done before that commit, and seqs never have gaps.
// The base (service) state is never written here; the visible state is base + pending intents.

export type ActionInput<N extends MutationName> = z.input<(typeof MutationArgsSchemas)[N]>;

export class ActionError extends Error {
  constructor(
    readonly code: 'invalid_args' | 'storage_full',
    readonly fields: FieldError[] = [],
  ) {
    super(
      code === 'invalid_args'
        ? `invalid arguments: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`
        : 'the disk is full: the action was not saved',
    );
    this.name = 'ActionError';
  }
}

export interface ActionOptions {
  /** The device clock; injectable for tests (a skewed clock is still the device's clock). */
  now?: () => Date;
}

/** Creates the device id once per database, inside the caller's transaction if there is one. */
export async function ensureDeviceId(db: PartnerDeskDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await getMeta(db.meta, 'deviceId');
    if (existing) return existing;
    const id = crypto.randomUUID();
    await setMeta(db.meta, 'deviceId', id);
    return id;
  });
}

export async function recordIntent(
  db: PartnerDeskDb,
  name: MutationName,
  args: unknown,
  options: ActionOptions & { draftId?: string } = {},
): Promise<OutboxRow> {
  const parsed = parseIntent(name, args);
  if (!parsed.ok) throw new ActionError('invalid_args', parsed.error);
  const createdAt = (options.now?.() ?? new Date()).toISOString();
  try {
    return await db.transaction('rw', [db.outbox, db.meta, db.notes], async () => {
      if (!(await getMeta(db.meta, 'deviceId'))) await setMeta(db.meta, 'deviceId', crypto.randomUUID());
      const seq = (await getMeta(db.meta, 'seq')) + 1;
      await setMeta(db.meta, 'seq', seq);
      const row: OutboxRow = {
        seq,
        id: crypto.randomUUID(),
        name,
        args: parsed.intent.args,
        referralId: parsed.intent.args.referralId,
        createdAt,
      };
      await db.outbox.add(row);
      if (options.draftId) await db.notes.delete(options.draftId);
      return row;
    });
  } catch (error) {
    if (isQuotaError(error)) throw new ActionError('storage_full');
    throw error;
  }
}

/** The actions the UI calls; every one resolves once the outbox row is committed. */
export function createActions(db: PartnerDeskDb, options: ActionOptions = {}) {
  const record = <N extends MutationName>(name: N, args: ActionInput<N>) =>
    recordIntent(db, name, args, options);
  return {
    accept: (args: ActionInput<'accept'>) => record('accept', args),
    decline: (args: ActionInput<'decline'>) => record('decline', args),
    markWon: (args: ActionInput<'markWon'>) => record('markWon', args),
    markLost: (args: ActionInput<'markLost'>) => record('markLost', args),
    setFavorite: (args: ActionInput<'setFavorite'>) => record('setFavorite', args),
    addTeamMember: (args: ActionInput<'addTeamMember'>) => record('addTeamMember', args),
    /** baseVersion defaults to the version of the copy the user is looking at. */
    async editDeal(args: Omit<ActionInput<'editDeal'>, 'baseVersion'> & { baseVersion?: number }) {
      const baseVersion = args.baseVersion ?? (await db.referrals.get(args.referralId))?.version ?? 0;
      return record('editDeal', { ...args, baseVersion });
    },
    /** Sends a note; a draft with the same id is removed in the same transaction. */
    addNote: (args: { referralId: string; text: string; noteId?: string }) => {
      const noteId = args.noteId ?? crypto.randomUUID();
      return recordIntent(db, 'addNote', { ...args, noteId }, { ...options, draftId: noteId });
    },
    async saveNoteDraft(draft: { id?: string; referralId: string; text: string }): Promise<string> {
      const id = draft.id ?? crypto.randomUUID();
      const updatedAt = (options.now?.() ?? new Date()).toISOString();
      await db.notes.put({ id, referralId: draft.referralId, text: draft.text, updatedAt });
      return id;
    },
    discardNoteDraft: (id: string) => db.notes.delete(id),
    /** Dismisses a sync issue once the user has read (or redone) it. */
    dismissSyncIssue: (id: string) => db.syncIssues.delete(id),
  };
}

export type Actions = ReturnType<typeof createActions>;
