import { ok, type Result } from '../../shared/result';

type Outcome = Result<{ sent: boolean }>;

/**
 * At most one request in flight; while it runs, only the newest wish waits, and older
 * waiting ones are answered `sent: false` without being sent. A burst of ten key presses
 * thus sends the first and the last, never a queue of stale switches.
 */
export class LatestWins<T> {
  readonly #send: (value: T) => Promise<Result<unknown>>;
  #busy = false;
  #waiting: { value: T; resolve: (outcome: Outcome) => void } | null = null;

  constructor(send: (value: T) => Promise<Result<unknown>>) {
    this.#send = send;
  }

  run(value: T): Promise<Outcome> {
    if (!this.#busy) return this.#start(value);
    this.#waiting?.resolve(ok({ sent: false }));
    return new Promise((resolve) => {
      this.#waiting = { value, resolve };
    });
  }

  async #start(value: T): Promise<Outcome> {
    this.#busy = true;
    let result: Result<unknown>;
    try {
      result = await this.#send(value);
    } finally {
      this.#busy = false;
      const next = this.#waiting;
      this.#waiting = null;
      if (next) void this.#start(next.value).then(next.resolve);
    }
    return result.ok ? ok({ sent: true }) : result;
  }
}
