import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, captureState, restoreBounds } from '../../../../src-main/windows/window-state';
import { WindowStateKeeper } from '../../../../src-main/windows/window-state-keeper';
import { FakeTime } from '../fakes/fake-time';
import { MemoryFileStore, MemoryLogger } from '../fakes/fakes';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('window state', () => {
  it('opens at the default size the first time', () => {
    expect(restoreBounds(null, [laptop])).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
  });

  it('restores size, position and maximized on a display that still exists', () => {
    const saved = { x: 1600, y: 100, width: 1600, height: 1000, maximized: true };
    expect(restoreBounds(saved, [laptop, external])).toEqual({
      bounds: { x: 1600, y: 100, width: 1600, height: 1000 },
      maximized: true,
    });
  });

  it('drops the position when its monitor was unplugged, keeping a size that fits', () => {
    const saved = { x: 1600, y: 100, width: 2400, height: 1300, maximized: false };
    expect(restoreBounds(saved, [laptop])).toEqual({
      bounds: { width: 1440, height: 875 },
      maximized: false,
    });
  });

  it('pulls a window whose title bar is off-screen back within reach', () => {
    const saved = { x: 100, y: -500, width: 1000, height: 700, maximized: false };
    // The title bar strip is above the display: not reachable, so only the size is kept.
    expect(restoreBounds(saved, [laptop]).bounds).toEqual({ width: 1000, height: 700 });
    const partly = { x: 1300, y: 800, width: 1000, height: 700, maximized: false };
    expect(restoreBounds(partly, [laptop]).bounds).toEqual({ x: 1300, y: 800, width: 1000, height: 700 });
  });

  it('saves the normal bounds, debounced, and flushes on close', async () => {
    const files = new MemoryFileStore();
    const time = new FakeTime(0);
    const keeper = new WindowStateKeeper(files, time, new MemoryLogger());
    for (let x = 0; x < 50; x += 1) keeper.changed({ x, y: 10, width: 1200.4, height: 800 }, false);
    await time.advance(1_000);
    expect(files.writes).toBe(1);
    expect(await keeper.load()).toEqual(captureState({ x: 49, y: 10, width: 1200, height: 800 }, false));
    keeper.changed({ x: 5, y: 5, width: 900, height: 700 }, true);
    await keeper.flush();
    expect(await keeper.load()).toEqual({ x: 5, y: 5, width: 900, height: 700, maximized: true });
    expect(files.files.get('window-state.json')?.mode).toBe(0o600);
  });
});
