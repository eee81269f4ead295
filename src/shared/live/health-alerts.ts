import type { ObsState } from '../obs-state';
import type { LiveHealth } from './live-state';

export type HealthAlert =
  'droppedFrames' | 'encoderOverloaded' | 'congestion' | 'streamReconnecting' | 'obsReconnecting' | 'obsDisconnected';

export const DROPPED_ALERT_PCT = 2;
export const CONGESTION_ALERT = 0.8;
/** OBS's own "encoding overloaded" warning comes at a few percent of skipped frames. */
export const SKIPPED_ALERT_PCT = 2;

/**
 * What to warn about while live. A lost link to OBS does not stop the stream in OBS: the
 * alert says so. `wasLive` is the app's last knowledge (the mirror empties on a lost link).
 */
export function healthAlerts(
  health: LiveHealth | null,
  obs: Pick<ObsState, 'connection' | 'stream'>,
  wasLive: boolean,
): HealthAlert[] {
  const alerts: HealthAlert[] = [];
  if (obs.connection.status !== 'connected') {
    if (wasLive) alerts.push(obs.connection.status === 'reconnecting' ? 'obsReconnecting' : 'obsDisconnected');
    return alerts;
  }
  if (obs.stream.state === 'reconnecting' || health?.reconnecting) alerts.push('streamReconnecting');
  if (!health || !health.active) return alerts;
  if (health.droppedPctMinute > DROPPED_ALERT_PCT) alerts.push('droppedFrames');
  if (health.skippedPctMinute > SKIPPED_ALERT_PCT) alerts.push('encoderOverloaded');
  if (health.congestion >= CONGESTION_ALERT) alerts.push('congestion');
  return alerts;
}
