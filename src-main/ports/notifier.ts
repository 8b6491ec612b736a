export interface NotificationRequest {
  title: string;
  body: string;
  /** Contact-me referrals: critical urgency, stays on screen where the platform allows it. */
  urgent: boolean;
}

/** A shown notification. It must stay referenced until clicked or closed, or the click is lost. */
export interface NotificationHandle {
  onClick(listener: () => void): void;
  onClose(listener: () => void): void;
}

export interface Notifier {
  isSupported(): boolean;
  show(request: NotificationRequest): NotificationHandle;
}
