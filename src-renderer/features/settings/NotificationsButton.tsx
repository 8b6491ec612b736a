import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDesktopBridge } from '../../bridge';

/**
 * Web mode only: browsers show notifications after the user allows them, and ask only on a
 * click. Hidden once the user has answered either way.
 */
export function NotificationsButton() {
  const { t } = useTranslation();
  const [permission, setPermission] = useState(() =>
    typeof Notification === 'undefined' ? 'denied' : Notification.permission,
  );
  const bridge = getDesktopBridge();
  if (bridge.kind !== 'web' || permission !== 'default') return null;
  const enable = async () => {
    const prefs = await bridge.getNotificationPreferences();
    if (prefs.ok) {
      const { remindersEnabled, thresholdsHours, newReferrals } = prefs.value;
      await bridge.setNotificationPreferences({ remindersEnabled, thresholdsHours, newReferrals });
    }
    setPermission(typeof Notification === 'undefined' ? 'denied' : Notification.permission);
  };
  return (
    <button type="button" className="button button-quiet" onClick={() => void enable()}>
      {t('notifications.enable')}
    </button>
  );
}
