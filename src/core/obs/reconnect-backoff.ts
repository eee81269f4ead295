/** First wait after a failure; doubles per consecutive failure (250, 500, 1000, 2000...). */
export const FIRST_BACKOFF_MS = 250;

/**
 * Wait before automatic attempt number `failures` (1-based), capped at `maxMs`. Short on
 * purpose: OBS on the same machine comes back within seconds, and waiting longer than
 * 2 s while a program is live only delays the moment staff see it is back.
 */
export function backoffDelay(failures: number, maxMs: number): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 20); // no overflow for long outages
  return Math.max(0, Math.min(FIRST_BACKOFF_MS * 2 ** exponent, maxMs));
}
