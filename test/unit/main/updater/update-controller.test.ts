import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../../src-shared/ipc/schemas';
import { UPDATE_CHECK_INTERVAL_MS, UpdateController } from '../../../../src-main/updater/update-controller';
import { QuitState } from '../../../../src-main/windows/quit-state';
import { FakeTime } from '../fakes/fake-time';
import { FakeUpdater, MemoryLogger } from '../fakes/fakes';

function setup(supported = true) {
  const time = new FakeTime(Date.parse('2025-06-01T08:00:00.000Z'));
  const order: string[] = [];
  const updater = new FakeUpdater(() => order.push(`quitAndInstall (quitting=${quit.isQuitting})`));
  updater.supported = supported;
  const quit = new QuitState(() => true);
  const published: UpdateStatus[] = [];
  const controller = new UpdateController({
    updater,
    clock: time,
    timer: time,
    log: new MemoryLogger(),
    prepareQuit: () => {
      order.push('prepareQuit');
      quit.markQuitting();
    },
    publish: (status) => published.push(status),
  });
  return { time, updater, controller, published, order, quit };
}

describe('update state machine', () => {
  it('checks at start and every 6 hours', async () => {
    const { time, updater, controller } = setup();
    controller.start();
    await time.advance(0);
    expect(updater.checks).toBe(1);
    await time.advance(UPDATE_CHECK_INTERVAL_MS - 1);
    expect(updater.checks).toBe(1);
    await time.advance(1);
    expect(updater.checks).toBe(2);
    await time.advance(UPDATE_CHECK_INTERVAL_MS * 3);
    expect(updater.checks).toBe(5);
  });

  it('goes checking → downloading → downloaded (the banner), and no further checks meanwhile', async () => {
    const { time, updater, controller, published } = setup();
    controller.start();
    updater.emit({ type: 'checking' });
    updater.emit({ type: 'available', version: '1.3.0' });
    updater.emit({ type: 'progress', percent: 42.5 });
    updater.emit({ type: 'downloaded', version: '1.3.0' });
    expect(published.map((s) => s.state)).toEqual([
      'checking',
      'checking',
      'downloading',
      'downloading',
      'downloaded',
    ]);
    expect(controller.get()).toEqual({ state: 'downloaded', version: '1.3.0' });
    await time.advance(UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(1);
    // A later error does not hide the update that is ready.
    updater.emit({ type: 'error', message: 'offline' });
    expect(controller.get().state).toBe('downloaded');
  });

  it('installs only on consent, and only a downloaded update', () => {
    const { updater, controller } = setup();
    expect(() => controller.install()).toThrow(expect.objectContaining({ code: 'no-update-ready' }));
    updater.emit({ type: 'available', version: '1.3.0' });
    expect(() => controller.install()).toThrow(expect.objectContaining({ code: 'no-update-ready' }));
    expect(updater.installs).toBe(0);
  });

  it('quit-and-install lets the app quit past close-to-tray first', () => {
    const { updater, controller, order, quit } = setup();
    expect(quit.shouldHideOnClose()).toBe(true);
    updater.emit({ type: 'downloaded', version: '1.3.0' });
    controller.install();
    expect(order).toEqual(['prepareQuit', 'quitAndInstall (quitting=true)']);
    expect(quit.shouldHideOnClose()).toBe(false);
    expect(controller.get()).toEqual({ state: 'installing', version: '1.3.0' });
  });

  it('records a failed check and keeps checking on schedule', async () => {
    const { time, updater, controller } = setup();
    updater.failNextCheck = new Error('net::ERR_INTERNET_DISCONNECTED');
    controller.start();
    await time.advance(0);
    expect(controller.get()).toEqual({
      state: 'error',
      message: 'net::ERR_INTERNET_DISCONNECTED',
      lastCheckedAt: '2025-06-01T08:00:00.000Z',
    });
    await time.advance(UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(2);
  });

  it('returns to idle when there is nothing new', async () => {
    const { time, updater, controller } = setup();
    controller.start();
    updater.emit({ type: 'not-available' });
    await time.advance(0);
    expect(controller.get()).toEqual({ state: 'idle', lastCheckedAt: '2025-06-01T08:00:00.000Z' });
  });

  it('is disabled in an unpackaged build: no checks at all', async () => {
    const { time, updater, controller } = setup(false);
    controller.start();
    await controller.checkNow();
    await time.advance(UPDATE_CHECK_INTERVAL_MS * 2);
    expect(updater.checks).toBe(0);
    expect(controller.get().state).toBe('disabled');
  });
});
