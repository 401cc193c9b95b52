/** Time for retries and waits: the real clock, or a faster one in tests and the bench. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_CLOCK: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

/** The next backoff after `ms`: doubled, up to `maxMs`. */
export function nextBackoff(ms: number, maxMs: number): number {
  return Math.min(ms * 2, maxMs);
}
