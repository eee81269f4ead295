import type { ObsState } from '../../shared/obs-state';
import type { HostConnection } from '../stores/app-store';

/** What the status bar says about the link to OBS (and to the host, which comes first). */
export type ConnectionView =
  | { kind: 'hostConnecting' }
  | { kind: 'hostLost' }
  | { kind: 'connected'; version: string }
  /** Connected, but OBS has said "not ready" for a while (switching scene collections). */
  | { kind: 'obsLoading'; version: string }
  /** Connected to OBS's socket while OBS itself is still starting up. */
  | { kind: 'obsStarting' }
  | { kind: 'connecting' }
  | { kind: 'reconnectingIn'; seconds: number }
  | { kind: 'reconnecting' }
  | { kind: 'disconnected' };

export function connectionView(
  obs: Pick<ObsState, 'connection' | 'versions'>,
  host: HostConnection,
  now: number,
): ConnectionView {
  // Without the host, the OBS state in the store is stale: say nothing about OBS.
  if (host === 'connecting') return { kind: 'hostConnecting' };
  if (host === 'lost') return { kind: 'hostLost' };
  const { status, nextAttemptAt, obsLoading } = obs.connection;
  const version = obs.versions?.obsVersion ?? '';
  if (obsLoading) return status === 'connected' ? { kind: 'obsLoading', version } : { kind: 'obsStarting' };
  switch (status) {
    case 'connected':
      return { kind: 'connected', version };
    case 'connecting':
      return { kind: 'connecting' };
    case 'reconnecting': {
      const seconds = nextAttemptAt === null ? 0 : Math.ceil((nextAttemptAt - now) / 1000);
      // Once the time has come the attempt is under way; no "in 0 seconds".
      return seconds > 0 ? { kind: 'reconnectingIn', seconds } : { kind: 'reconnecting' };
    }
    case 'disconnected':
      return { kind: 'disconnected' };
  }
}

/**
 * "Reconnect now" makes sense whenever the core is reachable and OBS is not connected; not while
 * OBS is starting: the link is there and waits for OBS, a new one would only wait again.
 */
export const offersReconnect = (view: ConnectionView): boolean =>
  view.kind === 'disconnected' ||
  view.kind === 'reconnecting' ||
  view.kind === 'reconnectingIn' ||
  view.kind === 'connecting';

/** True while a countdown is shown, so the clock needs to tick. */
export const needsClock = (obs: Pick<ObsState, 'connection'>): boolean =>
  obs.connection.status === 'reconnecting' && obs.connection.nextAttemptAt !== null;
