import type { DesktopPorts } from '../../../../src-main/app/desktop-ports';
import type { Logger } from '../../../../src-main/ports/clock';
import type { FileStore } from '../../../../src-main/ports/file-store';
import type { IpcInvokeHandler, IpcMainPort, IpcSender } from '../../../../src-main/ports/ipc-port';
import type { NotificationHandle, NotificationRequest, Notifier } from '../../../../src-main/ports/notifier';
import type { ConsentPrompt, SecretBackend, SecretCipher } from '../../../../src-main/ports/secret-cipher';
import type { BadgePort, TrayMenuItemId, TrayPort, TrayView } from '../../../../src-main/ports/tray-port';
import type { UpdaterEvent, UpdaterPort } from '../../../../src-main/ports/updater-port';
import { FakeTime } from './fake-time';

export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  info = (message: string): void => void this.lines.push(`info ${message}`);
  warn = (message: string): void => void this.lines.push(`warn ${message}`);
  error = (message: string): void => void this.lines.push(`error ${message}`);
}

export class MemoryFileStore implements FileStore {
  readonly files = new Map<string, { data: Uint8Array; mode: number }>();
  writes = 0;

  async read(name: string): Promise<Uint8Array | null> {
    return this.files.get(name)?.data ?? null;
  }

  async write(name: string, data: Uint8Array | string, options: { mode: number }): Promise<void> {
    this.writes += 1;
    this.files.set(name, {
      data: typeof data === 'string' ? new TextEncoder().encode(data) : data,
      mode: options.mode,
    });
  }

  async remove(name: string): Promise<void> {
    this.files.delete(name);
  }

  text(name: string): string | null {
    const file = this.files.get(name);
    return file ? new TextDecoder().decode(file.data) : null;
  }
}

export class FakeNotification implements NotificationHandle {
  private clickListeners: (() => void)[] = [];
  private closeListeners: (() => void)[] = [];

  constructor(readonly request: NotificationRequest) {}

  onClick(listener: () => void): void {
    this.clickListeners.push(listener);
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  click(): void {
    this.clickListeners.forEach((listener) => listener());
  }

  close(): void {
    this.closeListeners.forEach((listener) => listener());
  }
}

export class FakeNotifier implements Notifier {
  readonly shown: FakeNotification[] = [];
  supported = true;

  isSupported(): boolean {
    return this.supported;
  }

  show(request: NotificationRequest): FakeNotification {
    const notification = new FakeNotification(request);
    this.shown.push(notification);
    return notification;
  }

  get titles(): string[] {
    return this.shown.map((n) => n.request.title);
  }
}

/** A reversible stand-in for safeStorage: base64 with a marker, so ciphertext ≠ plain text. */
export class FakeCipher implements SecretCipher {
  available = true;
  selectedBackend: SecretBackend = 'os';
  reEncrypt = false;
  encrypted: string[] = [];

  async isAvailable(): Promise<boolean> {
    return this.available;
  }

  backend(): SecretBackend {
    return this.selectedBackend;
  }

  async encrypt(plainText: string): Promise<Uint8Array> {
    this.encrypted.push(plainText);
    return new TextEncoder().encode(`sealed:${Buffer.from(plainText).toString('base64')}`);
  }

  async decrypt(data: Uint8Array): Promise<{ plainText: string; shouldReEncrypt: boolean }> {
    const text = new TextDecoder().decode(data);
    if (!text.startsWith('sealed:')) throw new Error('not sealed by this key');
    return {
      plainText: Buffer.from(text.slice('sealed:'.length), 'base64').toString(),
      shouldReEncrypt: this.reEncrypt,
    };
  }
}

export class FakeConsent implements ConsentPrompt {
  asked = 0;
  constructor(public answer: boolean) {}
  async allowPlainTextStorage(): Promise<boolean> {
    this.asked += 1;
    return this.answer;
  }
}

export class FakeUpdater implements UpdaterPort {
  supported = true;
  checks = 0;
  installs = 0;
  failNextCheck: Error | null = null;
  private listeners: ((event: UpdaterEvent) => void)[] = [];
  constructor(private readonly onInstall: () => void = () => undefined) {}

  isSupported(): boolean {
    return this.supported;
  }

  async check(): Promise<void> {
    this.checks += 1;
    if (this.failNextCheck) {
      const error = this.failNextCheck;
      this.failNextCheck = null;
      throw error;
    }
  }

  quitAndInstall(): void {
    this.installs += 1;
    this.onInstall();
  }

  onEvent(listener: (event: UpdaterEvent) => void): void {
    this.listeners.push(listener);
  }

  emit(event: UpdaterEvent): void {
    this.listeners.forEach((listener) => listener(event));
  }
}

export class FakeTray implements TrayPort {
  views: TrayView[] = [];
  private menuListeners: ((id: TrayMenuItemId) => void)[] = [];
  private activateListeners: (() => void)[] = [];

  render(view: TrayView): void {
    this.views.push(view);
  }

  onMenuItem(listener: (id: TrayMenuItemId) => void): void {
    this.menuListeners.push(listener);
  }

  onActivate(listener: () => void): void {
    this.activateListeners.push(listener);
  }

  get current(): TrayView {
    const view = this.views.at(-1);
    if (!view) throw new Error('the tray was never rendered');
    return view;
  }

  choose(id: TrayMenuItemId): void {
    this.menuListeners.forEach((listener) => listener(id));
  }

  activate(): void {
    this.activateListeners.forEach((listener) => listener());
  }
}

export class FakeBadge implements BadgePort {
  counts: number[] = [];
  setCount(count: number): void {
    this.counts.push(count);
  }
}

export class FakeIpcMain implements IpcMainPort {
  readonly handlers = new Map<string, IpcInvokeHandler>();

  handle(channel: string, handler: IpcInvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  }

  invoke(channel: string, sender: IpcSender, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(sender, args);
  }
}

export const OUR_WINDOW: IpcSender = {
  frameUrl: 'app://partner-desk/index.html#/leads',
  isMainFrame: true,
  isOwnWindow: true,
};

/** Every port faked, with handles for assertions. */
export function fakePorts(start = Date.parse('2025-06-02T08:00:00.000Z')) {
  const time = new FakeTime(start);
  const log = new MemoryLogger();
  const files = new MemoryFileStore();
  const notifier = new FakeNotifier();
  const cipher = new FakeCipher();
  const consent = new FakeConsent(false);
  const events: { channel: string; payload: unknown }[] = [];
  const opened: string[] = [];
  const resumeListeners: (() => void)[] = [];
  const calls: string[] = [];
  const updater = new FakeUpdater(() => calls.push('quitAndInstall'));
  const tray = new FakeTray();
  const badge = new FakeBadge();
  const ports: DesktopPorts = {
    clock: time,
    timer: time,
    log,
    files,
    notifier,
    power: {
      onResume: (listener) => {
        resumeListeners.push(listener);
        return () => undefined;
      },
    },
    window: { showAndFocus: () => void calls.push('showAndFocus') },
    cipher,
    consent,
    updater,
    tray,
    badge,
    renderer: { send: (channel, payload) => void events.push({ channel, payload }) },
    opener: { open: async (url) => void opened.push(url) },
    quit: () => void calls.push('quit'),
    formatTime: (ms) => new Date(ms).toISOString().slice(11, 16),
    info: { platform: 'linux', version: '1.2.3', serviceUrl: 'http://127.0.0.1:4870' },
  };
  return {
    ports,
    time,
    log,
    files,
    notifier,
    cipher,
    consent,
    updater,
    tray,
    badge,
    events,
    opened,
    calls,
    resume: () => resumeListeners.forEach((listener) => listener()),
  };
}
