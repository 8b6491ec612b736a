import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationPreferences, ReminderItemPayload } from '../../../../src-shared/ipc/schemas';
import { NotificationCenter } from '../../../../src-main/notifications/notification-center';
import { DEFAULT_NOTIFICATION_PREFERENCES } from '../../../../src-main/notifications/preferences';
import { MAX_TIMER_MS, ReminderScheduler } from '../../../../src-main/notifications/reminder-scheduler';
import { FakeTime } from '../fakes/fake-time';
import { FakeNotifier, MemoryFileStore, MemoryLogger } from '../fakes/fakes';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The items `reminderSchedule` would produce for one referral. */
function remindersFor(
  referralId: string,
  deadline: string,
  thresholds: number[] = [72, 24, 2],
  extra: Partial<ReminderItemPayload> = {},
): ReminderItemPayload[] {
  return thresholds.map((thresholdHours) => ({
    key: `${referralId}:${thresholdHours}h:${deadline}`,
    referralId,
    title: `Customer ${referralId}`,
    dueAt: new Date(Date.parse(deadline) - thresholdHours * HOUR).toISOString(),
    deadline,
    thresholdHours,
    urgent: false,
    ...extra,
  }));
}

async function setup(
  start: string,
  preferences: Partial<NotificationPreferences> = {},
  files = new MemoryFileStore(),
) {
  const time = new FakeTime(Date.parse(start));
  const notifier = new FakeNotifier();
  const log = new MemoryLogger();
  const activated: (string | null)[] = [];
  const center = new NotificationCenter(
    notifier,
    (target) => activated.push(target?.referralId ?? null),
    log,
  );
  const prefs: NotificationPreferences = { ...DEFAULT_NOTIFICATION_PREFERENCES, ...preferences };
  const shownAt: string[] = [];
  const scheduler = await ReminderScheduler.open({
    clock: time,
    timer: time,
    files,
    log,
    preferences: () => prefs,
    present: (notice) => {
      shownAt.push(time.iso());
      center.present(notice);
    },
  });
  return { time, notifier, scheduler, files, prefs, shownAt, activated, center };
}

const originalTz = process.env['TZ'];
afterEach(() => {
  if (originalTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = originalTz;
});

describe('reminder scheduler', () => {
  it('reminds at each threshold, exactly on time, once', async () => {
    const { time, notifier, scheduler, shownAt } = await setup('2025-06-01T00:00:00.000Z');
    await scheduler.replaceSchedule(remindersFor('r1', '2025-06-05T12:00:00.000Z'));
    await time.advance(5 * 24 * HOUR);
    expect(shownAt).toEqual([
      '2025-06-02T12:00:00.000Z',
      '2025-06-04T12:00:00.000Z',
      '2025-06-05T10:00:00.000Z',
    ]);
    expect(notifier.shown.map((n) => n.request.body)).toEqual([
      'Respond within 3 days or the referral expires.',
      'Respond within 24 hours or the referral expires.',
      'Respond within 2 hours or the referral expires.',
    ]);
    expect(notifier.titles).toEqual(['Customer r1', 'Customer r1', 'Customer r1']);
  });

  it('keeps only the thresholds the user chose', async () => {
    const { time, notifier, scheduler } = await setup('2025-06-01T00:00:00.000Z', { thresholdsHours: [24] });
    await scheduler.replaceSchedule(remindersFor('r1', '2025-06-05T12:00:00.000Z'));
    await time.advance(5 * 24 * HOUR);
    expect(notifier.shown.map((n) => n.request.body)).toEqual([
      'Respond within 24 hours or the referral expires.',
    ]);
  });

  it('shows nothing when reminders are turned off', async () => {
    const { time, notifier, scheduler } = await setup('2025-06-01T00:00:00.000Z', {
      remindersEnabled: false,
    });
    await scheduler.replaceSchedule(remindersFor('r1', '2025-06-05T12:00:00.000Z'));
    await time.advance(5 * 24 * HOUR);
    expect(notifier.shown).toEqual([]);
    expect(time.timerCount).toBe(0);
  });

  it('flags contact-me referrals as urgent', async () => {
    const { time, notifier, scheduler } = await setup('2025-06-01T00:00:00.000Z');
    await scheduler.replaceSchedule(remindersFor('r1', '2025-06-01T04:00:00.000Z', [2], { urgent: true }));
    await time.advance(3 * HOUR);
    expect(notifier.shown[0]?.request).toMatchObject({
      urgent: true,
      title: 'Contact requested: Customer r1',
    });
  });

  it('never repeats a reminder across restarts (the shown keys are persisted)', async () => {
    const files = new MemoryFileStore();
    const first = await setup('2025-06-01T00:00:00.000Z', {}, files);
    const items = remindersFor('r1', '2025-06-03T00:00:00.000Z');
    await first.scheduler.replaceSchedule(items);
    await first.time.advance(25 * HOUR); // the 24 h reminder is shown
    expect(first.notifier.shown).toHaveLength(2); // 72 h (already due at start) and 24 h
    first.scheduler.dispose();

    const second = await setup(first.time.iso(), {}, files);
    await second.scheduler.check('startup');
    await second.scheduler.replaceSchedule(items); // the renderer sends the same schedule again
    expect(second.notifier.shown).toEqual([]);
    await second.time.advance(23 * HOUR - 1); // the 2 h reminder is still to come, once
    expect(second.notifier.shown.map((n) => n.request.body)).toEqual([
      'Respond within 2 hours or the referral expires.',
    ]);
  });

  it('folds a backlog after sleep into one summary: "3 referrals expired while you were away"', async () => {
    const { time, notifier, scheduler, activated } = await setup('2025-06-01T00:00:00.000Z');
    await scheduler.replaceSchedule([
      ...remindersFor('a', '2025-06-04T09:00:00.000Z'),
      ...remindersFor('b', '2025-06-04T10:00:00.000Z'),
      ...remindersFor('c', '2025-06-04T11:00:00.000Z'),
    ]);
    time.sleep(5 * 24 * HOUR); // the lid was closed for five days: timers did not run
    await scheduler.check('resume');
    expect(notifier.titles).toEqual(['3 referrals expired while you were away']);
    notifier.shown[0]?.click();
    expect(activated).toEqual([null]); // a summary just brings the window up
    await time.advance(24 * HOUR);
    expect(notifier.shown).toHaveLength(1);
  });

  it('after resume mentions both expired and upcoming referrals, one notification per check', async () => {
    const { time, notifier, scheduler } = await setup('2025-06-01T00:00:00.000Z');
    await scheduler.replaceSchedule([
      ...remindersFor('a', '2025-06-02T00:00:00.000Z'),
      ...remindersFor('b', '2025-06-02T00:30:00.000Z'),
      ...remindersFor('c', '2025-06-03T02:00:00.000Z'),
    ]);
    expect(notifier.titles).toEqual(['3 referrals need a response soon']); // the 72 h reminders, due at once
    time.sleep(24 * HOUR + 15 * MINUTE);
    await scheduler.check('resume');
    expect(notifier.titles[1]).toBe(
      '1 referral expired while you were away, 1 referral needs a response soon',
    );
  });

  it('a single missed reminder stays a reminder for that referral, and a click opens it', async () => {
    const { time, notifier, scheduler, activated, center } = await setup('2025-06-01T00:00:00.000Z');
    await scheduler.replaceSchedule(remindersFor('solo', '2025-06-01T20:00:00.000Z', [2]));
    time.sleep(19 * HOUR);
    await scheduler.check('resume');
    expect(notifier.shown.map((n) => n.request.body)).toEqual([
      'Respond within 1 hour or the referral expires.',
    ]);
    expect(center.liveCount).toBe(1); // referenced until clicked, or Electron would drop the click
    notifier.shown[0]?.click();
    expect(activated).toEqual(['solo']);
    expect(center.liveCount).toBe(0);
  });

  it('does not fire early when the clock jumps backwards', async () => {
    const { time, notifier, scheduler, shownAt } = await setup('2025-06-01T00:00:00.000Z');
    await scheduler.replaceSchedule(remindersFor('r1', '2025-06-01T02:10:00.000Z', [2])); // due 00:10
    time.jumpWall(-HOUR); // now 23:00 the day before; the armed timer still runs
    await time.advance(10 * MINUTE);
    expect(notifier.shown).toEqual([]);
    await time.advance(HOUR);
    expect(shownAt).toEqual(['2025-06-01T00:10:00.000Z']);
    await time.advance(2 * HOUR);
    expect(notifier.shown).toHaveLength(1);
  });

  it('notices a clock jump forwards within the timer cap', async () => {
    const { time, notifier, scheduler } = await setup('2025-06-01T00:00:00.000Z');
    await scheduler.replaceSchedule(remindersFor('r1', '2025-06-01T05:00:00.000Z', [2])); // due 03:00
    time.jumpWall(4 * HOUR);
    await time.advance(MAX_TIMER_MS);
    expect(notifier.shown).toHaveLength(1);
  });

  it('shows what the old schedule had due before replacing it, rather than dropping it', async () => {
    const { time, notifier, scheduler } = await setup('2025-06-01T00:00:00.000Z');
    await scheduler.replaceSchedule(remindersFor('r1', '2025-06-01T03:00:00.000Z', [2])); // due 01:00
    time.jumpWall(2 * HOUR);
    await scheduler.replaceSchedule([]); // the renderer's new schedule leaves past items out
    expect(notifier.shown).toHaveLength(1);
  });

  it.each([
    [
      'spring forward (Europe/Stockholm, 2025-03-30)',
      'Europe/Stockholm',
      '2025-03-29T00:00:00.000Z',
      '2025-03-30T12:00:00.000Z',
    ],
    [
      'fall back (Europe/Stockholm, 2025-10-26)',
      'Europe/Stockholm',
      '2025-10-25T00:00:00.000Z',
      '2025-10-26T02:30:00.000Z',
    ],
    [
      'fall back (America/New_York, 2025-11-02)',
      'America/New_York',
      '2025-11-01T00:00:00.000Z',
      '2025-11-02T06:30:00.000Z',
    ],
  ])('is not shifted or duplicated by a daylight-saving change: %s', async (_label, tz, start, deadline) => {
    process.env['TZ'] = tz;
    const { time, scheduler, shownAt } = await setup(start, { thresholdsHours: [24, 2, 1] });
    await scheduler.replaceSchedule([
      ...remindersFor('r1', deadline, [24, 2]),
      ...remindersFor('r2', deadline, [1]),
    ]);
    await time.advance(3 * 24 * HOUR);
    const expected = [24, 2, 1].map((h) => new Date(Date.parse(deadline) - h * HOUR).toISOString());
    expect(shownAt).toEqual(expected);
  });

  it('holds reminders while paused for an hour and shows them when the pause ends', async () => {
    const { time, notifier, scheduler, prefs, shownAt } = await setup('2025-06-01T00:00:00.000Z');
    prefs.pausedUntil = '2025-06-01T01:00:00.000Z';
    await scheduler.replaceSchedule([
      ...remindersFor('a', '2025-06-01T02:10:00.000Z', [2]),
      ...remindersFor('b', '2025-06-01T02:40:00.000Z', [2]),
      ...remindersFor('c', '2025-06-01T05:00:00.000Z', [2]),
    ]);
    await time.advance(59 * MINUTE);
    expect(notifier.shown).toEqual([]);
    await time.advance(2 * MINUTE);
    expect(shownAt).toEqual(['2025-06-01T01:00:00.000Z']);
    expect(notifier.titles).toEqual(['2 referrals need a response soon']);
    await time.advance(3 * HOUR);
    expect(shownAt).toEqual(['2025-06-01T01:00:00.000Z', '2025-06-01T03:00:00.000Z']);
  });

  it('never arms a timer longer than the cap (setTimeout overflows past 24.8 days)', async () => {
    const { time, scheduler, notifier } = await setup('2025-06-01T00:00:00.000Z');
    await scheduler.replaceSchedule(remindersFor('far', '2025-09-01T00:00:00.000Z', [2]));
    await time.advance(MAX_TIMER_MS);
    expect(time.timerCount).toBe(1);
    expect(notifier.shown).toEqual([]);
  });

  it('survives a corrupt state file', async () => {
    const files = new MemoryFileStore();
    await files.write('reminders.json', '{not json', { mode: 0o600 });
    const { scheduler, notifier } = await setup('2025-06-01T00:00:00.000Z', {}, files);
    await scheduler.check('startup');
    expect(notifier.shown).toEqual([]);
    expect(files.files.get('reminders.json')?.mode).toBe(0o600);
  });
});
