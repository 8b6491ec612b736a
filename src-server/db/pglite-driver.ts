import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import type { Db, Queryable } from './driver';

// PGlite is one Postgres backend in WebAssembly: one connection. Every statement and transaction
// goes through one queue, so a plain query can never run inside someone else's open transaction.

export async function openPglite(dataDir: string | null): Promise<Db> {
  if (dataDir !== null) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir === null ? undefined : path.join(dataDir, 'pglite'), {
    // Versions and counters are bigint; they stay far below 2^53.
    parsers: { [types.INT8]: (value: string) => Number(value) },
  });
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const result = queue.then(job, job);
    queue = result.catch(() => undefined);
    return result;
  };
  let closed = false;

  const db: Db = {
    kind: 'pglite',
    faultInjector: null,
    query: <T>(sql: string, params: readonly unknown[] = []) =>
      enqueue(async () => {
        await db.faultInjector?.(sql);
        return (await pg.query<T>(sql, [...params])).rows;
      }),
    tx: <T>(fn: (tx: Queryable) => Promise<T>) =>
      enqueue(() =>
        pg.transaction(async (t) => {
          const scoped: Queryable = {
            query: async <R>(sql: string, params: readonly unknown[] = []) => {
              await db.faultInjector?.(sql);
              return (await t.query<R>(sql, [...params])).rows;
            },
          };
          return fn(scoped);
        }),
      ),
    listen: async (channel, onPayload) => {
      const unlisten = await enqueue(() => pg.listen(channel, onPayload));
      return async () => {
        if (!closed) await enqueue(() => unlisten());
      };
    },
    close: () =>
      enqueue(async () => {
        if (closed) return;
        closed = true;
        await pg.close();
      }),
  };
  return db;
}
