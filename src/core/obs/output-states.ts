import type { RecordState, StreamState } from '../../shared/obs-state';

/**
 * Maps obs-websocket's output states to the app's stream and record states. The app never
 * guesses: these come from OBS's replies (Get*Status) and events (*StateChanged) only.
 */

export interface OutputStatus<S> {
  active: boolean;
  state: S;
}

/** StreamStateChanged {outputActive, outputState}. */
export function streamStateFromEvent(outputActive: boolean, outputState: string): OutputStatus<StreamState> {
  switch (outputState) {
    case 'OBS_WEBSOCKET_OUTPUT_STARTING':
      return { active: outputActive, state: 'starting' };
    case 'OBS_WEBSOCKET_OUTPUT_STARTED':
    case 'OBS_WEBSOCKET_OUTPUT_RECONNECTED':
      return { active: outputActive, state: 'live' };
    case 'OBS_WEBSOCKET_OUTPUT_RECONNECTING':
      return { active: outputActive, state: 'reconnecting' };
    case 'OBS_WEBSOCKET_OUTPUT_STOPPING':
      return { active: outputActive, state: 'stopping' };
    case 'OBS_WEBSOCKET_OUTPUT_STOPPED':
      return { active: outputActive, state: 'offline' };
    default:
      // A state newer than this app knows: trust outputActive alone.
      return { active: outputActive, state: outputActive ? 'live' : 'offline' };
  }
}

/** RecordStateChanged {outputActive, outputState}. */
export function recordStateFromEvent(outputActive: boolean, outputState: string): OutputStatus<RecordState> {
  switch (outputState) {
    case 'OBS_WEBSOCKET_OUTPUT_STARTING':
      return { active: outputActive, state: 'starting' };
    case 'OBS_WEBSOCKET_OUTPUT_STARTED':
    case 'OBS_WEBSOCKET_OUTPUT_RESUMED':
      return { active: outputActive, state: 'recording' };
    case 'OBS_WEBSOCKET_OUTPUT_PAUSED':
      return { active: outputActive, state: 'paused' };
    case 'OBS_WEBSOCKET_OUTPUT_STOPPING':
      return { active: outputActive, state: 'stopping' };
    case 'OBS_WEBSOCKET_OUTPUT_STOPPED':
      return { active: outputActive, state: 'off' };
    default:
      return { active: outputActive, state: outputActive ? 'recording' : 'off' };
  }
}

/** GetStreamStatus {outputActive, outputReconnecting}. */
export function streamStateFromStatus(outputActive: boolean, outputReconnecting: boolean): OutputStatus<StreamState> {
  if (outputReconnecting) return { active: outputActive, state: 'reconnecting' };
  return { active: outputActive, state: outputActive ? 'live' : 'offline' };
}

/** GetRecordStatus {outputActive, outputPaused}. */
export function recordStateFromStatus(outputActive: boolean, outputPaused: boolean): OutputStatus<RecordState> {
  if (!outputActive) return { active: false, state: 'off' };
  return { active: true, state: outputPaused ? 'paused' : 'recording' };
}
