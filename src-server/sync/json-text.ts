// Sync responses are assembled as text: referral JSON comes out of Postgres as `data::text` and is
// spliced in unparsed, which is most of the cost of a 100,000-referral first sync.

export interface RawChange {
  id: string;
  version: number;
  op: 'upsert' | 'delete';
  /** JSON text of the referral (upserts). */
  data?: string;
}

export function changesJson(changes: readonly RawChange[]): string {
  const parts = changes.map((c) => {
    const head = `{"entity":"referral","id":${JSON.stringify(c.id)},"version":${c.version},"op":"${c.op}"`;
    return c.op === 'upsert' && c.data !== undefined ? `${head},"data":${c.data}}` : `${head}}`;
  });
  return `[${parts.join(',')}]`;
}

/** `{"changes":[…], …rest}` with `rest` serialized normally. */
export function objectWithChanges(changes: readonly RawChange[], rest: Record<string, unknown>): string {
  const tail = JSON.stringify(rest);
  return `{"changes":${changesJson(changes)}${tail === '{}' ? '' : `,${tail.slice(1, -1)}`}}`;
}
