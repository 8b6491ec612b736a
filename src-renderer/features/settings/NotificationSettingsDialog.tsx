import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pauseEnd } from '../../../src-shared/ipc/notices';
import { getDesktopBridge } from '../../bridge';
import type { NotificationPreferences, NotificationSettings } from '../../bridge';
import { Dialog } from '../dialogs/Dialog';
import { Field } from '../dialogs/Field';
import { FormShell } from '../dialogs/FormShell';
import type { FieldErrors } from '../dialogs/validation';
import { formattersFor } from '../format/formatters';
import {
  addThreshold,
  checkSettings,
  LEAD_TABS,
  NOTIFY_CHOICES,
  PAUSE_MINUTES,
  QUALIFICATIONS,
  settingsOf,
  sortedHours,
  type LeadTab,
} from './notification-settings';

type Permission = NotificationPermission | 'unsupported';

const browserPermission = (): Permission =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

/**
 * Reminders before a deadline, which new referrals to announce per tab, "pause for 1 hour", and
 * in web mode the browser's permission. Saved through the bridge; changes made elsewhere (another
 * window, the tray) are shown as they arrive, without overwriting what the user is editing.
 */
export function NotificationSettingsDialog(props: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const bridge = getDesktopBridge();
  const [prefs, setPrefs] = useState<NotificationPreferences | null>(null);
  const [draft, setDraft] = useState<NotificationSettings | null>(null);
  const dirty = useRef(false);
  const [hoursInput, setHoursInput] = useState('');
  const [hoursError, setHoursError] = useState<string | undefined>(undefined);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [permission, setPermission] = useState<Permission>(browserPermission);

  useEffect(() => {
    let live = true;
    const adopt = (next: NotificationPreferences) => {
      if (!live) return;
      setPrefs(next);
      setNow(Date.now());
      if (!dirty.current) setDraft(settingsOf(next));
    };
    void bridge.getNotificationPreferences().then((r) => {
      if (r.ok) adopt(r.value);
      else setFailure(t('notifications.loadFailed'));
    });
    const off = bridge.onNotificationPreferences(adopt);
    return () => {
      live = false;
      off();
    };
  }, [bridge, t]);

  // The pause ends by itself: look again at its end.
  const pausedUntil = prefs ? pauseEnd(prefs, now) : null;
  useEffect(() => {
    if (pausedUntil === null) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, pausedUntil - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [pausedUntil]);

  const edit = (next: NotificationSettings) => {
    dirty.current = true;
    setDraft(next);
    setFailure(null);
  };

  const addHours = () => {
    if (!draft) return;
    const added = addThreshold(t, draft.thresholdsHours, hoursInput);
    if (!added.ok) {
      setHoursError(added.error);
      return;
    }
    setHoursError(undefined);
    setHoursInput('');
    setErrors(({ thresholdsHours: _, ...rest }) => rest);
    edit({ ...draft, thresholdsHours: added.hours });
  };

  const setRule = (tab: LeadTab, rule: Partial<NotificationSettings['newReferrals'][LeadTab]>) => {
    if (!draft) return;
    edit({
      ...draft,
      newReferrals: { ...draft.newReferrals, [tab]: { ...draft.newReferrals[tab], ...rule } },
    });
  };

  const save = async () => {
    if (!draft) return;
    setAttempt((n) => n + 1);
    const checked = checkSettings(t, draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await bridge.setNotificationPreferences(checked.settings);
    setBusy(false);
    setPermission(browserPermission());
    if (!result.ok) {
      setFailure(t('errors.saveFailed'));
      return;
    }
    dirty.current = false;
    props.onClose();
  };

  const pause = async (paused: boolean) => {
    const result = paused
      ? await bridge.resumeNotifications()
      : await bridge.pauseNotifications({ minutes: PAUSE_MINUTES });
    if (result.ok) {
      setPrefs(result.value);
      setNow(Date.now());
    } else setFailure(t('errors.saveFailed'));
  };

  const askPermission = async () => {
    if (typeof Notification === 'undefined') return;
    setPermission(await Notification.requestPermission().catch(() => browserPermission()));
  };

  const format = formattersFor(i18n.language);
  const hoursLabel = (hours: number) => t('notifications.hours', { count: hours });

  return (
    <Dialog title={t('notifications.title')} onClose={props.onClose} wide className="notification-settings">
      <section className="notification-section" aria-labelledby="notification-pause-heading">
        <h3 id="notification-pause-heading" className="notification-heading">
          {t('notifications.pause.heading')}
        </h3>
        <div className="notification-pause">
          <p role="status" className="notification-pause-status">
            {pausedUntil !== null
              ? t('notifications.pause.until', { time: format.dateTime(new Date(pausedUntil).toISOString()) })
              : prefs
                ? t('notifications.pause.active')
                : ''}
          </p>
          <button
            type="button"
            className="button"
            disabled={!prefs}
            onClick={() => void pause(pausedUntil !== null)}
          >
            {pausedUntil !== null ? t('notifications.pause.resume') : t('notifications.pause.pause')}
          </button>
        </div>
      </section>

      {bridge.kind === 'web' && (
        <section className="notification-section" aria-labelledby="notification-permission-heading">
          <h3 id="notification-permission-heading" className="notification-heading">
            {t('notifications.permission.heading')}
          </h3>
          <div className="notification-pause">
            <p className="notification-pause-status">{t(`notifications.permission.${permission}`)}</p>
            {permission === 'default' && (
              <button type="button" className="button" onClick={() => void askPermission()}>
                {t('notifications.permission.request')}
              </button>
            )}
          </div>
        </section>
      )}

      {draft ? (
        <FormShell
          errors={errors}
          attempt={attempt}
          failure={failure}
          submitLabel={t('notifications.save')}
          busy={busy}
          onSubmit={() => void save()}
          onCancel={props.onClose}
        >
          <fieldset className="radio-group notification-fieldset">
            <legend>{t('notifications.reminders.heading')}</legend>
            <label className="notification-check">
              <input
                type="checkbox"
                checked={draft.remindersEnabled}
                onChange={(e) => edit({ ...draft, remindersEnabled: e.target.checked })}
              />
              {t('notifications.reminders.enabled')}
            </label>
            <ul className="threshold-list" aria-label={t('notifications.reminders.list')}>
              {sortedHours(draft.thresholdsHours).map((hours) => (
                <li key={hours} className="threshold-chip">
                  <span>{t('notifications.reminders.before', { hours: hoursLabel(hours) })}</span>
                  <button
                    type="button"
                    className="icon-button threshold-remove"
                    aria-label={t('notifications.reminders.remove', { hours: hoursLabel(hours) })}
                    title={t('notifications.reminders.remove', { hours: hoursLabel(hours) })}
                    onClick={() =>
                      edit({ ...draft, thresholdsHours: draft.thresholdsHours.filter((h) => h !== hours) })
                    }
                  >
                    ×
                  </button>
                </li>
              ))}
              {draft.thresholdsHours.length === 0 && (
                <li className="field-hint">{t('notifications.reminders.none')}</li>
              )}
            </ul>
            {errors.thresholdsHours && <p className="field-error">{errors.thresholdsHours}</p>}
            <div className="threshold-add">
              <Field
                id="notification-threshold"
                label={t('notifications.reminders.add')}
                hint={t('notifications.reminders.hint', { min: 1, max: 24 * 14 })}
                error={hoursError}
              >
                {(control) => (
                  <input
                    {...control}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={24 * 14}
                    step={1}
                    value={hoursInput}
                    onChange={(e) => {
                      setHoursInput(e.target.value);
                      setHoursError(undefined);
                    }}
                    onKeyDown={(e) => {
                      // Enter adds the hours rather than saving the whole form.
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        addHours();
                      }
                    }}
                  />
                )}
              </Field>
              <button type="button" className="button" onClick={addHours}>
                {t('notifications.reminders.addButton')}
              </button>
            </div>
          </fieldset>

          <p className="dialog-intro">{t('notifications.newReferrals.intro')}</p>
          <div className="notification-tabs">
            {LEAD_TABS.map((tab) => {
              const rule = draft.newReferrals[tab];
              return (
                <fieldset key={tab} className="radio-group notification-fieldset">
                  <legend>{t(`tabs.${tab}`)}</legend>
                  <Field
                    id={`notification-${tab}-notify`}
                    label={t('notifications.newReferrals.notify')}
                    error={errors[`newReferrals.${tab}`]}
                  >
                    {(control) => (
                      <select
                        {...control}
                        value={rule.notify}
                        onChange={(e) =>
                          setRule(tab, { notify: e.target.value as (typeof NOTIFY_CHOICES)[number] })
                        }
                      >
                        {NOTIFY_CHOICES.map((choice) => (
                          <option key={choice} value={choice}>
                            {t(`notifications.newReferrals.choices.${choice}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <fieldset className="notification-qualifications" disabled={rule.notify === 'none'}>
                    <legend>{t('notifications.newReferrals.qualifications')}</legend>
                    {QUALIFICATIONS.map((q) => (
                      <label key={q} className="notification-check">
                        <input
                          type="checkbox"
                          checked={rule.qualifications.includes(q)}
                          onChange={(e) =>
                            setRule(tab, {
                              qualifications: e.target.checked
                                ? [...rule.qualifications, q]
                                : rule.qualifications.filter((x) => x !== q),
                            })
                          }
                        />
                        {t(`qualification.${q}`)}
                      </label>
                    ))}
                    <p className="field-hint">{t('notifications.newReferrals.anyQualification')}</p>
                  </fieldset>
                </fieldset>
              );
            })}
          </div>
        </FormShell>
      ) : (
        <>
          <p className="form-summary" role="alert">
            {failure ?? ''}
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={props.onClose}>
              {t('dialogs.close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
