import type { z } from 'zod';
import type { EventName, InvokeName } from './channels';
import type { EventPayload, InvokeContracts, InvokeResponse } from './contracts';

// The bridge between the UI and its host, derived from the contracts: the Electron preload, the
// browser bridge (web mode) and the test fake all implement DesktopBridge, so adding or changing a
// contract breaks each of them at compile time.

export const IPC_ERROR_CODES = [
  'forbidden-sender',
  'invalid-input',
  'url-refused',
  'no-update-ready',
  'unsupported',
  'internal',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export interface IpcError {
  code: IpcErrorCode;
  message: string;
}

/** Every call resolves to a result; nothing throws across IPC. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

type InvokeMethod<K extends InvokeName> = InvokeContracts[K]['request'] extends z.ZodUndefined
  ? () => Promise<IpcResult<InvokeResponse<K>>>
  : (input: z.input<InvokeContracts[K]['request']>) => Promise<IpcResult<InvokeResponse<K>>>;

export type Unsubscribe = () => void;

/** `openReferral` → `onOpenReferral`. */
export type EventMethodName<K extends EventName> = `on${Capitalize<K>}`;

export type DesktopBridge = { readonly kind: 'desktop' | 'web' | 'fake' } & {
  readonly [K in InvokeName]: InvokeMethod<K>;
} & {
  readonly [K in EventName as EventMethodName<K>]: (
    listener: (payload: EventPayload<K>) => void,
  ) => Unsubscribe;
};

export function eventMethodName<K extends EventName>(name: K): EventMethodName<K> {
  return `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as EventMethodName<K>;
}
