import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../../../src-shared/ipc/channels';
import { INVOKE_CONTRACTS } from '../../../../src-shared/ipc/contracts';
import { createDesktopServices } from '../../../../src-main/app/desktop-services';
import { IpcFailure } from '../../../../src-main/ipc/ipc-failure';
import { registerIpcHandlers } from '../../../../src-main/ipc/ipc-router';
import type { IpcHandlers } from '../../../../src-main/ipc/ipc-router';
import type { IpcSender } from '../../../../src-main/ports/ipc-port';
import { FakeIpcMain, MemoryLogger, OUR_WINDOW, fakePorts } from '../fakes/fakes';

async function wired() {
  const fakes = fakePorts();
  const services = await createDesktopServices(fakes.ports);
  const ipc = new FakeIpcMain();
  registerIpcHandlers(ipc, services.handlers, fakes.log);
  return { ...fakes, services, ipc };
}

/** Handlers that record calls, for the router's own behaviour. */
function stubHandlers(overrides: Partial<IpcHandlers> = {}): { handlers: IpcHandlers; called: string[] } {
  const called: string[] = [];
  const base = Object.fromEntries(
    Object.keys(INVOKE_CONTRACTS).map((name) => [
      name,
      () => {
        called.push(name);
        return null;
      },
    ]),
  ) as unknown as IpcHandlers;
  return { handlers: { ...base, ...overrides }, called };
}

describe('IPC wrapper', () => {
  it('registers every contract channel, each once, and nothing else', async () => {
    const { ipc } = await wired();
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    expect(new Set(Object.values(INVOKE_CHANNELS)).size).toBe(Object.keys(INVOKE_CONTRACTS).length);
  });

  it.each<[string, IpcSender]>([
    ['another origin', { frameUrl: 'https://evil.example/', isMainFrame: true, isOwnWindow: true }],
    [
      'a look-alike origin',
      { frameUrl: 'app://partner-desk.evil/index.html', isMainFrame: true, isOwnWindow: true },
    ],
    [
      'credentials in our origin',
      { frameUrl: 'app://user:pass@partner-desk/', isMainFrame: true, isOwnWindow: true },
    ],
    [
      'our origin in a query string',
      { frameUrl: 'https://evil.example/?next=app://partner-desk', isMainFrame: true, isOwnWindow: true },
    ],
    [
      'a subframe of our page',
      { frameUrl: 'app://partner-desk/index.html', isMainFrame: false, isOwnWindow: true },
    ],
    [
      'devtools',
      { frameUrl: 'devtools://devtools/bundled/devtools_app.html', isMainFrame: true, isOwnWindow: false },
    ],
    ['file://', { frameUrl: 'file:///home/me/index.html', isMainFrame: true, isOwnWindow: true }],
    ['a destroyed frame', { frameUrl: null, isMainFrame: false, isOwnWindow: true }],
    [
      'a webContents that is not our window',
      { frameUrl: 'app://partner-desk/index.html', isMainFrame: true, isOwnWindow: false },
    ],
  ])('refuses a call from %s without running the handler', async (_label, sender) => {
    const ipc = new FakeIpcMain();
    const log = new MemoryLogger();
    const { handlers, called } = stubHandlers();
    registerIpcHandlers(ipc, handlers, log);
    const result = await ipc.invoke(INVOKE_CHANNELS.clearSessionTokens, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(called).toEqual([]);
    expect(log.lines.some((line) => line.startsWith('warn IPC clearSessionTokens refused'))).toBe(true);
  });

  it('rejects bad input with an error naming the field', async () => {
    const { ipc } = await wired();
    const result = await ipc.invoke(INVOKE_CHANNELS.pushReminderSchedule, OUR_WINDOW, {
      items: [
        {
          key: 'k',
          referralId: 'r',
          title: 't',
          dueAt: 'tomorrow',
          deadline: '2025-06-03T00:00:00Z',
          thresholdHours: 2,
          urgent: false,
        },
      ],
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringMatching(/^pushReminderSchedule: items\.0\.dueAt: /),
      },
    });
  });

  it.each([
    [
      'an unknown key',
      INVOKE_CHANNELS.setAwaitingResponseCount,
      [{ count: 1, extra: true }],
      /\(input\): Unrecognized key/,
    ],
    ['a negative count', INVOKE_CHANNELS.setAwaitingResponseCount, [{ count: -1 }], /count: /],
    ['a string for a number', INVOKE_CHANNELS.pauseNotifications, [{ minutes: '60' }], /minutes: /],
    [
      'an argument where none is taken',
      INVOKE_CHANNELS.getSessionTokens,
      [{ sneaky: 1 }],
      /getSessionTokens: \(input\)/,
    ],
    [
      'two arguments',
      INVOKE_CHANNELS.openExternal,
      [{ url: 'https://a.example' }, 'more'],
      /at most one argument/,
    ],
    ['no argument where one is needed', INVOKE_CHANNELS.openExternal, [], /openExternal: \(input\)/],
    [
      'a prototype-polluting payload',
      INVOKE_CHANNELS.setAwaitingResponseCount,
      [JSON.parse('{"__proto__":{"x":1},"count":1}')],
      /Unrecognized key/,
    ],
  ])('rejects %s', async (_label, channel, args, message) => {
    const { ipc } = await wired();
    const result = (await ipc.invoke(channel, OUR_WINDOW, ...args)) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toMatch(message);
  });

  it('never throws across IPC: a failing handler becomes an internal error without its stack', async () => {
    const ipc = new FakeIpcMain();
    const log = new MemoryLogger();
    const { handlers } = stubHandlers({
      clearSessionTokens: () => {
        throw new Error('disk on fire at /home/me/secret/path');
      },
    });
    registerIpcHandlers(ipc, handlers, log);
    const result = await ipc.invoke(INVOKE_CHANNELS.clearSessionTokens, OUR_WINDOW);
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'clearSessionTokens failed inside Partner Desk.' },
    });
    expect(log.lines.some((line) => line.includes('disk on fire'))).toBe(true);
  });

  it('passes an expected failure through with its code', async () => {
    const ipc = new FakeIpcMain();
    const { handlers } = stubHandlers({
      installUpdate: () => {
        throw new IpcFailure('no-update-ready', 'No update has been downloaded yet.');
      },
    });
    registerIpcHandlers(ipc, handlers, new MemoryLogger());
    expect(await ipc.invoke(INVOKE_CHANNELS.installUpdate, OUR_WINDOW)).toEqual({
      ok: false,
      error: { code: 'no-update-ready', message: 'No update has been downloaded yet.' },
    });
  });

  it('checks responses too: a handler returning the wrong shape is an internal error', async () => {
    const ipc = new FakeIpcMain();
    const { handlers } = stubHandlers({ getUpdateStatus: () => ({ state: 'bogus' }) as never });
    registerIpcHandlers(ipc, handlers, new MemoryLogger());
    expect(await ipc.invoke(INVOKE_CHANNELS.getUpdateStatus, OUR_WINDOW)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('answers a valid call with a result object', async () => {
    const { ipc } = await wired();
    expect(await ipc.invoke(INVOKE_CHANNELS.getDesktopInfo, OUR_WINDOW)).toEqual({
      ok: true,
      value: {
        kind: 'desktop',
        platform: 'linux',
        version: '1.2.3',
        serviceUrl: 'http://127.0.0.1:4870',
        capabilities: { tray: true, backgroundNotifications: true, autoUpdate: true },
      },
    });
  });

  it('opens only guarded links, in their normalized form', async () => {
    const { ipc, opened } = await wired();
    expect(
      await ipc.invoke(INVOKE_CHANNELS.openExternal, OUR_WINDOW, { url: 'HTTPS://Contoso.com/a' }),
    ).toEqual({ ok: true, value: null });
    expect(
      await ipc.invoke(INVOKE_CHANNELS.openExternal, OUR_WINDOW, { url: 'javascript:alert(1)' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'url-refused' },
    });
    expect(opened).toEqual(['https://contoso.com/a']);
  });
});
