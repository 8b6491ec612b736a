import { describe, expect, it } from 'vitest';
import { actionTimeOf, eTagFor } from '../../../src-shared/index';

describe('actionTimeOf', () => {
  const base = {
    receivedOnDeviceAt: '2025-03-01T10:00:00.000Z',
    serverReceivedAt: '2025-03-20T10:00:00.000Z',
  };

  it('corrects createdAt by the clock offset (server minus device)', () => {
    expect(actionTimeOf({ ...base, createdAt: '2025-03-10T10:00:00.000Z', clockOffsetMs: -3_600_000 })).toBe(
      '2025-03-10T09:00:00.000Z',
    );
    expect(actionTimeOf({ ...base, createdAt: '2025-03-10T10:00:00.000Z', clockOffsetMs: 90_000 })).toBe(
      '2025-03-10T10:01:30.000Z',
    );
  });

  it('never goes before the referral reached the device', () => {
    expect(actionTimeOf({ ...base, createdAt: '2024-01-01T00:00:00.000Z', clockOffsetMs: 0 })).toBe(
      base.receivedOnDeviceAt,
    );
  });

  it('never goes after the service received the mutation', () => {
    expect(actionTimeOf({ ...base, createdAt: '2030-01-01T00:00:00.000Z', clockOffsetMs: 0 })).toBe(
      base.serverReceivedAt,
    );
  });

  it('an unreadable createdAt counts as the latest possible time; an unknown arrival leaves no lower bound', () => {
    expect(actionTimeOf({ ...base, createdAt: 'yesterday', clockOffsetMs: 0 })).toBe(base.serverReceivedAt);
    expect(
      actionTimeOf({
        createdAt: '2020-01-01T00:00:00Z',
        clockOffsetMs: 0,
        receivedOnDeviceAt: null,
        serverReceivedAt: base.serverReceivedAt,
      }),
    ).toBe('2020-01-01T00:00:00.000Z');
  });

  it('eTags derive from the version', () => {
    expect(eTagFor(7)).toBe('W/"7"');
  });
});
