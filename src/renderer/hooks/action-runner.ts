import type { AppError } from '../../shared/errors';
import type { Result } from '../../shared/result';

/** What a view shows about its action: whether it is on its way, and why the last one failed. */
export interface ActionState {
  pending: boolean;
  error: AppError | null;
}

export interface ActionOptions {
  /**
   * Let runs overlap (ticks in a list, one per item). By default a run while another is on its
   * way is refused, so a second press of Save sends nothing.
   */
  overlap?: boolean;
}

export interface ActionRunner {
  /**
   * Runs `work`: clears the last error, is pending until the answer, keeps a failure. Resolves
   * with the answer, or undefined when refused because a run is on its way.
   */
  run<T>(work: () => Promise<Result<T>>): Promise<Result<T> | undefined>;
  /** Shows a failure found without asking the core (a form's own check, a load). */
  fail(error: AppError): void;
  clear(): void;
}

export const idleAction: ActionState = { pending: false, error: null };

/** The plain core of useAction, so it runs and is tested without React. */
export function createActionRunner(onChange: (state: ActionState) => void, options: ActionOptions = {}): ActionRunner {
  let state = idleAction;
  // Counted here, not read from React state: two clicks in one frame both see the old render.
  let inFlight = 0;
  const update = (change: Partial<ActionState>) => {
    state = { ...state, ...change };
    onChange(state);
  };
  return {
    async run<T>(work: () => Promise<Result<T>>) {
      if (inFlight > 0 && !options.overlap) return undefined;
      inFlight += 1;
      update({ pending: true, error: null });
      let result: Result<T> | undefined;
      try {
        result = await work();
        return result;
      } finally {
        inFlight -= 1;
        update({ pending: inFlight > 0, ...(result && !result.ok ? { error: result.error } : {}) });
      }
    },
    fail: (error) => update({ error }),
    clear: () => update({ error: null }),
  };
}
