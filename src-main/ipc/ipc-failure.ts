import type { IpcErrorCode } from '../../src-shared/ipc/desktop-bridge';

/** An expected failure a handler reports to the renderer (the router turns it into a result). */
export class IpcFailure extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IpcFailure';
  }
}
