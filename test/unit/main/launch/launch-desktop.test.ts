import { EventEmitter } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchDesktopApp } from '../../../../src-main/launch/launch-desktop';
import { resolveServiceConfig } from '../../../../src-main/config';

const root = mkdtempSync(path.join(os.tmpdir(), 'partner-desk-launch-'));
mkdirSync(path.join(root, 'out', 'main'), { recursive: true });
writeFileSync(path.join(root, 'out', 'main', 'index.js'), '');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function run(
  env: Record<string, string | undefined>,
  binary: { ok: true; path: string } | { ok: false; reason: string },
) {
  const lines: string[] = [];
  const spawned: { command: string; args: readonly string[]; env: NodeJS.ProcessEnv }[] = [];
  const child = new EventEmitter() as ChildProcess;
  const result = launchDesktopApp({
    serviceUrl: 'http://127.0.0.1:4870',
    env,
    log: (line) => lines.push(line),
    projectRoot: root,
    platform: 'linux',
    resolveElectron: () => binary,
    spawnProcess: (command, args, options) => {
      spawned.push({ command, args, env: options.env });
      return child;
    },
  });
  return { result, lines, spawned, child };
}

describe('launchDesktopApp', () => {
  it('skips the desktop app silently with PARTNER_DESK_NO_ELECTRON=1', () => {
    const { result, lines, spawned } = run(
      { PARTNER_DESK_NO_ELECTRON: '1', DISPLAY: ':0' },
      { ok: true, path: '/bin/electron' },
    );
    expect(result.status).toBe('skipped');
    expect(lines).toEqual([]);
    expect(spawned).toEqual([]);
  });

  it('says in one line that Electron is unavailable and points to the web UI', () => {
    const { result, lines, spawned } = run(
      { DISPLAY: ':0' },
      { ok: false, reason: 'it could not be downloaded' },
    );
    expect(result.status).toBe('unavailable');
    expect(lines).toEqual([
      'Partner Desk desktop app not started: the Electron binary is not available (it could not be downloaded); use the web UI at http://127.0.0.1:4870/app/',
    ]);
    expect(spawned).toEqual([]);
  });

  it('says so in one line on a Linux machine without a display', () => {
    const { result, lines } = run({}, { ok: true, path: '/bin/electron' });
    expect(result.status).toBe('unavailable');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('http://127.0.0.1:4870/app/');
  });

  it('starts Electron on the built main with the service URL, never as plain Node', () => {
    const { result, spawned, lines, child } = run(
      { DISPLAY: ':0', ELECTRON_RUN_AS_NODE: '1', HOME: '/home/me' },
      { ok: true, path: '/opt/electron/electron' },
    );
    expect(result.status).toBe('launched');
    expect(spawned).toHaveLength(1);
    expect(spawned[0]?.command).toBe('/opt/electron/electron');
    expect(spawned[0]?.args).toEqual([path.join(root, 'out', 'main', 'index.js')]);
    expect(spawned[0]?.env).toMatchObject({
      PARTNER_DESK_SERVICE_URL: 'http://127.0.0.1:4870',
      HOME: '/home/me',
    });
    expect(spawned[0]?.env).not.toHaveProperty('ELECTRON_RUN_AS_NODE');
    child.emit('error', new Error('spawn EACCES'));
    expect(lines).toEqual([
      'Partner Desk desktop app failed to start (spawn EACCES); use the web UI at http://127.0.0.1:4870/app/',
    ]);
  });

  it('never throws, even when spawning does', () => {
    const result = launchDesktopApp({
      serviceUrl: 'http://127.0.0.1:4870/',
      env: { DISPLAY: ':0' },
      log: () => undefined,
      projectRoot: root,
      platform: 'linux',
      resolveElectron: () => ({ ok: true, path: '/nope' }),
      spawnProcess: () => {
        throw new Error('ENOENT');
      },
    });
    expect(result).toEqual({ status: 'unavailable', reason: 'ENOENT' });
  });

  it('does not require electron at module load (the import above did not throw)', async () => {
    const source = await import('node:fs').then((fs) =>
      fs.readFileSync(path.resolve('src-main/launch/launch-desktop.ts'), 'utf8'),
    );
    expect(source).not.toMatch(/^import [^;]* from 'electron'/m);
  });
});

describe('service configuration for main', () => {
  it('reads PARTNER_DESK_SERVICE_URL and derives the CSP origin', () => {
    expect(resolveServiceConfig({ PARTNER_DESK_SERVICE_URL: 'https://desk.contoso.example/api/' })).toEqual({
      serviceUrl: 'https://desk.contoso.example/api',
      serviceOrigin: 'https://desk.contoso.example',
    });
    expect(resolveServiceConfig({})).toEqual({
      serviceUrl: 'http://127.0.0.1:4870',
      serviceOrigin: 'http://127.0.0.1:4870',
    });
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc',
    'https://u:p@x.example',
    'not a url',
    "http://x.example'; script-src *",
  ])('falls back to the default for %s rather than widening the CSP', (raw) => {
    expect(resolveServiceConfig({ PARTNER_DESK_SERVICE_URL: raw }).serviceOrigin).toMatch(
      /^http:\/\/127\.0\.0\.1:4870$|^http:\/\/x\.example$/,
    );
  });
});
