import { describe, expect, it } from 'vitest';
import type { EventName, InvokeName } from '../../../src-shared/ipc/channels';
import { EVENT_CONTRACTS, INVOKE_CONTRACTS } from '../../../src-shared/ipc/contracts';
import { eventMethodName } from '../../../src-shared/ipc/desktop-bridge';
import { createPreloadBridge } from '../../../src-main/preload/bridge';
import { createBrowserBridge } from '../../../src-renderer/bridge/browser-bridge';
import { createFakeBridge } from '../../../src-renderer/bridge/fake-bridge';
import { fakeBrowserEnv } from './fake-browser-env';

const expectedKeys = [
  'kind',
  ...(Object.keys(INVOKE_CONTRACTS) as InvokeName[]),
  ...(Object.keys(EVENT_CONTRACTS) as EventName[]).map(eventMethodName),
].sort();

describe('the three DesktopBridge implementations', () => {
  it('have exactly the same methods: one per contract channel and event', () => {
    const preload = createPreloadBridge({
      invoke: async () => null,
      on: () => undefined,
      removeListener: () => undefined,
    });
    const browser = createBrowserBridge(fakeBrowserEnv().env);
    const fake = createFakeBridge().bridge;
    for (const bridge of [preload, browser, fake]) expect(Object.keys(bridge).sort()).toEqual(expectedKeys);
    expect([preload.kind, browser.kind, fake.kind]).toEqual(['desktop', 'web', 'fake']);
  });

  it('answer every invoke method with a result object in web mode and in the fake', async () => {
    const browser = createBrowserBridge(fakeBrowserEnv().env) as unknown as Record<
      string,
      (input?: unknown) => Promise<unknown>
    >;
    const fake = createFakeBridge().bridge as unknown as Record<
      string,
      (input?: unknown) => Promise<unknown>
    >;
    for (const name of Object.keys(INVOKE_CONTRACTS)) {
      for (const bridge of [browser, fake]) {
        const result = (await bridge[name]?.(undefined)) as { ok: boolean };
        expect(typeof result.ok, name).toBe('boolean');
      }
    }
  });
});

describe('fake bridge', () => {
  it('records calls, answers with overrides or defaults, and delivers events', async () => {
    const { bridge, calls, emit, listenerCount } = createFakeBridge({
      getSessionTokens: () => ({ ok: false, error: { code: 'internal', message: 'keyring locked' } }),
    });
    expect(await bridge.getSessionTokens()).toEqual({
      ok: false,
      error: { code: 'internal', message: 'keyring locked' },
    });
    expect(await bridge.setAwaitingResponseCount({ count: 2 })).toEqual({ ok: true, value: null });
    expect(calls).toEqual([
      { name: 'getSessionTokens', input: undefined },
      { name: 'setAwaitingResponseCount', input: { count: 2 } },
    ]);
    const opened: string[] = [];
    const stop = bridge.onOpenReferral(({ referralId }) => opened.push(referralId));
    emit('openReferral', { referralId: 'r9' });
    stop();
    emit('openReferral', { referralId: 'r10' });
    expect(opened).toEqual(['r9']);
    expect(listenerCount('openReferral')).toBe(0);
  });
});
