import { useTranslation } from 'react-i18next';
import { useSyncStatus } from '../data/WorkspaceProvider';
import { useFormat } from '../format/use-format';

/** The first download, with the app usable while it runs: referrals appear as pages arrive. */
export function FirstSyncProgress() {
  const { t } = useTranslation();
  const f = useFormat();
  const first = useSyncStatus((s) => s.firstSync);
  const online = useSyncStatus((s) => s.online);
  if (first.done) return null;
  const total = first.total;
  const label =
    total !== null
      ? t('sync.firstSync', { received: f.number(first.received), total: f.number(total) })
      : t('sync.firstSyncStarting');
  return (
    <div className="first-sync">
      <span id="first-sync-label">{online ? label : t('sync.firstSyncOffline')}</span>
      <progress
        aria-labelledby="first-sync-label"
        max={total ?? undefined}
        value={total !== null ? first.received : undefined}
      />
    </div>
  );
}
