// Starts the desktop app next to the local service (`npm start`). Plain Node: no electron import,
// because requiring electron in Node returns the path of its binary, or throws where the binary
// could not be downloaded, which is every machine without access to GitHub.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

export interface LaunchOptions {
  /** The service the app talks to, e.g. http://127.0.0.1:4870. */
  serviceUrl: string;
  env?: Env;
  log?: (line: string) => void;
  /** The project root (holds node_modules and out/). Default: the working directory. */
  projectRoot?: string;
  /** Injectable for tests. */
  resolveElectron?: (projectRoot: string, env: Env) => ElectronBinary;
  spawnProcess?: (
    command: string,
    args: readonly string[],
    options: { env: NodeJS.ProcessEnv },
  ) => ChildProcess;
  platform?: NodeJS.Platform;
}

export type LaunchResult =
  | { status: 'skipped'; reason: string }
  | { status: 'unavailable'; reason: string }
  | { status: 'launched'; child: ChildProcess };

// Named once: this Node-side launcher resolves the package's binary path; it never loads Electron's API.
const ELECTRON_PACKAGE = 'electron';
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;

/**
 * Launches Electron on out/main/index.js with the service URL, unless PARTNER_DESK_NO_ELECTRON=1.
 * Where there is no Electron binary (or no display) it logs exactly one line pointing to the web
 * UI and returns: it never throws, so the service keeps running.
 */
export function launchDesktopApp(options: LaunchOptions): LaunchResult {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const root = options.projectRoot ?? process.cwd();
  const webUi = `${options.serviceUrl.replace(/\/+$/, '')}/app/`;

  if (env['PARTNER_DESK_NO_ELECTRON'] === '1') {
    return { status: 'skipped', reason: 'PARTNER_DESK_NO_ELECTRON=1' };
  }
  const platform = options.platform ?? process.platform;
  if (platform === 'linux' && !env['DISPLAY'] && !env['WAYLAND_DISPLAY']) {
    const reason = 'no graphical display';
    log(`Partner Desk desktop app not started (${reason}); use the web UI at ${webUi}`);
    return { status: 'unavailable', reason };
  }
  const entry = path.join(root, 'out', 'main', 'index.js');
  const binary = existsSync(entry)
    ? (options.resolveElectron ?? resolveElectronBinary)(root, env)
    : { ok: false as const, reason: `${path.relative(root, entry)} is missing; run npm run build` };
  if (!binary.ok) {
    log(
      `Partner Desk desktop app not started: the Electron binary is not available (${binary.reason}); use the web UI at ${webUi}`,
    );
    return { status: 'unavailable', reason: binary.reason };
  }

  const childEnv: NodeJS.ProcessEnv = { ...env, PARTNER_DESK_SERVICE_URL: options.serviceUrl };
  // Set in the parent's environment, it would turn Electron into plain Node.
  delete childEnv['ELECTRON_RUN_AS_NODE'];
  const start =
    options.spawnProcess ??
    ((command, args, spawnOptions) => spawn(command, [...args], { ...spawnOptions, stdio: 'inherit' }));
  try {
    const child = start(binary.path, [entry], { env: childEnv });
    child.on('error', (error) =>
      log(`Partner Desk desktop app failed to start (${error.message}); use the web UI at ${webUi}`),
    );
    return { status: 'launched', child };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(`Partner Desk desktop app failed to start (${reason}); use the web UI at ${webUi}`);
    return { status: 'unavailable', reason };
  }
}

/**
 * The Electron binary. When it is already installed, requiring the electron package returns its path at
 * once. Otherwise the require downloads it (electron installs lazily) and prints to the terminal,
 * so that attempt runs in a child process whose output is kept; it fails fast offline.
 */
export function resolveElectronBinary(projectRoot: string, env: Env): ElectronBinary {
  const requireFromProject = createRequire(path.join(projectRoot, 'package.json'));
  let packageDir: string;
  try {
    packageDir = path.dirname(requireFromProject.resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  if (isInstalled(packageDir, env)) {
    try {
      const binary: unknown = requireFromProject(ELECTRON_PACKAGE);
      if (typeof binary === 'string' && existsSync(binary)) return { ok: true, path: binary };
    } catch {
      // Fall through to the download attempt below.
    }
  }
  const attempt = spawnSync(
    process.execPath,
    ['-e', `process.stdout.write(require(${JSON.stringify(ELECTRON_PACKAGE)}))`],
    {
      cwd: projectRoot,
      env: { ...env, ELECTRON_RUN_AS_NODE: undefined },
      encoding: 'utf8',
      timeout: DOWNLOAD_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const resolved = attempt.status === 0 ? attempt.stdout.trim() : '';
  if (resolved && existsSync(resolved)) return { ok: true, path: resolved };
  return { ok: false, reason: attempt.error ? attempt.error.message : 'it could not be downloaded' };
}

function isInstalled(packageDir: string, env: Env): boolean {
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = env['ELECTRON_OVERRIDE_DIST_PATH'] ?? path.join(packageDir, 'dist');
  return relative !== '' && existsSync(path.join(dist, relative));
}
