import { describe, expect, it } from 'vitest';
import { healthAlerts } from '../../../src/shared/live/health-alerts';
import type { LiveHealth } from '../../../src/shared/live/live-state';

const health = (over: Partial<LiveHealth> = {}): LiveHealth => ({
  at: 0,
  active: true,
  durationMs: 60_000,
  kbps: 2500,
  droppedPct: 0,
  droppedPctMinute: 0,
  skippedPct: 0,
  skippedPctMinute: 0,
  congestion: 0,
  reconnecting: false,
  ...over,
});
const obs = (
  status: 'connected' | 'reconnecting' | 'disconnected',
  state: 'live' | 'reconnecting' | 'offline' = 'live',
) => ({
  connection: { status, address: '', error: null, autoReconnect: true, nextAttemptAt: null },
  stream: { active: state !== 'offline', state },
});

describe('health alerts', () => {
  it('alerts on dropped frames over 2 % in the last minute, and on high congestion', () => {
    expect(healthAlerts(health({ droppedPctMinute: 2.5, droppedPct: 0.5 }), obs('connected'), true)).toEqual([
      'droppedFrames',
    ]);
    expect(healthAlerts(health({ droppedPctMinute: 1.9, droppedPct: 5 }), obs('connected'), true)).toEqual([]);
    expect(healthAlerts(health({ congestion: 0.9 }), obs('connected'), true)).toEqual(['congestion']);
  });

  it('alerts when the computer cannot keep up: over 2 % of frames skipped by the encoder in the last minute', () => {
    expect(healthAlerts(health({ skippedPctMinute: 3, skippedPct: 0.4 }), obs('connected'), true)).toEqual([
      'encoderOverloaded',
    ]);
    expect(healthAlerts(health({ skippedPctMinute: 1.5, skippedPct: 6 }), obs('connected'), true)).toEqual([]);
  });

  it("says OBS's stream is reconnecting, and that a lost link to OBS may leave the stream running", () => {
    expect(healthAlerts(health(), obs('connected', 'reconnecting'), true)).toEqual(['streamReconnecting']);
    expect(healthAlerts(health(), obs('reconnecting', 'offline'), true)).toEqual(['obsReconnecting']);
    expect(healthAlerts(null, obs('disconnected', 'offline'), true)).toEqual(['obsDisconnected']);
    expect(healthAlerts(null, obs('disconnected', 'offline'), false)).toEqual([]);
  });
});
