import { z } from 'zod';
import type { Table } from 'dexie';
import type { MetaRow } from './rows';

// Typed access to the meta table. Every value is parsed on read (it may come from an older
// version); an unreadable value falls back to its default instead of breaking the app.

export const SnapshotProgressSchema = z.object({
  snapshot: z.string(),
  nextPage: z.int().nonnegative(),
  received: z.int().nonnegative(),
  total: z.int().nonnegative().nullable(),
  /** The cursor the snapshot ends at, once known. */
  cursor: z.string().nullable(),
  /** Rows existed when it started: stamp rows with the snapshot id and delete the others at the end. */
  stamp: z.boolean().default(true),
});
export type SnapshotProgress = z.infer<typeof SnapshotProgressSchema>;

export const ActorSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  email: z.string(),
});

const META = {
  deviceId: z.string().nullable().default(null),
  /** The last seq allocated on this device. */
  seq: z.int().nonnegative().default(0),
  /** The service's last acknowledged seq for this device. */
  lastAckSeq: z.int().nonnegative().default(0),
  cursor: z.string().nullable().default(null),
  /** serverTime minus device time, from the last response. */
  clockOffsetMs: z.number().default(0),
  snapshot: SnapshotProgressSchema.nullable().default(null),
  lastSyncAt: z.string().nullable().default(null),
  firstSyncDone: z.boolean().default(false),
  /** Local change counter: each base write stamps its search rows with the next value. */
  rev: z.int().nonnegative().default(0),
  /** Bumped when the search rows were rebuilt wholesale (a reset): indexes reload. */
  searchEpoch: z.int().nonnegative().default(0),
  actor: ActorSchema.nullable().default(null),
} as const;

export type MetaKey = keyof typeof META;
export type MetaValue<K extends MetaKey> = z.output<(typeof META)[K]>;

export function parseMeta<K extends MetaKey>(key: K, value: unknown): MetaValue<K> {
  const schema = META[key] as unknown as z.ZodType<MetaValue<K>>;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : (schema.parse(undefined) as MetaValue<K>);
}

export async function getMeta<K extends MetaKey>(
  table: Table<MetaRow, string>,
  key: K,
): Promise<MetaValue<K>> {
  const row = await table.get(key);
  return parseMeta(key, row?.value);
}

export async function setMeta<K extends MetaKey>(
  table: Table<MetaRow, string>,
  key: K,
  value: MetaValue<K>,
): Promise<void> {
  await table.put({ key, value });
}

export async function getMetas<K extends MetaKey>(
  table: Table<MetaRow, string>,
  keys: readonly K[],
): Promise<{ [P in K]: MetaValue<P> }> {
  const rows = await table.bulkGet([...keys]);
  const out = {} as { [P in K]: MetaValue<P> };
  keys.forEach((key, i) => {
    out[key] = parseMeta(key, rows[i]?.value);
  });
  return out;
}
