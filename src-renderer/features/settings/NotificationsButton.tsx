import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationSettingsDialog } from './NotificationSettingsDialog';

/**
 * Opens the notification settings: reminders, new referrals per tab, pause, and in web mode the
 * browser's permission (browsers ask only on a click, so the dialog holds that button too).
 */
export function NotificationsButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('notifications.enable')}
      </button>
      {open && <NotificationSettingsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
