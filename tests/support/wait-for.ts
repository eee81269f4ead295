import { scaled } from './timeouts';
/**
 * Polls until `predicate` returns a truthy value and returns that value. Tests use this
 * instead of fixed sleeps: they go on as soon as the condition holds, and fail with a
 * clear message (including the last value seen) when it does not hold in time.
 */
export interface WaitForOptions {
  /** Default 10 s. */
  timeoutMs?: number;
  /** Default 25 ms. */
  intervalMs?: number;
  /** Said in the timeout error, e.g. "mirror shows scene B". */
  message?: string;
}

export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  { timeoutMs = scaled(10_000), intervalMs = 25, message = 'condition' }: WaitForOptions = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  let lastValue: unknown = undefined;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value as NonNullable<T>;
      lastValue = value;
      lastError = null;
    } catch (error) {
      // A predicate may throw while the system is still settling (e.g. an expect()).
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const detail = lastError ? `last error: ${String(lastError)}` : `last value: ${describe(lastValue)}`;
      throw new Error(`waitFor timed out after ${timeoutMs} ms waiting for ${message} (${detail})`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
