// The one small query layer every part of the service talks to. Two drivers implement it (PGlite
// embedded, `pg` for a real Postgres); the SQL is the same on both.

export interface Queryable {
  /** Runs one statement with `$1`-style parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface TxOptions {
  /** A consistent read of several statements (pull, snapshot). */
  readOnlySnapshot?: boolean;
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  tx<T>(fn: (tx: Queryable) => Promise<T>, options?: TxOptions): Promise<T>;
  /** Subscribes to NOTIFY on a channel (a dedicated connection on Postgres). */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /**
   * Test hook: called (and awaited) before every statement; a throw here behaves like the
   * database failing at that point, a delay like a slow database (see test/integration/service/push-faults.test.ts).
   */
  faultInjector: ((sql: string) => void | Promise<void>) | null;
}
