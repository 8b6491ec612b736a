import type { HttpResult } from './http';

// Why a sync round stopped. The engine's loop decides what to do with each (back off, ask for a
// sign-in, surface an error); a crash (a test's fault hook, a bug) is anything else.

export class TransientError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null,
    readonly network: boolean,
  ) {
    super(message);
    this.name = 'TransientError';
  }
}

export class AuthError extends Error {
  constructor() {
    super('sign in again');
    this.name = 'AuthError';
  }
}

export class FatalSyncError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'FatalSyncError';
  }
}

export class StorageFullError extends Error {
  constructor() {
    super('The disk is full: downloading stopped. Your own changes are kept and still sent.');
    this.name = 'StorageFullError';
  }
}

/** Turns a non-ok HTTP result into the error the loop understands. */
export function failure(result: Exclude<HttpResult<unknown>, { kind: 'ok' }>): Error {
  switch (result.kind) {
    case 'unauthorized':
      return new AuthError();
    case 'transient':
      return new TransientError(result.message, result.retryAfterMs, result.network);
    case 'seq_gap':
      return new FatalSyncError('seq_gap', `the service expects seq ${result.expectedSeq}`);
    case 'gone':
      return new FatalSyncError('gone', 'the snapshot is gone');
    case 'fatal':
      return new FatalSyncError(result.error, result.message);
  }
}

/** serverTime minus the device time at the middle of the request. */
export function clockOffsetOf(serverTime: string, sentAt: number, receivedAt: number): number | null {
  const server = Date.parse(serverTime);
  return Number.isFinite(server) ? Math.round(server - (sentAt + receivedAt) / 2) : null;
}
