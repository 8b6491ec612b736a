import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  APP_ID,
  DEEP_LINK_SCHEME,
  LINUX_DESKTOP_FILE,
  PRODUCT_NAME,
} from '../../../../src-main/app-identity';

// electron-builder cannot package here (no Electron download), so its configuration is checked:
// against electron-builder's own JSON schema, and for every setting the release depends on.
// js-yaml and ajv are the parser and validator electron-builder itself uses.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const Ajv = (
  require('ajv') as {
    default: new (options: object) => {
      compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown };
    };
  }
).default;

const root = path.resolve(import.meta.dirname, '../../../..');
const fromRoot = (...parts: string[]): string => path.join(root, ...parts);

type Config = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const config = yaml.load(readFileSync(fromRoot('resources/electron-builder.yml'), 'utf8')) as Config;
const targetsOf = (platform: Config): string[] =>
  (platform['target'] as (string | { target: string })[]).map((t) => (typeof t === 'string' ? t : t.target));

describe('packaging configuration (resources/electron-builder.yml)', () => {
  it("is valid against electron-builder's schema", { timeout: 60_000 }, () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(
      require('app-builder-lib/scheme.json') as object,
    );
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('uses the AppUserModelId main sets as the appId, and the product name', () => {
    expect(config['appId']).toBe(APP_ID);
    expect(config['productName']).toBe(PRODUCT_NAME);
    const main = readFileSync(fromRoot('src-main/adapters/electron/desktop-app.ts'), 'utf8');
    expect(main).toContain('app.setAppUserModelId(APP_ID)');
  });

  it('names the Linux executable after the .desktop file main declares (the launcher badge needs it)', () => {
    expect(`${config['linux']['executableName']}.desktop`).toBe(LINUX_DESKTOP_FILE);
    expect(config['executableName']).toBe(config['linux']['executableName']);
  });

  it('sets every Electron fuse explicitly', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config['asar']).toBe(true);
    const schema = require('app-builder-lib/scheme.json') as {
      definitions: { FuseOptionsV1: { properties: object } };
    };
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties).filter(
      (k) => k !== 'resetAdHocDarwinSignature',
    );
    expect(Object.keys(config['electronFuses']).sort()).toEqual(known.sort());
  });

  it('builds NSIS on Windows, dmg and zip on macOS, AppImage and deb on Linux', () => {
    expect(targetsOf(config['win'])).toEqual(['nsis']);
    expect(targetsOf(config['mac'])).toEqual(['dmg', 'zip']);
    expect(targetsOf(config['linux'])).toEqual(['AppImage', 'deb']);
  });

  it('makes the deb depend on libnotify and libsecret', () => {
    expect(config['deb']['depends']).toEqual(expect.arrayContaining(['libnotify4', 'libsecret-1-0']));
  });

  it('signs macOS with the hardened runtime and entitlements from resources/, and notarizes', () => {
    const mac = config['mac'];
    expect(mac['hardenedRuntime']).toBe(true);
    expect(mac['notarize']).toBe(true);
    for (const key of ['entitlements', 'entitlementsInherit']) {
      expect(mac[key]).toMatch(/^resources\//);
      const plist = readFileSync(fromRoot(mac[key]), 'utf8');
      expect(plist).toContain('<key>com.apple.security.cs.allow-jit</key>');
      expect(plist).not.toContain('disable-library-validation');
    }
  });

  it('publishes a feed for electron-updater', () => {
    const [publish] = config['publish'] as Config[];
    expect(publish).toMatchObject({
      provider: 'github',
      owner: expect.any(String),
      repo: expect.any(String),
    });
  });

  it('registers the partnerdesk:// scheme with the OS', () => {
    expect(config['protocols']).toEqual([expect.objectContaining({ schemes: [DEEP_LINK_SCHEME] })]);
  });

  it('ships the build output, the tray icons and the app icon, and files that exist', () => {
    expect(config['files']).toEqual(expect.arrayContaining(['out/**/*', 'package.json']));
    for (const { from } of config['extraResources'] as { from: string }[])
      expect(existsSync(fromRoot(from)), from).toBe(true);
    for (const platform of ['win', 'mac', 'linux'])
      expect(existsSync(fromRoot(config[platform]['icon']))).toBe(true);
    for (const icon of [
      'tray.png',
      'tray@2x.png',
      'tray-attention.png',
      'tray-attention@2x.png',
      'trayTemplate.png',
      'trayTemplate@2x.png',
      'badge.png',
    ]) {
      expect(existsSync(fromRoot('resources/tray', icon)), icon).toBe(true);
    }
  });

  it('leaves out every runtime dependency that main does not load', () => {
    const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const usedByMain = new Set(['zod', 'electron-updater']);
    const excluded = (config['files'] as string[]).filter((f) => f.startsWith('!node_modules/'));
    for (const dependency of Object.keys(pkg.dependencies)) {
      if (usedByMain.has(dependency)) continue;
      const scope = dependency.startsWith('@') ? dependency.split('/')[0] : dependency;
      expect(
        excluded,
        `add '!node_modules/${scope}/**' to files in resources/electron-builder.yml`,
      ).toContain(`!node_modules/${scope}/**`);
    }
  });

  it('has an app icon of at least 512 px and an SVG source', () => {
    const png = readFileSync(fromRoot('resources/icons/icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBe(png.readUInt32BE(16));
    expect(readFileSync(fromRoot('resources/icons/icon.svg'), 'utf8')).toContain('<svg');
    // The image data really inflates (the generator wrote a complete PNG).
    const idat = png.indexOf('IDAT');
    expect(inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4))).length).toBe(
      1024 * (1024 * 4 + 1),
    );
  });
});

describe('release workflow (.github/workflows/release.yml)', () => {
  const workflow = yaml.load(readFileSync(fromRoot('.github/workflows/release.yml'), 'utf8')) as Config;
  const job = workflow['jobs']['installers'] as Config;
  const text = readFileSync(fromRoot('.github/workflows/release.yml'), 'utf8');

  it('runs on Windows, macOS and Linux runners', () => {
    expect((job['strategy']['matrix']['include'] as Config[]).map((m) => m['os'])).toEqual([
      'windows-latest',
      'macos-latest',
      'ubuntu-latest',
    ]);
  });

  it('builds, signs and publishes with this configuration', () => {
    expect(text).toContain('npx electron-vite build');
    const packaging = (job['steps'] as Config[]).filter((s) =>
      String(s['run'] ?? '').includes('electron-builder'),
    );
    expect(packaging.length).toBeGreaterThanOrEqual(4);
    for (const step of packaging)
      expect(step['run']).toMatch(/--config resources\/electron-builder\.yml .*--publish always/);
    for (const secret of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
      'AZURE_TENANT_ID',
      'GH_TOKEN',
    ]) {
      expect(text).toContain(`${secret}:`);
    }
    expect(text).toContain('azureSignOptions.endpoint');
    expect(workflow['permissions']).toEqual({ contents: 'write' });
  });
});
