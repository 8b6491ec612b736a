import { describe, expect, it } from 'vitest';
import {
  compareBy,
  indexedSpec,
  matchesQuery,
  type ListQuery,
} from '../../../../src-renderer/features/data/list-query';
import { computePipeline } from '../../../../src-renderer/features/pipeline/pipeline-data';
import { timelineOf } from '../../../../src-renderer/features/detail/activity';
import { formattersFor } from '../../../../src-renderer/features/format/formatters';
import { NOW, referral } from './fixtures';

const q = (over: Partial<ListQuery> = {}): ListQuery => ({
  tab: 'marketplace',
  stage: 'received',
  outcome: 'all',
  sort: 'deadline',
  search: '',
  ...over,
});

describe('list queries', () => {
  it('use the indexes when they can (outcome and value too), and the in-memory path for search and favorites', () => {
    expect(indexedSpec(q())).toEqual({
      kind: 'stage',
      tab: 'marketplace',
      stage: 'received',
      order: 'deadline',
    });
    expect(indexedSpec(q({ stage: 'archived' }))).not.toBeNull();
    expect(indexedSpec(q({ stage: 'archived', outcome: 'won' }))).toEqual({
      kind: 'stage',
      tab: 'marketplace',
      stage: 'archived',
      order: 'deadline',
      outcome: 'won',
    });
    expect(indexedSpec(q({ stage: 'archived', outcome: 'expired', sort: 'value' }))).toMatchObject({
      outcome: 'expired',
      order: 'value',
    });
    expect(indexedSpec(q({ sort: 'value' }))).toEqual({
      kind: 'stage',
      tab: 'marketplace',
      stage: 'received',
      order: 'value',
    });
    // Outside the archive the outcome filter does not apply.
    expect(indexedSpec(q({ stage: 'accepted', outcome: 'won' }))).not.toHaveProperty('outcome');
    expect(indexedSpec(q({ tab: 'favorites', sort: 'value' }))).toBeNull();
    expect(indexedSpec(q({ search: 'contoso' }))).toBeNull();
    expect(indexedSpec(q({ tab: 'favorites' }))).toBeNull();
  });

  it('filters the archive by outcome and favorites across tabs', () => {
    const won = referral({ status: 'Closed', substatus: 'Won' });
    expect(matchesQuery(won, q({ stage: 'archived', outcome: 'won' }))).toBe(true);
    expect(matchesQuery(won, q({ stage: 'archived', outcome: 'lost' }))).toBe(false);
    expect(
      matchesQuery(referral({ favorite: true, qualification: 'SalesQualified' }), q({ tab: 'favorites' })),
    ).toBe(true);
    expect(matchesQuery(referral(), q({ tab: 'favorites' }))).toBe(false);
  });

  it('sorts by deal value, largest first, unknown values last', () => {
    const items = [
      { id: 'a', deadline: '', createdAt: '1', value: -1 },
      { id: 'b', deadline: '', createdAt: '2', value: 500 },
      { id: 'c', deadline: '', createdAt: '3', value: 9000 },
    ];
    expect(items.sort(compareBy('value')).map((i) => i.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('pipeline figures', () => {
  it('win rate counts won against lost; value by month in the main currency; the week ahead by day', () => {
    const closed = [
      referral({
        id: 'w',
        status: 'Closed',
        substatus: 'Won',
        acceptedDateTime: '2026-10-02T00:00:00Z',
        closedDateTime: '2026-11-02T00:00:00Z',
        details: { dealValue: 100, currency: 'EUR' },
      }),
      referral({ id: 'l', status: 'Closed', substatus: 'Lost', details: { dealValue: 50, currency: 'EUR' } }),
      referral({ id: 'd', status: 'Closed', substatus: 'Declined' }),
      referral({
        id: 'x',
        status: 'Active',
        substatus: 'Accepted',
        acceptedDateTime: '2026-11-05T00:00:00Z',
        details: { dealValue: 7, currency: 'USD' },
      }),
    ];
    const soon = [referral({ id: 's', expirationDateTime: new Date(NOW + 26 * 3_600_000).toISOString() })];
    const data = computePipeline(closed, soon, NOW);
    expect([data.won, data.lost, data.declined]).toEqual([1, 1, 1]);
    expect(data.currency).toBe('EUR');
    expect(data.otherCurrency).toBe(1);
    expect(data.months.find((m) => m.month === '2026-10')?.accepted).toBe(100);
    expect(data.months.find((m) => m.month === '2026-11')?.won).toBe(100);
    expect(data.expiringTotal).toBe(1);
    expect(data.expiring.reduce((n, d) => n + d.count, 0)).toBe(1);
    expect(data.expiringByTab.marketplace).toBe(1);
  });
});

describe('activity timeline', () => {
  it('uses the service audit trail when present, marking late arrivals', () => {
    const r = referral({
      activity: [
        {
          action: 'accept',
          at: '2026-11-21T00:00:00Z',
          actor: { displayName: 'Maria' },
          deviceId: 'dev-1',
          lateArrival: true,
          channel: 'push',
        },
      ],
    } as never);
    const entries = timelineOf(r);
    expect(entries[0]).toMatchObject({
      kind: 'audit',
      what: 'accept',
      who: 'Maria',
      late: true,
      device: 'dev-1',
    });
    expect(entries.at(-1)?.kind).toBe('created');
  });

  it('derives it from the referral otherwise, newest first, with merged marketplace actions and notes', () => {
    const r = referral({
      status: 'Active',
      substatus: 'Accepted',
      acceptedDateTime: '2026-11-22T00:00:00Z',
      marketplace: { actions: [{ action: 'PLT', leadSource: 'x', receivedAt: '2026-11-20T13:00:00Z' }] },
      notes: [{ id: 'n', text: 'hello', author: 'Sam', createdAt: '2026-11-22T10:00:00Z' }],
    });
    expect(timelineOf(r).map((e) => e.kind)).toEqual(['note', 'accepted', 'marketplace', 'created']);
  });
});

describe('formatting', () => {
  it('never moves a calendar date by a day, whatever the time zone', () => {
    expect(formattersFor('en').calendarDate('2027-03-31')).toBe('Mar 31, 2027');
    expect(formattersFor('sv').calendarDate('2027-03-31')).toMatch(/31 mars 2027/);
  });

  it('formats money with the currency of the deal', () => {
    expect(formattersFor('en').money(12500, 'EUR')).toBe('€12,500');
    expect(formattersFor('fr').money(12500, 'EUR')).toMatch(/12\s?500\s€/u);
    expect(formattersFor('en').money(null, 'EUR')).toBe('');
  });
});
