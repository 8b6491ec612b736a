/**
 * Hands "open this referral" to the UI. Until the page has loaded and asked for pending work
 * (takePendingOpenReferral), the latest request is held, so a deep link or a notification click
 * that starts the app is not sent to a page that is not listening yet.
 */
export class RendererNavigation {
  private pending: string | null = null;
  private listening = false;

  constructor(private readonly send: (referralId: string) => void) {}

  openReferral(referralId: string): void {
    if (this.listening) this.send(referralId);
    else this.pending = referralId;
  }

  /** The page is listening now: returns what arrived before it was. */
  takePending(): string | null {
    this.listening = true;
    const pending = this.pending;
    this.pending = null;
    return pending;
  }

  /** The page reloaded or its renderer died: hold requests again until it asks. */
  pageGone(): void {
    this.listening = false;
  }
}
