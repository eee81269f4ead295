import { describe, expect, it } from 'vitest';
import { emptyObsState, type ObsState } from '../../src/shared/obs-state';
import { connectionView, offersReconnect } from '../../src/renderer/lib/connection-view';

const NOW = 1_000_000;

function obs(connection: Partial<ObsState['connection']>, versions: ObsState['versions'] = null): ObsState {
  const base = emptyObsState('ws://127.0.0.1:4455');
  return { ...base, versions, connection: { ...base.connection, ...connection } };
}

describe('connectionView', () => {
  it('shows the OBS version when connected', () => {
    const state = obs(
      { status: 'connected' },
      { obsVersion: '29.0.2', obsWebSocketVersion: '5.1.0', rpcVersion: 1, platform: 'linux' },
    );
    expect(connectionView(state, 'local', NOW)).toEqual({ kind: 'connected', version: '29.0.2' });
  });

  it('says "OBS is starting" while OBS answers "not ready" before the first load, "loading" once connected', () => {
    const versions = { obsVersion: '32.2.2', obsWebSocketVersion: '5.7.4', rpcVersion: 1, platform: 'linux' };
    expect(connectionView(obs({ status: 'connecting', obsLoading: true }), 'local', NOW)).toEqual({
      kind: 'obsStarting',
    });
    expect(connectionView(obs({ status: 'reconnecting', obsLoading: true }), 'local', NOW)).toEqual({
      kind: 'obsStarting',
    });
    expect(connectionView(obs({ status: 'connected', obsLoading: true }, versions), 'local', NOW)).toEqual({
      kind: 'obsLoading',
      version: '32.2.2',
    });
    expect(offersReconnect({ kind: 'obsStarting' })).toBe(false);
    expect(offersReconnect({ kind: 'obsLoading', version: '32.2.2' })).toBe(false);
  });

  it('counts down whole seconds to the next attempt, rounding up', () => {
    expect(connectionView(obs({ status: 'reconnecting', nextAttemptAt: NOW + 4200 }), 'local', NOW)).toEqual({
      kind: 'reconnectingIn',
      seconds: 5,
    });
  });

  it('says "reconnecting" once the attempt is due or has no time', () => {
    expect(connectionView(obs({ status: 'reconnecting', nextAttemptAt: NOW - 10 }), 'local', NOW).kind).toBe(
      'reconnecting',
    );
    expect(connectionView(obs({ status: 'reconnecting', nextAttemptAt: null }), 'local', NOW).kind).toBe(
      'reconnecting',
    );
  });

  it('puts the host link first: without it the OBS state is stale', () => {
    expect(connectionView(obs({ status: 'connected' }), 'lost', NOW).kind).toBe('hostLost');
    expect(connectionView(obs({ status: 'connected' }), 'connecting', NOW).kind).toBe('hostConnecting');
    expect(connectionView(obs({ status: 'connected' }), 'connected', NOW).kind).toBe('connected');
  });

  it('offers "Reconnect now" only when OBS is not connected and the host is there', () => {
    expect(offersReconnect({ kind: 'disconnected' })).toBe(true);
    expect(offersReconnect({ kind: 'reconnectingIn', seconds: 3 })).toBe(true);
    expect(offersReconnect({ kind: 'connected', version: '29' })).toBe(false);
    expect(offersReconnect({ kind: 'hostLost' })).toBe(false);
  });
});
