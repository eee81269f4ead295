import { appError } from '../../shared/errors';
import { fail, type Result } from '../../shared/result';

/**
 * obs-websocket 5.3+ answers 207 NotReady while OBS loads (right after the socket accepts)
 * and while it switches scene collections. It is all-or-nothing: nothing of the request or
 * batch ran, so sending the same thing again is safe. 5.1 never sends it.
 */
export const NOT_READY_STATUS = 207;

export interface NotReadyRetry {
  /** How long to keep trying while OBS says 207 before giving up with OBS_NOT_READY. */
  waitMs: number;
  /** Pause between attempts. */
  intervalMs: number;
}

/**
 * Runs `attempt` until it is not NotReady or `waitMs` has passed. An attempt after the
 * socket went away fails with the session's loss error, which ends the loop. `watch` hears when a wait starts and ends, for the "OBS is starting" notice.
 */
export async function retryWhileNotReady<T>(
  request: string,
  retry: NotReadyRetry,
  attempt: () => Promise<Result<T>>,
  isNotReady: (result: Result<T>) => boolean,
  watch: NotReadyWatch,
): Promise<Result<T>> {
  let result = await attempt();
  if (!isNotReady(result)) return result;
  const deadline = Date.now() + retry.waitMs;
  const done = watch.begin();
  try {
    while (isNotReady(result)) {
      if (Date.now() + retry.intervalMs > deadline) return fail(appError('OBS_NOT_READY', { request }));
      await new Promise((resolve) => setTimeout(resolve, retry.intervalMs));
      result = await attempt();
    }
    return result;
  } finally {
    done();
  }
}

/**
 * Counts the requests waiting for OBS to be ready. Says `true` once one has waited longer
 * than `noticeAfterMs` (a short 207 burst is not worth a notice), and `false` when the last
 * wait ends after that.
 */
export class NotReadyWatch {
  readonly #onChange: (waiting: boolean) => void;
  readonly #noticeAfterMs: number;
  #waiting = 0;
  #noticed = false;
  #timer: NodeJS.Timeout | null = null;

  constructor(onChange: (waiting: boolean) => void, noticeAfterMs: number) {
    this.#onChange = onChange;
    this.#noticeAfterMs = noticeAfterMs;
  }

  begin(): () => void {
    this.#waiting += 1;
    if (this.#waiting === 1 && !this.#noticed) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        this.#noticed = true;
        this.#onChange(true);
      }, this.#noticeAfterMs);
    }
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.#waiting -= 1;
      if (this.#waiting > 0) return;
      this.stop();
    };
  }

  /** Ends any notice (all waits over, or the session closed). */
  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (!this.#noticed) return;
    this.#noticed = false;
    this.#onChange(false);
  }
}
