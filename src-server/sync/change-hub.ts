import type { Db, Queryable } from '../db/driver';

// "Organization X changed": NOTIFY inside the write transaction (delivered only on commit, to
// every service process LISTENing on the database), fanned out here to local subscribers (SSE).

export const CHANGES_CHANNEL = 'partner_desk_changes';

type Listener = () => void;

export class ChangeHub {
  private readonly subscribers = new Map<string, Set<Listener>>();
  private stopListening: (() => Promise<void>) | null = null;

  constructor(private readonly db: Db) {}

  async start(): Promise<void> {
    this.stopListening = await this.db.listen(CHANGES_CHANNEL, (orgId) => this.deliver(orgId));
  }

  /** Call inside the write transaction. */
  static async notifyInTx(tx: Queryable, orgId: string): Promise<void> {
    await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, orgId]);
  }

  subscribe(orgId: string, listener: Listener): () => void {
    let set = this.subscribers.get(orgId);
    if (!set) {
      set = new Set();
      this.subscribers.set(orgId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.subscribers.delete(orgId);
    };
  }

  subscriberCount(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }

  private deliver(orgId: string): void {
    for (const listener of this.subscribers.get(orgId) ?? []) listener();
  }

  async stop(): Promise<void> {
    const stop = this.stopListening;
    this.stopListening = null;
    if (stop) await stop();
  }
}
