import { describe, expect, expectTypeOf, it } from 'vitest';
import { TABS } from '../../../src-shared/classify';
import { reminderSchedule } from '../../../src-shared/time';
import type { ReminderItem } from '../../../src-shared/time';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../src-shared/ipc/channels';
import { EVENT_CONTRACTS, INVOKE_CONTRACTS } from '../../../src-shared/ipc/contracts';
import type { DesktopBridge, IpcResult } from '../../../src-shared/ipc/desktop-bridge';
import { LEAD_TABS, reminderScheduleSchema } from '../../../src-shared/ipc/schemas';
import type { ReminderItemPayload, UpdateStatus } from '../../../src-shared/ipc/schemas';
import { makeReferral } from '../shared/fixtures';

describe('IPC contracts', () => {
  it('give every channel a contract, and every contract its own channel', () => {
    expect(Object.keys(INVOKE_CONTRACTS).sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
    for (const [name, contract] of Object.entries(INVOKE_CONTRACTS)) {
      expect(contract.channel).toBe(INVOKE_CHANNELS[name as keyof typeof INVOKE_CHANNELS]);
    }
    expect(Object.keys(EVENT_CONTRACTS).sort()).toEqual(Object.keys(EVENT_CHANNELS).sort());
    const all = [...Object.values(INVOKE_CHANNELS), ...Object.values(EVENT_CHANNELS)];
    expect(new Set(all).size).toBe(all.length);
    for (const channel of all) expect(channel).toMatch(/^partner-desk:[a-z-]+:[a-z-]+$/);
  });

  it('name the same lead tabs as the domain core', () => {
    expect([...LEAD_TABS]).toEqual([...TABS]);
  });

  it('accept the reminder schedule the domain core produces', () => {
    expectTypeOf<ReminderItem>().toExtend<ReminderItemPayload>();
    const referral = makeReferral({ status: 'New', substatus: 'Received' });
    const items = reminderSchedule([referral], '2025-03-02T00:00:00.000Z');
    expect(items.length).toBe(3);
    expect(reminderScheduleSchema.parse({ items })).toEqual({ items });
  });

  it('derive DesktopBridge method types from the schemas', () => {
    expectTypeOf<DesktopBridge['getUpdateStatus']>().toEqualTypeOf<() => Promise<IpcResult<UpdateStatus>>>();
    expectTypeOf<DesktopBridge['setAwaitingResponseCount']>().parameter(0).toEqualTypeOf<{ count: number }>();
    expectTypeOf<DesktopBridge['onOpenReferral']>()
      .parameter(0)
      .parameter(0)
      .toEqualTypeOf<{ referralId: string }>();
    expectTypeOf<DesktopBridge['onSyncNow']>().returns.toEqualTypeOf<() => void>();
    // A channel that does not exist is not on the bridge, and there is no generic door.
    expectTypeOf<DesktopBridge>().not.toHaveProperty('invoke');
    expectTypeOf<DesktopBridge>().not.toHaveProperty('send');
  });
});
