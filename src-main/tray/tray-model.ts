import type { TrayView } from '../ports/tray-port';

export interface TrayState {
  awaitingCount: number;
  /** Epoch ms when the pause ends, or null. */
  pausedUntil: number | null;
}

/** The tray as a pure function of the state: tooltip, menu-bar title, icon and menu. */
export function trayView(state: TrayState, formatTime: (epochMs: number) => string): TrayView {
  const count = Math.max(0, Math.floor(state.awaitingCount));
  const waiting =
    count === 0
      ? 'No referrals awaiting a response'
      : `${count} referral${count === 1 ? '' : 's'} awaiting a response`;
  const paused =
    state.pausedUntil === null ? '' : ` · notifications paused until ${formatTime(state.pausedUntil)}`;
  return {
    tooltip: `Partner Desk: ${waiting}${paused}`,
    title: count === 0 ? '' : badgeLabel(count),
    icon: count === 0 ? 'idle' : 'attention',
    menu: [
      { id: 'open', label: 'Open Partner Desk', enabled: true },
      { id: 'sync-now', label: 'Sync now', enabled: true },
      'separator',
      state.pausedUntil === null
        ? { id: 'pause', label: 'Pause notifications for 1 hour', enabled: true }
        : {
            id: 'resume',
            label: `Resume notifications (paused until ${formatTime(state.pausedUntil)})`,
            enabled: true,
          },
      'separator',
      { id: 'quit', label: 'Quit Partner Desk', enabled: true },
    ],
  };
}

/** Badge and menu-bar text: large counts are capped so they fit. */
export function badgeLabel(count: number): string {
  return count > 999 ? '999+' : String(count);
}
