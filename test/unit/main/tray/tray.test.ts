import { describe, expect, it } from 'vitest';
import { TrayController } from '../../../../src-main/tray/tray-controller';
import { badgeLabel, trayView } from '../../../../src-main/tray/tray-model';
import { FakeBadge, FakeTray } from '../fakes/fakes';

const hhmm = (ms: number): string => new Date(ms).toISOString().slice(11, 16);

describe('tray', () => {
  it('shows the number awaiting a response in the tooltip, title and icon', () => {
    expect(trayView({ awaitingCount: 0, pausedUntil: null }, hhmm)).toMatchObject({
      tooltip: 'Partner Desk: No referrals awaiting a response',
      title: '',
      icon: 'idle',
    });
    expect(trayView({ awaitingCount: 1, pausedUntil: null }, hhmm)).toMatchObject({
      tooltip: 'Partner Desk: 1 referral awaiting a response',
      title: '1',
      icon: 'attention',
    });
    expect(
      trayView({ awaitingCount: 12, pausedUntil: Date.parse('2025-06-01T10:30:00Z') }, hhmm).tooltip,
    ).toBe('Partner Desk: 12 referrals awaiting a response · notifications paused until 10:30');
    expect(badgeLabel(1500)).toBe('999+');
  });

  it('has the menu: open, sync now, pause for an hour (or resume), quit', () => {
    const labels = (paused: number | null) =>
      trayView({ awaitingCount: 0, pausedUntil: paused }, hhmm).menu.map((item) =>
        item === 'separator' ? '—' : item.id,
      );
    expect(labels(null)).toEqual(['open', 'sync-now', '—', 'pause', '—', 'quit']);
    expect(labels(Date.parse('2025-06-01T10:30:00Z'))).toEqual([
      'open',
      'sync-now',
      '—',
      'resume',
      '—',
      'quit',
    ]);
  });

  it('keeps the badge and the tray in step with the count', () => {
    const tray = new FakeTray();
    const badge = new FakeBadge();
    const actions: string[] = [];
    const controller = new TrayController(
      tray,
      badge,
      {
        open: () => actions.push('open'),
        syncNow: () => actions.push('sync'),
        pause: () => actions.push('pause'),
        resume: () => actions.push('resume'),
        quit: () => actions.push('quit'),
      },
      hhmm,
    );
    controller.setAwaitingCount(7);
    controller.setAwaitingCount(3.9);
    expect(badge.counts).toEqual([7, 3]);
    expect(tray.current.title).toBe('3');
    controller.setAwaitingCount(0);
    expect(badge.counts.at(-1)).toBe(0);
    expect(tray.current.icon).toBe('idle');
    for (const id of ['open', 'sync-now', 'pause', 'resume', 'quit'] as const) tray.choose(id);
    tray.activate();
    expect(actions).toEqual(['open', 'sync', 'pause', 'resume', 'quit', 'open']);
  });

  it('still sets the badge where there is no tray', () => {
    const badge = new FakeBadge();
    const noop = () => undefined;
    new TrayController(
      null,
      badge,
      { open: noop, syncNow: noop, pause: noop, resume: noop, quit: noop },
      hhmm,
    ).setAwaitingCount(4);
    expect(badge.counts).toEqual([4]);
  });
});
