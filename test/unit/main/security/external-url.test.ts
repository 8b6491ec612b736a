import { describe, expect, it } from 'vitest';
import { checkExternalUrl } from '../../../../src-main/security/external-url';

describe('external URL guard', () => {
  it.each([
    ['https://example.com/path?q=1#frag', 'https://example.com/path?q=1#frag'],
    ['HTTPS://Example.COM/', 'https://example.com/'],
    ['https://evil.example/?next=app://partner-desk', 'https://evil.example/?next=app://partner-desk'],
    ['mailto:jane.doe@contoso.com', 'mailto:jane.doe@contoso.com'],
    ['MAILTO:jane@contoso.com?subject=Your%20referral', 'mailto:jane@contoso.com?subject=Your%20referral'],
  ])('opens %s as %s', (raw, normalized) => {
    expect(checkExternalUrl(raw)).toEqual({ ok: true, url: normalized });
  });

  it.each([
    ['app://partner-desk/index.html', 'our own origin is not an external link'],
    ['app://partner-desk.evil/', 'a look-alike of our origin'],
    ['app://user:pass@partner-desk/', 'credentials on our scheme'],
    ['http://example.com/', 'plain http'],
    ['https://user:pass@example.com/', 'credentials in an https URL'],
    ['https://user@example.com/', 'a user name in an https URL'],
    ['https://example.com@evil.example/', 'the user-info trick'],
    ['javascript:alert(1)', 'javascript:'],
    ['JaVaScRiPt:alert(1)', 'mixed-case javascript:'],
    ['  javascript:alert(1)', 'leading whitespace'],
    ['java\tscript:alert(1)', 'a tab inside the scheme'],
    ['file:///etc/passwd', 'file:'],
    ['FILE:///C:/Windows/System32/calc.exe', 'mixed-case file:'],
    ['data:text/html,<script>alert(1)</script>', 'data:'],
    ['vbscript:msgbox(1)', 'vbscript:'],
    ['ms-msdt:/id PCWDiagnostic', 'an OS protocol handler'],
    ['smb://attacker/share', 'smb:'],
    ['https://xn--pple-43d.com/', 'a punycode look-alike host'],
    ['https://аpple.com/', 'a unicode (Cyrillic) host'],
    ['https://exa\u0000mple.com/', 'a NUL byte'],
    ['https://example.com\\@evil.example/', 'a backslash'],
    ['mailto:jane@contoso.com?attach=/etc/passwd', 'a mailto attachment'],
    ['mailto:a@b.com,c@d.com', 'several mailto recipients'],
    ['mailto:?body=hi', 'mailto without an address'],
    ['//evil.example/', 'a scheme-relative URL'],
    ['/relative/path', 'a relative path'],
    ['', 'nothing'],
    [`https://example.com/${'a'.repeat(5000)}`, 'an overlong URL'],
  ])('refuses %s (%s)', (raw) => {
    expect(checkExternalUrl(raw).ok).toBe(false);
  });
});
