import { describe, expect, it } from 'vitest';
import type { NewReferral, NotificationPreferences } from '../../../../src-shared/ipc/schemas';
import { BATCH_WINDOW_MS, NewReferralNotices } from '../../../../src-main/notifications/new-referral-notices';
import type { Notice } from '../../../../src-main/notifications/notification-center';
import { DEFAULT_NOTIFICATION_PREFERENCES } from '../../../../src-main/notifications/preferences';
import { FakeTime } from '../fakes/fake-time';

const referral = (id: string, extra: Partial<NewReferral> = {}): NewReferral => ({
  id,
  title: `Customer ${id}`,
  tab: 'marketplace',
  qualification: 'Direct',
  urgent: false,
  ...extra,
});

function setup(preferences: Partial<NotificationPreferences> = {}) {
  const time = new FakeTime(Date.parse('2025-06-01T09:00:00.000Z'));
  const prefs: NotificationPreferences = { ...DEFAULT_NOTIFICATION_PREFERENCES, ...preferences };
  const shown: Notice[] = [];
  const notices = new NewReferralNotices({
    clock: time,
    timer: time,
    preferences: () => prefs,
    present: (n) => shown.push(n),
  });
  return { time, prefs, shown, notices };
}

describe('new referral notifications', () => {
  it('stay silent for the first sync', async () => {
    const { time, shown, notices } = setup();
    expect(notices.report({ initialSync: true, referrals: [referral('a'), referral('b')] })).toBe(0);
    await time.advance(BATCH_WINDOW_MS * 2);
    expect(shown).toEqual([]);
    // …and the referrals of the first sync are not announced later either.
    notices.report({ initialSync: false, referrals: [referral('a')] });
    await time.advance(BATCH_WINDOW_MS * 2);
    expect(shown).toEqual([]);
  });

  it('batch several reports into one "5 new referrals"', async () => {
    const { time, shown, notices } = setup();
    notices.report({ initialSync: false, referrals: [referral('a'), referral('b', { tab: 'cosell' })] });
    await time.advance(1_000);
    notices.report({
      initialSync: false,
      referrals: [referral('c'), referral('d', { urgent: true }), referral('e')],
    });
    await time.advance(BATCH_WINDOW_MS);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({
      title: '5 new referrals',
      body: '1 asked to be contacted. In Marketplace leads, Co-sell.',
      urgent: true,
      target: null,
    });
  });

  it('announce one referral by name and open it on click', async () => {
    const { time, shown, notices } = setup();
    notices.report({ initialSync: false, referrals: [referral('solo', { tab: 'qualified' })] });
    await time.advance(BATCH_WINDOW_MS);
    expect(shown[0]).toMatchObject({
      title: 'New referral',
      body: 'Customer solo (Qualified leads)',
      target: { referralId: 'solo' },
    });
  });

  it('follow the per-tab choices: marketing-qualified only, urgent only, none', async () => {
    const { time, shown, notices } = setup({
      newReferrals: {
        marketplace: { notify: 'urgent-only', qualifications: [] },
        qualified: { notify: 'all', qualifications: ['MarketingQualified'] },
        cosell: { notify: 'none', qualifications: [] },
      },
    });
    const queued = notices.report({
      initialSync: false,
      referrals: [
        referral('mq', { tab: 'qualified', qualification: 'MarketingQualified' }),
        referral('sq', { tab: 'qualified', qualification: 'SalesQualified' }),
        referral('plain', { tab: 'marketplace' }),
        referral('flame', { tab: 'marketplace', urgent: true }),
        referral('co', { tab: 'cosell' }),
      ],
    });
    expect(queued).toBe(2);
    await time.advance(BATCH_WINDOW_MS);
    expect(shown[0]?.title).toBe('2 new referrals');
  });

  it('never announce the same referral twice', async () => {
    const { time, shown, notices } = setup();
    notices.report({ initialSync: false, referrals: [referral('a')] });
    await time.advance(BATCH_WINDOW_MS);
    notices.report({ initialSync: false, referrals: [referral('a')] });
    await time.advance(BATCH_WINDOW_MS);
    expect(shown).toHaveLength(1);
  });

  it('hold announcements during a pause and deliver them as one when it ends', async () => {
    const { time, prefs, shown, notices } = setup();
    prefs.pausedUntil = '2025-06-01T10:00:00.000Z';
    notices.report({ initialSync: false, referrals: [referral('a')] });
    await time.advance(30 * 60_000);
    notices.report({ initialSync: false, referrals: [referral('b')] });
    await time.advance(29 * 60_000);
    expect(shown).toEqual([]);
    await time.advance(6 * 60_000);
    expect(shown.map((n) => n.title)).toEqual(['2 new referrals']);
  });
});
