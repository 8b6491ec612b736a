import { useEffect } from 'react';
import { stageOf, tabOf } from '../../../src-shared';
import { getDesktopBridge } from '../../bridge';
import { useCounts } from '../../db/hooks';
import { visibleReferral } from '../../db/visible';
import { useUi } from '../../state/ui-store';
import { useWorkspace } from './WorkspaceProvider';
import { upcomingReminders } from './reminders';

// What the host shows outside the window: the awaiting-response count (tray, badge or tab
// title), the reminder schedule, and the way back in (a clicked notification opens a referral).

export function useBridgeWiring(): void {
  const { db, sync } = useWorkspace();
  const counts = useCounts();
  const awaiting = counts?.byStage.received;
  const signature = counts ? JSON.stringify(counts.byTab) : '';

  useEffect(() => {
    if (awaiting !== undefined) void getDesktopBridge().setAwaitingResponseCount({ count: awaiting });
  }, [awaiting]);

  // The schedule follows the data (debounced: a sync writes in bursts) and the clock.
  useEffect(() => {
    if (!signature) return;
    const bridge = getDesktopBridge();
    const send = async () => {
      const prefs = await bridge.getNotificationPreferences();
      const thresholds = prefs.ok ? prefs.value.thresholdsHours : [72, 24, 2];
      const items =
        prefs.ok && !prefs.value.remindersEnabled ? [] : await upcomingReminders(db, Date.now(), thresholds);
      await bridge.pushReminderSchedule({ items });
    };
    const timer = setTimeout(() => void send(), 1500);
    const hourly = setInterval(() => void send(), 3_600_000);
    return () => {
      clearTimeout(timer);
      clearInterval(hourly);
    };
  }, [db, signature]);

  useEffect(() => {
    const bridge = getDesktopBridge();
    const open = async (referralId: string) => {
      const v = await visibleReferral(db, referralId);
      if (!v) return;
      useUi
        .getState()
        .showList({ tab: tabOf(v.referral), stage: stageOf(v.referral), selectedId: referralId });
      window.focus();
    };
    void bridge
      .takePendingOpenReferral()
      .then((r) => r.ok && r.value.referralId && void open(r.value.referralId));
    const offOpen = bridge.onOpenReferral((p) => void open(p.referralId));
    const offSync = bridge.onSyncNow(() => sync.requestSync());
    return () => {
      offOpen();
      offSync();
    };
  }, [db, sync]);
}
