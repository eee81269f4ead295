import { useState } from 'react';
import {
  createActionRunner,
  idleAction,
  type ActionOptions,
  type ActionRunner,
  type ActionState,
} from './action-runner';

export type Action = ActionState & ActionRunner;

/**
 * An action's pending state and its last error, for a button or form that asks the core for
 * something: `run(() => api.x.y(params))`. run, fail and clear keep their identity.
 */
export function useAction(options?: ActionOptions): Action {
  const [state, setState] = useState<ActionState>(idleAction);
  // Created once: the options of the first render hold.
  const [runner] = useState(() => createActionRunner(setState, options));
  return { ...state, ...runner };
}
