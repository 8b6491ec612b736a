/**
 * Exponential backoff with "equal jitter" (half fixed, half random) so that devices coming back
 * online together do not retry in step; never sooner than the service's retryAfter.
 */
export function backoffMs(
  attempt: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number {
  const base = Math.min(5 * 60_000, 1000 * 2 ** Math.max(0, attempt - 1));
  const jittered = base / 2 + random() * (base / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Resolves after `ms`, or early when `wake` resolves or the signal aborts. */
export function sleep(ms: number, wake: Promise<void>, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    void wake.then(done);
    signal?.addEventListener('abort', done, { once: true });
  });
}
