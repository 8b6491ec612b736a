import type { Referral } from '../../src-shared';

// What the engine needs from its host. In the app these are the bridge (tokens, notifications)
// and navigator.locks; in Node tests, small in-memory implementations.

export interface TokenPort {
  /** The current access token, or null when there is none. */
  accessToken(): Promise<string | null>;
  /** Gets a new access token (a refresh through the bridge); null means "sign in again". */
  refresh(): Promise<string | null>;
}

/** The subset of navigator.locks the engine uses: one holder per name at a time. */
export interface LockPort {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface NotifyPort {
  /** Referrals that arrived after the first sync: the shell turns them into notifications. */
  newReferrals(referrals: Referral[]): void;
}

/** Named points where a test may kill the engine (throw) to simulate a crash. */
export type FaultPoint =
  | 'push:before-send'
  | 'push:after-response'
  | 'pull:in-transaction'
  | 'pull:page-committed'
  | 'snapshot:in-transaction'
  | 'snapshot:between-pages';

/** Throwing simulates a crash. Points outside a transaction await the hook (tests observe there). */
export type FaultHook = (point: FaultPoint) => void | Promise<void>;

/** A lock port for one process (tests, or a browser without navigator.locks). */
export function createMemoryLocks(): LockPort {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      const previous = tails.get(name) ?? Promise.resolve();
      const run = previous.catch(() => undefined).then(callback);
      tails.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
  };
}
