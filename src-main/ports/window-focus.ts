/** Restores (un-minimizes, shows) and focuses the main window, creating it if it was closed. */
export interface WindowFocus {
  showAndFocus(): void;
}
