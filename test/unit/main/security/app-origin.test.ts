import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, resolveAppFile } from '../../../../src-main/security/app-origin';
import { isAppOriginUrl, isTrustedSender } from '../../../../src-main/security/trusted-sender';

const root = path.resolve('/srv/partner-desk/out/renderer');

describe('app:// traversal guard', () => {
  it.each([
    ['app://partner-desk/', 'index.html'],
    ['app://partner-desk/index.html', 'index.html'],
    ['app://partner-desk/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://partner-desk/assets/a%20b.css', 'assets/a b.css'],
    ['app://partner-desk/assets/x.js?v=1#top', 'assets/x.js'],
  ])('serves %s from the build folder', (url, file) => {
    expect(resolveAppFile(root, url)).toBe(path.join(root, file));
  });

  it.each([
    'app://partner-desk/../secrets.json',
    'app://partner-desk/%2e%2e/secrets.json',
    'app://partner-desk/a/../../../secrets.json',
  ])('keeps %s inside the build folder (URL parsing folds the dots at the root)', (url) => {
    expect(resolveAppFile(root, url)).toBe(path.join(root, 'secrets.json'));
  });

  it.each([
    'app://partner-desk/assets/%2e%2e%2f%2e%2e%2fmain/index.js',
    'app://partner-desk/..%5c..%5cmain%5cindex.js',
    'app://partner-desk/assets%5c..%5c..%5csecret',
    'app://partner-desk/index.html%00.png',
    'app://partner-desk/%E0%A4%A',
    'app://partner-desk.evil/index.html',
    'app://evil/index.html',
    'app://user:pass@partner-desk/index.html',
    'file:///etc/passwd',
    'https://partner-desk/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });
});

describe('our origin', () => {
  it('accepts our origin only', () => {
    expect(isAppOriginUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppOriginUrl(`${APP_ORIGIN}/index.html#/referral/1`)).toBe(true);
    for (const url of [
      'app://partner-desk.evil/index.html',
      'app://user:pass@partner-desk/index.html',
      'app://partner-desk:8080/index.html',
      'https://evil.example/?next=app://partner-desk',
      'https://partner-desk/',
      'devtools://devtools/bundled/devtools_app.html',
      'file:///C:/Users/me/index.html',
      'about:blank',
      'chrome-error://chromewebdata/',
      '',
      null,
    ]) {
      expect(isAppOriginUrl(url), String(url)).toBe(false);
    }
  });

  it('trusts only the main frame of our own window', () => {
    const ours = { frameUrl: APP_ENTRY_URL, isMainFrame: true, isOwnWindow: true };
    expect(isTrustedSender(ours)).toBe(true);
    expect(isTrustedSender({ ...ours, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...ours, isOwnWindow: false })).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: null })).toBe(false);
  });
});
