/** The machine woke up (powerMonitor 'resume') or the screen was unlocked. */
export interface PowerEvents {
  onResume(listener: () => void): () => void;
}
