import type { Clock, Logger, Timer } from '../ports/clock';
import type { FileStore } from '../ports/file-store';
import type { RendererChannel } from '../ports/ipc-port';
import type { Notifier } from '../ports/notifier';
import type { PowerEvents } from '../ports/power-events';
import type { ConsentPrompt, SecretCipher } from '../ports/secret-cipher';
import type { ExternalOpener } from '../ports/shell-port';
import type { BadgePort, TrayPort } from '../ports/tray-port';
import type { UpdaterPort } from '../ports/updater-port';
import type { WindowFocus } from '../ports/window-focus';

/** Everything the shell's logic needs from the outside world; Electron adapters provide it. */
export interface DesktopPorts {
  clock: Clock;
  timer: Timer;
  log: Logger;
  /** Files under userData. */
  files: FileStore;
  notifier: Notifier;
  power: PowerEvents;
  window: WindowFocus;
  cipher: SecretCipher;
  consent: ConsentPrompt;
  updater: UpdaterPort;
  /** Null where the platform has no tray (a Linux desktop without a status area). */
  tray: TrayPort | null;
  badge: BadgePort;
  renderer: RendererChannel;
  opener: ExternalOpener;
  /** Quits the app (after QuitState has been marked). */
  quit: () => void;
  formatTime: (epochMs: number) => string;
  info: { platform: string; version: string; serviceUrl: string | null };
}
