import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addHours,
  contactMeActive,
  DEFAULT_REMINDER_THRESHOLDS_HOURS,
  isOverdue,
  reminderSchedule,
  responseDeadline,
  stageOf,
} from '../../../src-shared/index';
import { isoArb, referralArb } from './arbitraries';
import { CREATED, DEADLINE, inState } from './fixtures';

const RUNS = { numRuns: 300 };

describe('date helpers', () => {
  it('add days and hours in UTC, across a DST change and a leap day', () => {
    expect(addDays('2025-03-29T12:00:00Z', 2)).toBe('2025-03-31T12:00:00.000Z');
    expect(addDays('2024-02-28T00:00:00Z', 1)).toBe('2024-02-29T00:00:00.000Z');
    expect(addHours('2025-10-26T00:30:00+00:00', 3)).toBe('2025-10-26T03:30:00.000Z');
    expect(addHours('2025-01-01T00:00:00Z', -2)).toBe('2024-12-31T22:00:00.000Z');
  });

  it('return invalid input unchanged instead of throwing', () => {
    expect(addDays('nope', 1)).toBe('nope');
  });
});

describe('responseDeadline and isOverdue', () => {
  it('is created + 14 days without an expirationDateTime', () => {
    expect(responseDeadline(inState('received'))).toBe(DEADLINE);
  });

  it('prefers expirationDateTime, in canonical form', () => {
    expect(responseDeadline(inState('pending', { expirationDateTime: '2025-03-05T00:00:00+00:00' }))).toBe(
      '2025-03-05T00:00:00.000Z',
    );
  });

  it.each(['accepted', 'won', 'declined', 'expired'] as const)('is null once %s', (state) => {
    expect(responseDeadline(inState(state))).toBeNull();
  });

  it('is overdue from the deadline on, only while New', () => {
    expect(isOverdue(inState('received'), '2025-03-15T08:59:59.999Z')).toBe(false);
    expect(isOverdue(inState('received'), DEADLINE)).toBe(true);
    expect(isOverdue(inState('accepted'), '2025-04-01T00:00:00Z')).toBe(false);
  });
});

describe('contactMeActive', () => {
  const asked = { details: { customerRequestedContact: true } };

  it('is on for the first 72 hours after creation only', () => {
    expect(contactMeActive(inState('received', asked), CREATED)).toBe(true);
    expect(contactMeActive(inState('received', asked), '2025-03-04T08:59:59.999Z')).toBe(true);
    expect(contactMeActive(inState('received', asked), '2025-03-04T09:00:00.000Z')).toBe(false);
  });

  it('needs the customer to have asked', () => {
    expect(contactMeActive(inState('received'), CREATED)).toBe(false);
    expect(
      contactMeActive(inState('received', { details: { customerRequestedContact: false } }), CREATED),
    ).toBe(false);
  });

  it('counts a marketplace Contact me (PLT) lead', () => {
    const plt = inState('received', { marketplace: { leadSource: { action: 'PLT' } } });
    expect(contactMeActive(plt, CREATED)).toBe(true);
    const laterPlt = inState('received', {
      marketplace: { actions: [{ action: 'PLT', leadSource: '', receivedAt: CREATED }] },
    });
    expect(contactMeActive(laterPlt, CREATED)).toBe(true);
  });

  it('is off for archived referrals', () => {
    expect(contactMeActive(inState('declined', asked), CREATED)).toBe(false);
  });
});

describe('reminderSchedule', () => {
  const a = inState('received', { id: 'a', customerProfile: { name: 'Alpha' } });
  const b = inState('received', {
    id: 'b',
    createdDateTime: '2025-03-02T09:00:00Z',
    customerProfile: { name: '' },
    name: 'Beta deal',
  });

  it('gives one item per threshold, sorted by due time, with stable keys', () => {
    const items = reminderSchedule([b, a, inState('accepted', { id: 'c' })], '2025-03-10T00:00:00Z');
    expect(items.map((i) => [i.referralId, i.thresholdHours, i.dueAt])).toEqual([
      ['a', 72, '2025-03-12T09:00:00.000Z'],
      ['b', 72, '2025-03-13T09:00:00.000Z'],
      ['a', 24, '2025-03-14T09:00:00.000Z'],
      ['a', 2, '2025-03-15T07:00:00.000Z'],
      ['b', 24, '2025-03-15T09:00:00.000Z'],
      ['b', 2, '2025-03-16T07:00:00.000Z'],
    ]);
    expect(items[0]).toEqual({
      key: `a:72h:${DEADLINE}`,
      referralId: 'a',
      title: 'Alpha',
      dueAt: '2025-03-12T09:00:00.000Z',
      deadline: DEADLINE,
      thresholdHours: 72,
      urgent: false,
    });
    expect(items[1]?.title).toBe('Beta deal');
  });

  it('leaves out reminders already past', () => {
    const items = reminderSchedule([a], '2025-03-14T12:00:00Z');
    expect(items.map((i) => i.thresholdHours)).toEqual([2]);
    expect(reminderSchedule([a], AFTER(DEADLINE))).toEqual([]);
  });

  it('a changed deadline gives new keys', () => {
    const moved = { ...a, expirationDateTime: '2025-03-20T00:00:00Z' };
    const before = reminderSchedule([a], CREATED).map((i) => i.key);
    const after = reminderSchedule([moved], CREATED).map((i) => i.key);
    expect(after.some((k) => before.includes(k))).toBe(false);
  });

  it('honours custom thresholds and flags Contact me as urgent', () => {
    const hot = inState('received', { id: 'hot', details: { customerRequestedContact: true } });
    const items = reminderSchedule([hot], CREATED, [300, 1]);
    expect(items.map((i) => [i.thresholdHours, i.urgent])).toEqual([
      [300, true],
      [1, true],
    ]);
    expect(DEFAULT_REMINDER_THRESHOLDS_HOURS).toEqual([72, 24, 2]);
  });

  it('is deterministic, has nothing in the past and nothing for non-New referrals', () => {
    fc.assert(
      fc.property(
        fc.array(referralArb, { maxLength: 8 }).map((rs) => rs.map((r, i) => ({ ...r, id: `r-${i}` }))),
        isoArb,
        (referrals, now) => {
          const once = reminderSchedule(referrals, now);
          expect(reminderSchedule(referrals, now)).toEqual(once);
          expect(reminderSchedule([...referrals].reverse(), now)).toEqual(once);
          const byId = new Map(referrals.map((r) => [r.id, r]));
          for (const item of once) {
            expect(Date.parse(item.dueAt)).toBeGreaterThanOrEqual(Date.parse(now));
            const referral = byId.get(item.referralId);
            expect(referral && stageOf(referral)).toBe('received');
          }
          for (let i = 1; i < once.length; i++) {
            expect(Date.parse(once[i - 1]?.dueAt ?? '')).toBeLessThanOrEqual(
              Date.parse(once[i]?.dueAt ?? ''),
            );
          }
        },
      ),
      RUNS,
    );
  });
});

function AFTER(iso: string): string {
  return addHours(iso, 1);
}
