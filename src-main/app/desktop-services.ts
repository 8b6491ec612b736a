import { EVENT_CONTRACTS } from '../../src-shared/ipc/contracts';
import type { EventPayload } from '../../src-shared/ipc/contracts';
import type { EventName } from '../../src-shared/ipc/channels';
import type { TimerHandle } from '../ports/clock';
import { LaunchRouter } from '../deeplinks/instance-handoff';
import { RendererNavigation } from '../deeplinks/renderer-navigation';
import { createIpcHandlers } from '../ipc/ipc-handlers';
import type { IpcHandlers } from '../ipc/ipc-router';
import { NewReferralNotices } from '../notifications/new-referral-notices';
import { NotificationCenter } from '../notifications/notification-center';
import type { NotificationTarget } from '../notifications/notification-center';
import { PreferencesStore } from '../notifications/preferences';
import { ReminderScheduler } from '../notifications/reminder-scheduler';
import { TokenVault } from '../secrets/token-vault';
import { TrayController } from '../tray/tray-controller';
import { UpdateController } from '../updater/update-controller';
import { QuitState } from '../windows/quit-state';
import type { DesktopPorts } from './desktop-ports';

export const PAUSE_MINUTES = 60;

export interface DesktopServices {
  handlers: IpcHandlers;
  quitState: QuitState;
  launch: LaunchRouter;
  navigation: RendererNavigation;
  scheduler: ReminderScheduler;
  updates: UpdateController;
  tray: TrayController;
  /** Once the window exists: the startup reminder check, the first update check. */
  start(): void;
  dispose(): void;
}

/** Builds the shell's logic from its ports and connects the pieces to one another. */
export async function createDesktopServices(ports: DesktopPorts): Promise<DesktopServices> {
  const { clock, timer, log } = ports;
  const emit = <K extends EventName>(name: K, payload: EventPayload<K>): void =>
    ports.renderer.send(EVENT_CONTRACTS[name].channel, payload);

  const quitState = new QuitState(() => ports.tray !== null);
  const navigation = new RendererNavigation((referralId) => emit('openReferral', { referralId }));
  const launch = new LaunchRouter(ports.window, navigation);
  const activate = (target: NotificationTarget): void => {
    ports.window.showAndFocus();
    if (target) navigation.openReferral(target.referralId);
  };
  const center = new NotificationCenter(ports.notifier, activate, log);
  const present = (notice: Parameters<NotificationCenter['present']>[0]): void => void center.present(notice);

  const preferences = await PreferencesStore.open(ports.files, clock, log);
  const scheduler = await ReminderScheduler.open({
    clock,
    timer,
    files: ports.files,
    log,
    preferences: () => preferences.get(),
    present,
  });
  const notices = new NewReferralNotices({ clock, timer, preferences: () => preferences.get(), present });
  const vault = new TokenVault(ports.cipher, ports.files, ports.consent, log);
  const updates = new UpdateController({
    updater: ports.updater,
    clock,
    timer,
    log,
    prepareQuit: () => quitState.markQuitting(),
    publish: (status) => emit('updateStatus', status),
  });
  const tray = new TrayController(
    ports.tray,
    ports.badge,
    {
      open: () => ports.window.showAndFocus(),
      syncNow: () => emit('syncNow', { reason: 'tray' }),
      pause: () => void preferences.pause(PAUSE_MINUTES),
      resume: () => void preferences.resume(),
      quit: () => {
        quitState.markQuitting();
        ports.quit();
      },
    },
    ports.formatTime,
  );

  // A pause ends on its own: refresh the tray menu and the settings screen when it does.
  let pauseTimer: TimerHandle | null = null;
  const preferencesChanged = (): void => {
    const until = preferences.pausedUntil();
    tray.setPausedUntil(until);
    emit('notificationPreferences', preferences.get());
    void scheduler.check('preferences');
    notices.preferencesChanged();
    if (pauseTimer) timer.clearTimeout(pauseTimer);
    pauseTimer =
      until === null ? null : timer.setTimeout(preferencesChanged, Math.max(0, until - clock.now()) + 1);
  };
  preferences.subscribe(preferencesChanged);
  tray.setPausedUntil(preferences.pausedUntil());

  const stopResume = ports.power.onResume(() => {
    void scheduler.check('resume');
    emit('syncNow', { reason: 'resume' });
  });

  const handlers = createIpcHandlers({
    ports,
    vault,
    scheduler,
    notices,
    preferences,
    tray,
    updates,
    navigation,
  });

  return {
    handlers,
    quitState,
    launch,
    navigation,
    scheduler,
    updates,
    tray,
    start() {
      void scheduler.check('startup');
      updates.start();
    },
    dispose() {
      stopResume();
      scheduler.dispose();
      updates.dispose();
      if (pauseTimer) timer.clearTimeout(pauseTimer);
    },
  };
}
