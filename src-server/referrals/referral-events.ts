import { EventEmitter } from 'node:events';
import type { Referral } from '../../src-shared/index';

// Referral events. The durable copy is the `referral_events` table, written in the same
// transaction as the change (webhooks and email alerts read it by id, so none is ever missed, and
// it works across service processes). This emitter is the in-process nudge after commit, so a
// consumer can look at the table at once instead of waiting for its next poll.

export type ReferralEventKind = 'created' | 'updated' | 'deleted';

export interface ReferralEvent {
  /** `referral_events.id` */
  id: number;
  orgId: string;
  referralId: string;
  version: number;
  kind: ReferralEventKind;
  /** The intent or job: accept, decline, expire, intake, csv-import … */
  action: string;
  /** push, pc-api, intake, csv, sweeper, seed, cli … */
  channel: string;
  referral: Referral | null;
}

export class ReferralEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  /** Called after commit with every event of one write transaction. */
  on(listener: (events: readonly ReferralEvent[]) => void): () => void {
    this.emitter.on('committed', listener);
    return () => this.emitter.off('committed', listener);
  }

  emitCommitted(events: readonly ReferralEvent[]): void {
    if (events.length === 0) return;
    // A consumer's bug must never fail the write that already committed.
    for (const listener of this.emitter.listeners('committed')) {
      try {
        (listener as (e: readonly ReferralEvent[]) => void)(events);
      } catch {
        // ignored on purpose
      }
    }
  }
}
