import { appError, type AppError } from '../../shared/errors';
import { fail, ok, type Result } from '../../shared/result';

/**
 * Requests in flight on one socket. obs-websocket-js never settles a call whose socket
 * dropped, and never times one out; this gives every request a deadline and lets the
 * session fail all of them at once the moment the socket goes.
 */
export class PendingRequests {
  readonly #pending = new Set<(error: AppError) => void>();

  get size(): number {
    return this.#pending.size;
  }

  /**
   * Runs `work`. Settles with its value, with `mapError(thrown)`, with OBS_REQUEST_TIMEOUT
   * {request} after `timeoutMs`, or with the error given to failAll(), whichever comes first.
   * Never rejects.
   */
  run<T>(
    request: string,
    timeoutMs: number,
    work: () => Promise<T>,
    mapError: (thrown: unknown) => AppError,
  ): Promise<Result<T>> {
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: Result<T>): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.#pending.delete(abort);
        resolve(result);
      };
      const abort = (error: AppError): void => finish(fail(error));
      const timer = setTimeout(() => finish(fail(appError('OBS_REQUEST_TIMEOUT', { request }))), timeoutMs);
      this.#pending.add(abort);
      let promise: Promise<T>;
      try {
        promise = work();
      } catch (thrown) {
        promise = Promise.reject(thrown);
      }
      promise.then(
        (value) => finish(ok(value)),
        (thrown: unknown) => finish(fail(mapError(thrown))),
      );
    });
  }

  /** Settles every request in flight with `error` (e.g. OBS_CONNECTION_LOST). */
  failAll(error: AppError): void {
    for (const abort of [...this.#pending]) abort(error);
  }
}
