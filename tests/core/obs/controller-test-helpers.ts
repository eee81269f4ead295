import { ObsController, type ObsControllerOptions } from '../../../src/core/obs/obs-controller';
import type { Logger } from '../../../src/core/ports';
import type { ObsState } from '../../../src/shared/obs-state';
import { waitFor } from '../../support/wait-for';
import { scaled } from '../../support/timeouts';

/** Log lines of every controller made here, shown when a wait fails. */
const logLines: string[] = [];
const testLogger: Logger = {
  info: (message, data) => logLines.push(`${Date.now()} info ${message} ${JSON.stringify(data ?? {})}`),
  warn: (message, data) => logLines.push(`${Date.now()} warn ${message} ${JSON.stringify(data ?? {})}`),
  error: (message, data) => logLines.push(`${Date.now()} error ${message} ${JSON.stringify(data ?? {})}`),
};

/** Controllers made by a test file, closed in its afterEach/afterAll. */
export class Controllers {
  readonly #all: ObsController[] = [];

  create(options: ObsControllerOptions = {}): ObsController {
    const controller = new ObsController({ connectTimeoutMs: 3000, logger: testLogger, ...options });
    this.#all.push(controller);
    return controller;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.#all.splice(0).map((c) => c.close()));
  }
}

/** Waits until the controller's state satisfies `predicate`; returns that state. */
export function waitForState(
  controller: ObsController,
  predicate: (state: ObsState) => boolean,
  message: string,
  timeoutMs = scaled(10_000),
): Promise<ObsState> {
  return waitFor(() => (predicate(controller.state) ? controller.state : null), {
    timeoutMs,
    intervalMs: 10,
    message,
  }).catch((error: unknown) => {
    // The state the controller was left in is what explains a failure.
    throw new Error(
      `${String(error)}\nlast state: ${JSON.stringify(controller.state)}\nlog:\n${logLines.slice(-20).join('\n')}`,
    );
  });
}

export const isConnected = (state: ObsState): boolean => state.connection.status === 'connected';

/** Every state a controller emits from now on. */
export function recordStates(controller: ObsController): ObsState[] {
  const states: ObsState[] = [];
  controller.onState((state) => states.push(state));
  return states;
}

/**
 * Proves that something does NOT happen (no automatic attempt): watch for a window many
 * times longer than the backoff the controller was given. The one deliberate wait in these
 * tests; everything else polls with a deadline.
 */
export function observeFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
