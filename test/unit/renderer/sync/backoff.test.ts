import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../../../src-renderer/sync/backoff';
import { clockOffsetOf } from '../../../../src-renderer/sync/errors';
import { coveredBy } from '../../../../src-renderer/sync/settle';

describe('backoff and clock', () => {
  it('grows exponentially with jitter, caps at five minutes and honours retryAfter', () => {
    expect(backoffMs(1, null, () => 0)).toBe(500);
    expect(backoffMs(1, null, () => 1)).toBe(1000);
    expect(backoffMs(4, null, () => 0.5)).toBe(6000);
    expect(backoffMs(30, null, () => 1)).toBe(300_000);
    expect(backoffMs(1, 7000, () => 0)).toBe(7000);
  });

  it('measures the clock offset at the middle of the request', () => {
    expect(
      clockOffsetOf(
        '2025-01-01T00:00:10.000Z',
        Date.parse('2025-01-01T00:00:00.000Z'),
        Date.parse('2025-01-01T00:00:02.000Z'),
      ),
    ).toBe(9000);
    expect(clockOffsetOf('garbage', 0, 0)).toBeNull();
  });

  it('treats an opaque cursor as covering the outcomes its page carries', () => {
    expect(coveredBy(5, '7')).toBe(true);
    expect(coveredBy(9, '7')).toBe(false);
    expect(coveredBy(9, 'WzEsImFiYyJd')).toBe(true);
  });
});
