import pg from 'pg';
import type { Db, Queryable } from './driver';

// A real Postgres through a `pg` pool. LISTEN needs a connection of its own that stays open, so
// that every service process on one database hears every other's NOTIFY.

const INT8_OID = 20;
const int8AsNumber = (value: string): number => Number(value);

export async function openPostgres(connectionString: string, poolSize = 10): Promise<Db> {
  const typeOverrides = new pg.TypeOverrides();
  typeOverrides.setTypeParser(INT8_OID, int8AsNumber);
  const pool = new pg.Pool({ connectionString, max: poolSize, types: typeOverrides });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => undefined);
  const probe = await pool.connect();
  probe.release();

  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listenClient: pg.Client | null = null;
  let closing = false;

  async function ensureListenClient(): Promise<pg.Client> {
    if (listenClient) return listenClient;
    const client = new pg.Client({ connectionString, types: typeOverrides });
    client.on('notification', (message) => {
      for (const cb of listeners.get(message.channel) ?? []) cb(message.payload ?? '');
    });
    client.on('error', () => {
      // Reconnect and re-LISTEN: a poke lost meanwhile is covered by the clients' periodic pull.
      listenClient = null;
      if (!closing) setTimeout(() => void relisten(), 500).unref();
    });
    await client.connect();
    listenClient = client;
    return client;
  }

  async function relisten(): Promise<void> {
    try {
      const client = await ensureListenClient();
      for (const channel of listeners.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch {
      if (!closing) setTimeout(() => void relisten(), 1000).unref();
    }
  }

  const db: Db = {
    kind: 'postgres',
    faultInjector: null,
    query: async <T>(sql: string, params: readonly unknown[] = []) => {
      await db.faultInjector?.(sql);
      return (await pool.query(sql, [...params])).rows as T[];
    },
    tx: async <T>(fn: (tx: Queryable) => Promise<T>, options: { readOnlySnapshot?: boolean } = {}) => {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query(
          options.readOnlySnapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN',
        );
        const scoped: Queryable = {
          query: async <R>(sql: string, params: readonly unknown[] = []) => {
            await db.faultInjector?.(sql);
            return (await client.query(sql, [...params])).rows as R[];
          },
        };
        const result = await fn(scoped);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    listen: async (channel, onPayload) => {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        const client = await ensureListenClient();
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    close: async () => {
      if (closing) return;
      closing = true;
      const client = listenClient;
      listenClient = null;
      if (client) await client.end().catch(() => undefined);
      await pool.end();
    },
  };
  return db;
}
