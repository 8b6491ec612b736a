/**
 * Close-to-tray: closing the window hides it while the app keeps reminding from the tray. A real
 * quit (menu, tray, OS shutdown, quit-and-install) marks the app as quitting first, so the close
 * handler lets the windows go; otherwise an update install would hang on a hidden window.
 */
export class QuitState {
  private quitting = false;

  constructor(private readonly hasTray: () => boolean) {}

  markQuitting(): void {
    this.quitting = true;
  }

  get isQuitting(): boolean {
    return this.quitting;
  }

  /** On the window's 'close': true → prevent it and hide the window instead. */
  shouldHideOnClose(): boolean {
    return !this.quitting && this.hasTray();
  }
}
