import type { WindowFocus } from '../ports/window-focus';
import { findDeepLink, parseDeepLink } from './deep-link';
import type { DeepLink } from './deep-link';
import type { RendererNavigation } from './renderer-navigation';

/**
 * What a starting instance hands to the running one through requestSingleInstanceLock's
 * additionalData: its own argv, unchanged (the argv of 'second-instance' is reordered and gains
 * Chromium switches: electron/electron#20322).
 */
export function handoffData(argv: readonly string[]): { argv: string[] } {
  return { argv: argv.filter((argument) => typeof argument === 'string').slice(0, 64) };
}

/** The deep link a second instance carried: from its additionalData, else from its argv. */
export function linkFromSecondInstance(argv: readonly string[], additionalData: unknown): DeepLink | null {
  if (typeof additionalData === 'object' && additionalData !== null) {
    const passed = (additionalData as { argv?: unknown }).argv;
    if (Array.isArray(passed)) {
      const link = findDeepLink(passed.filter((a): a is string => typeof a === 'string'));
      if (link) return link;
    }
  }
  return findDeepLink(argv);
}

/** Routes launches and deep links: the first launch, a second launch, macOS open-url. */
export class LaunchRouter {
  constructor(
    private readonly window: WindowFocus,
    private readonly navigation: RendererNavigation,
  ) {}

  firstLaunch(argv: readonly string[]): void {
    const link = findDeepLink(argv);
    if (link) this.navigation.openReferral(link.referralId);
  }

  /** Another launch was refused by the single-instance lock: surface this one instead. */
  secondInstance(argv: readonly string[], additionalData: unknown): void {
    this.window.showAndFocus();
    const link = linkFromSecondInstance(argv, additionalData);
    if (link) this.navigation.openReferral(link.referralId);
  }

  /** macOS delivers deep links through 'open-url'. Returns whether the URL was ours. */
  openUrl(url: string): boolean {
    const link = parseDeepLink(url);
    if (!link) return false;
    this.window.showAndFocus();
    this.navigation.openReferral(link.referralId);
    return true;
  }
}
