import { useEffect } from 'react';
import { useCounts } from '../../db/hooks';

// Tells the host what it shows outside the window. Until the DesktopBridge lands in
// src-renderer/bridge, the browser tab title carries the number of referrals awaiting an answer.

export function useBridgeWiring(): void {
  const counts = useCounts();
  const awaiting = counts?.byStage.received ?? 0;
  useEffect(() => {
    document.title = awaiting > 0 ? `(${awaiting}) Partner Desk` : 'Partner Desk';
  }, [awaiting]);
}
