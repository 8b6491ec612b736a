import { describe, expect, it } from 'vitest';
import { findDeepLink, parseDeepLink } from '../../../../src-main/deeplinks/deep-link';
import {
  LaunchRouter,
  handoffData,
  linkFromSecondInstance,
} from '../../../../src-main/deeplinks/instance-handoff';
import { RendererNavigation } from '../../../../src-main/deeplinks/renderer-navigation';

const id = '6d2f1c8e-2b7a-4e43-9d6a-0f8f3a1b2c3d';

describe('deep links', () => {
  it.each([
    [`partnerdesk://referral/${id}`, id],
    [`PartnerDesk://referral/${id}/`, id],
    [`partnerdesk://REFERRAL/${id}?from=mail`, id],
  ])('parses %s', (url, expected) => {
    expect(parseDeepLink(url)).toEqual({ kind: 'referral', referralId: expected });
  });

  it.each([
    'partnerdesk://referral/',
    'partnerdesk://referral/a/b',
    'partnerdesk://settings/x',
    'partnerdesk://user:pass@referral/x',
    'partnerdesk://referral:99/x',
    'partnerdesk://referral/%2e%2e',
    'partnerdesk://referral/<script>',
    'partnerdesk://referral/%3Cscript%3E',
    `https://referral/${id}`,
    `partnerdesk:referral/${id}`,
    `partnerdesk://referral/${'x'.repeat(600)}`,
    'not a url',
  ])('refuses %s', (url) => {
    expect(parseDeepLink(url)).toBeNull();
  });

  it('finds the link among the switches Chromium adds to argv', () => {
    const argv = [
      'C:\\Partner Desk\\Partner Desk.exe',
      '--allow-file-access-from-files',
      `partnerdesk://referral/${id}`,
      '--original-process-start-time=1',
    ];
    expect(findDeepLink(argv)).toEqual({ kind: 'referral', referralId: id });
    expect(findDeepLink(['/usr/bin/partner-desk', '--no-sandbox'])).toBeNull();
  });

  it('prefers what the second instance handed over in additionalData', () => {
    const data = handoffData(['app', `partnerdesk://referral/${id}`]);
    expect(linkFromSecondInstance(['app', '--allow-file-access-from-files'], data)).toEqual({
      kind: 'referral',
      referralId: id,
    });
    expect(linkFromSecondInstance(['app', `partnerdesk://referral/other`], { argv: 'junk' })).toEqual({
      kind: 'referral',
      referralId: 'other',
    });
    expect(linkFromSecondInstance(['app'], null)).toBeNull();
  });

  it('a second launch focuses the running window and opens the referral', () => {
    const calls: string[] = [];
    const sent: string[] = [];
    const navigation = new RendererNavigation((referralId) => sent.push(referralId));
    const router = new LaunchRouter({ showAndFocus: () => calls.push('focus') }, navigation);
    navigation.takePending(); // the page is listening
    router.secondInstance(['app'], handoffData(['app', `partnerdesk://referral/${id}`]));
    expect(calls).toEqual(['focus']);
    expect(sent).toEqual([id]);
    // A plain second launch just brings the window up.
    router.secondInstance(['app'], handoffData(['app']));
    expect(calls).toEqual(['focus', 'focus']);
    expect(sent).toEqual([id]);
    expect(router.openUrl('https://evil.example/')).toBe(false);
    expect(router.openUrl(`partnerdesk://referral/${id}`)).toBe(true);
  });

  it('holds a link that started the app until the page asks for it', () => {
    const sent: string[] = [];
    const navigation = new RendererNavigation((referralId) => sent.push(referralId));
    new LaunchRouter({ showAndFocus: () => undefined }, navigation).firstLaunch([
      'app',
      `partnerdesk://referral/${id}`,
    ]);
    expect(sent).toEqual([]);
    expect(navigation.takePending()).toBe(id);
    expect(navigation.takePending()).toBeNull();
    navigation.openReferral('next');
    expect(sent).toEqual(['next']);
    navigation.pageGone(); // a reload: hold again until the new page asks
    navigation.openReferral('held');
    expect(sent).toEqual(['next']);
    expect(navigation.takePending()).toBe('held');
  });
});
