import { describe, expect, it } from 'vitest';
import { withActivity } from '../../../src-server/referrals/activity';
import type { StoredReferral } from '../../../src-server/referrals/referral-repo';
import { makeReferral, STATES } from '../shared/fixtures';

const origin = { channel: 'push', actor: { userId: 'u1', displayName: 'Ada Admin' }, deviceId: 'device-1' };
const stored = (referral = makeReferral()): StoredReferral => ({
  referral,
  version: 1,
  fieldVersions: {},
  teamEmails: [],
  stage: 'received',
});

describe('activity on the referral', () => {
  it('records who did what, when, from which device, and late arrivals', () => {
    const after = makeReferral(STATES.accepted);
    const saved = withActivity(
      after,
      {
        before: stored(),
        after,
        action: 'accept',
        lateArrival: true,
        actionTime: '2025-03-14T10:00:00.000Z',
      },
      origin,
      '2025-03-16T08:00:00.000Z',
    );
    expect(saved['activity']).toEqual([
      {
        action: 'accept',
        at: '2025-03-16T08:00:00.000Z',
        actionTime: '2025-03-14T10:00:00.000Z',
        channel: 'push',
        actor: { displayName: 'Ada Admin' },
        deviceId: 'device-1',
        lateArrival: true,
        to: { status: 'Active', substatus: 'Accepted' },
      },
    ]);
  });

  it('appends to the trail and keeps the most recent 50 entries', () => {
    let referral = makeReferral();
    for (let i = 0; i < 60; i++) {
      referral = withActivity(
        referral,
        { before: stored(referral), after: referral, action: `addNote-${i}` },
        origin,
        '2025-03-02T00:00:00.000Z',
      );
    }
    const trail = referral['activity'] as { action: string }[];
    expect(trail).toHaveLength(50);
    expect(trail[0]?.action).toBe('addNote-10');
    expect(trail[49]?.action).toBe('addNote-59');
  });

  it('leaves out favorites and creations', () => {
    const referral = makeReferral();
    expect(
      withActivity(
        referral,
        { before: stored(), after: referral, action: 'setFavorite' },
        origin,
        '2025-03-02T00:00:00.000Z',
      ),
    ).toBe(referral);
    expect(
      withActivity(
        referral,
        { before: null, after: referral, action: 'intake' },
        origin,
        '2025-03-02T00:00:00.000Z',
      ),
    ).toBe(referral);
  });
});
