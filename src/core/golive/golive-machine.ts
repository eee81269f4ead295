import { afterBroadcastItems, defaultAfterPlan } from '../../shared/golive/after-broadcast';
import type { AppError } from '../../shared/errors';
import type { AfterPlan, Broadcast, GoLiveState } from '../../shared/golive/golive-state';
import type { ObsState } from '../../shared/obs-state';

/**
 * The go-live state machine as a pure function: (state, event) → state. Phases move on what
 * OBS reports (the mirror's stream and record state) and on deadlines, never on a click; the
 * requests the service sends only move idle → starting and live → ending.
 */
export interface MachineState {
  view: GoLiveState;
  /** The output (stream, or recording for a record-only rehearsal) was seen starting in this attempt. */
  sawOutput: boolean;
  /**
   * The app asked OBS to stop this broadcast and OBS may still act on it (its stop was not
   * confirmed in time): when the output then goes off, the app ended it, not OBS.
   */
  stopAsked: boolean;
}

export type MachineEvent =
  | { type: 'startRequested'; broadcast: Broadcast }
  | { type: 'requestFailed'; error: AppError }
  | { type: 'obs'; obs: ObsState; at: number }
  | { type: 'startDeadline'; error: AppError }
  | { type: 'endRequested' }
  /** The stop request failed: OBS did not take it. */
  | { type: 'endFailed'; error: AppError }
  /** OBS did not confirm the stop in time (no answer, or no OUTPUT_STOPPED): it may still come. */
  | { type: 'stopUnconfirmed'; error: AppError }
  | { type: 'afterPlan'; plan: AfterPlan }
  /** The broadcast log opened its entry for the stream OBS started. */
  | { type: 'logEntry'; id: string }
  | { type: 'dismiss' };

export const initialMachine = (): MachineState => ({
  view: { phase: 'idle', broadcast: null, error: null, afterPlan: null, after: [] },
  sawOutput: false,
  stopAsked: false,
});

/** The output that makes this broadcast live: the stream, or the recording for a record-only rehearsal. */
function outputOf(broadcast: Broadcast | null, obs: ObsState): { active: boolean; live: boolean; off: boolean } {
  if (broadcast && !broadcast.streaming) {
    return { active: obs.record.active, live: obs.record.state === 'recording', off: obs.record.state === 'off' };
  }
  return { active: obs.stream.active, live: obs.stream.state === 'live', off: obs.stream.state === 'offline' };
}

function ended(m: MachineState, at: number, endedBy: 'app' | 'obs'): MachineState {
  const broadcast: Broadcast = { ...m.view.broadcast!, endedAt: at, endedBy };
  const plan = defaultAfterPlan(broadcast);
  return {
    sawOutput: false,
    stopAsked: false,
    view: { phase: 'ended', broadcast, error: null, afterPlan: plan, after: afterBroadcastItems(broadcast, plan) },
  };
}

/** A stream OBS started by itself (OBS's own button, another remote): shown and ended like ours. */
function noticedInObs(obs: ObsState, at: number): MachineState {
  const broadcast: Broadcast = {
    id: `obs-${at}`,
    origin: 'obs',
    destinationId: null,
    destinationName: null,
    platform: null,
    programType: null,
    rehearsal: false,
    streaming: true,
    recording: obs.record.active,
    requestedAt: at,
    liveAt: at,
    endedAt: null,
    endedBy: null,
    overrideReason: null,
    overridden: [],
    logEntryId: null,
  };
  return {
    sawOutput: true,
    stopAsked: false,
    view: { phase: 'live', broadcast, error: null, afterPlan: null, after: [] },
  };
}

export function transition(m: MachineState, event: MachineEvent): MachineState {
  const { view } = m;
  switch (event.type) {
    case 'startRequested':
      return {
        sawOutput: false,
        stopAsked: false,
        view: { phase: 'starting', broadcast: event.broadcast, error: null, afterPlan: null, after: [] },
      };
    case 'requestFailed':
      if (view.phase !== 'starting') return m;
      return { ...m, sawOutput: false, view: { ...view, phase: 'failed', error: event.error } };
    case 'startDeadline':
      if (view.phase !== 'starting') return m;
      return { ...m, sawOutput: false, view: { ...view, phase: 'failed', error: event.error } };
    case 'endRequested':
      if (view.phase !== 'live') return m;
      return { ...m, stopAsked: true, view: { ...view, phase: 'ending', error: null } };
    case 'endFailed':
      if (view.phase !== 'ending') return m;
      return { ...m, stopAsked: false, view: { ...view, phase: 'live', error: event.error } };
    case 'stopUnconfirmed':
      // Still running as far as anyone knows: live again, so End can be pressed again, with the
      // error saying why. The stop may yet come (see stopAsked).
      if (view.phase !== 'ending') return m;
      return { ...m, view: { ...view, phase: 'live', error: event.error } };
    case 'afterPlan': {
      if (view.phase !== 'ended' || !view.broadcast) return m;
      return { ...m, view: { ...view, afterPlan: event.plan, after: afterBroadcastItems(view.broadcast, event.plan) } };
    }
    case 'logEntry': {
      const broadcast = view.broadcast;
      // The first entry opened while this stream runs is its own; a later one is another stream's.
      if (!broadcast?.streaming || broadcast.logEntryId !== null) return m;
      if (view.phase !== 'starting' && view.phase !== 'live' && view.phase !== 'ending') return m;
      return { ...m, view: { ...view, broadcast: { ...broadcast, logEntryId: event.id } } };
    }
    case 'dismiss':
      if (view.phase !== 'ended' && view.phase !== 'failed') return m;
      return initialMachine();
    case 'obs':
      return onObs(m, event.obs, event.at);
  }
}

function onObs(m: MachineState, obs: ObsState, at: number): MachineState {
  // A lost link empties the mirror: that says nothing about the stream, which may go on. Wait.
  if (obs.connection.status !== 'connected') return m;
  const { view } = m;
  const out = outputOf(view.broadcast, obs);
  switch (view.phase) {
    case 'idle':
    case 'ended':
    case 'failed':
      return obs.stream.state === 'live' ? noticedInObs(obs, at) : m;
    case 'starting': {
      if (out.live)
        return {
          ...m,
          sawOutput: true,
          view: { ...view, phase: 'live', broadcast: { ...view.broadcast!, liveAt: at } },
        };
      if (!out.off) return { ...m, sawOutput: true };
      // OBS went starting → stopped: the output failed (wrong key, server unreachable).
      if (m.sawOutput) {
        const code = view.broadcast?.streaming === false ? 'GOLIVE_RECORD_FAILED' : 'GOLIVE_START_FAILED';
        const name = view.broadcast?.destinationName;
        return {
          ...m,
          sawOutput: false,
          view: { ...view, phase: 'failed', error: name ? { code, params: { destination: name } } : { code } },
        };
      }
      return m;
    }
    case 'live':
      // After an unconfirmed stop, the output going off is that stop arriving late.
      return out.off ? ended(m, at, m.stopAsked ? 'app' : 'obs') : m;
    case 'ending':
      return out.off ? ended(m, at, 'app') : m;
  }
}
