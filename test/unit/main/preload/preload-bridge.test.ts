import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL_KEY, EVENT_CHANNELS } from '../../../../src-shared/ipc/channels';
import type { EventName, InvokeName } from '../../../../src-shared/ipc/channels';
import { EVENT_CONTRACTS, INVOKE_CONTRACTS } from '../../../../src-shared/ipc/contracts';
import { eventMethodName } from '../../../../src-shared/ipc/desktop-bridge';
import { createPreloadBridge } from '../../../../src-main/preload/bridge';
import type { IpcRendererLike } from '../../../../src-main/preload/bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpcRenderer() {
  const invoked: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      invoked.push({ channel, args });
      return { ok: true, value: null };
    },
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (channel: string, payload: unknown): void =>
    listeners.get(channel)?.forEach((listener) => listener({ sender: 'SECRET-IPC-EVENT' }, payload));
  return { ipc, invoked, listeners, emit };
}

const invokeNames = Object.keys(INVOKE_CONTRACTS) as InvokeName[];
const eventNames = Object.keys(EVENT_CONTRACTS) as EventName[];

describe('preload bridge', () => {
  it('exposes exactly one named method per contract channel, and nothing generic', () => {
    const bridge = createPreloadBridge(fakeIpcRenderer().ipc);
    const expected = ['kind', ...invokeNames, ...eventNames.map(eventMethodName)].sort();
    expect(Object.keys(bridge).sort()).toEqual(expected);
    for (const generic of ['invoke', 'send', 'on', 'ipcRenderer', 'call'])
      expect(bridge).not.toHaveProperty(generic);
  });

  it.each(invokeNames)('%s invokes its own channel with at most the one input', async (name) => {
    const { ipc, invoked } = fakeIpcRenderer();
    const bridge = createPreloadBridge(ipc) as unknown as Record<
      string,
      (input?: unknown) => Promise<unknown>
    >;
    const input = INVOKE_CONTRACTS[name].request.safeParse(undefined).success ? undefined : { probe: true };
    await bridge[name]?.(input);
    expect(invoked).toEqual([
      { channel: INVOKE_CONTRACTS[name].channel, args: input === undefined ? [] : [input] },
    ]);
  });

  it.each(eventNames)('%s subscribes to its channel, passes the payload only, and unsubscribes', (name) => {
    const { ipc, listeners, emit } = fakeIpcRenderer();
    const bridge = createPreloadBridge(ipc) as unknown as Record<
      string,
      (listener: (...a: unknown[]) => void) => () => void
    >;
    const received: unknown[][] = [];
    const unsubscribe = bridge[eventMethodName(name)]?.((...args) => received.push(args));
    emit(EVENT_CHANNELS[name], { probe: 1 });
    expect(received).toEqual([[{ probe: 1 }]]);
    unsubscribe?.();
    expect(listeners.get(EVENT_CHANNELS[name])?.size).toBe(0);
  });

  it('turns a rejected invoke into a result instead of throwing', async () => {
    const { ipc } = fakeIpcRenderer();
    ipc.invoke = () => Promise.reject(new Error("No handler registered for 'x'"));
    const result = await createPreloadBridge(ipc).getUpdateStatus();
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: "No handler registered for 'x'" },
    });
  });

  it('is exposed as window.partnerDesk', () => {
    expect(BRIDGE_GLOBAL_KEY).toBe('partnerDesk');
  });

  it('imports only electron, the channel names and types (so the bundle stays small)', () => {
    const directory = path.resolve('src-main/preload');
    const sources = readdirSync(directory)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(path.join(directory, f), 'utf8'));
    const valueImports = sources
      .flatMap((source) => [...source.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gm)].map((m) => m[1]))
      .sort();
    expect([...new Set(valueImports)]).toEqual(['../../src-shared/ipc/channels', './bridge', 'electron']);
    const channels = readFileSync(path.resolve('src-shared/ipc/channels.ts'), 'utf8');
    expect(channels).not.toMatch(/^import /m);
  });
});
