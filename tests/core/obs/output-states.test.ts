import { describe, expect, it } from 'vitest';
import {
  recordStateFromEvent,
  recordStateFromStatus,
  streamStateFromEvent,
  streamStateFromStatus,
} from '../../../src/core/obs/output-states';

describe('stream state', () => {
  it.each([
    ['OBS_WEBSOCKET_OUTPUT_STARTING', false, 'starting'],
    ['OBS_WEBSOCKET_OUTPUT_STARTED', true, 'live'],
    ['OBS_WEBSOCKET_OUTPUT_RECONNECTING', true, 'reconnecting'],
    ['OBS_WEBSOCKET_OUTPUT_RECONNECTED', true, 'live'],
    ['OBS_WEBSOCKET_OUTPUT_STOPPING', true, 'stopping'],
    ['OBS_WEBSOCKET_OUTPUT_STOPPED', false, 'offline'],
    ['OBS_WEBSOCKET_OUTPUT_SOMETHING_NEW', true, 'live'],
    ['OBS_WEBSOCKET_OUTPUT_SOMETHING_NEW', false, 'offline'],
  ] as const)('%s (active %s) is %s', (outputState, active, state) => {
    expect(streamStateFromEvent(active, outputState)).toEqual({ active, state });
  });

  it('from GetStreamStatus', () => {
    expect(streamStateFromStatus(false, false)).toEqual({ active: false, state: 'offline' });
    expect(streamStateFromStatus(true, false)).toEqual({ active: true, state: 'live' });
    expect(streamStateFromStatus(true, true)).toEqual({ active: true, state: 'reconnecting' });
  });
});

describe('record state', () => {
  it.each([
    ['OBS_WEBSOCKET_OUTPUT_STARTING', false, 'starting'],
    ['OBS_WEBSOCKET_OUTPUT_STARTED', true, 'recording'],
    ['OBS_WEBSOCKET_OUTPUT_PAUSED', true, 'paused'],
    ['OBS_WEBSOCKET_OUTPUT_RESUMED', true, 'recording'],
    ['OBS_WEBSOCKET_OUTPUT_STOPPING', true, 'stopping'],
    // OBS 32 (obs-websocket 5.7) says the recording is inactive while it stops.
    ['OBS_WEBSOCKET_OUTPUT_STOPPING', false, 'stopping'],
    ['OBS_WEBSOCKET_OUTPUT_STOPPED', false, 'off'],
    ['OBS_WEBSOCKET_OUTPUT_UNKNOWN', false, 'off'],
  ] as const)('%s (active %s) is %s', (outputState, active, state) => {
    expect(recordStateFromEvent(active, outputState)).toEqual({ active, state });
  });

  it('from GetRecordStatus', () => {
    expect(recordStateFromStatus(false, false)).toEqual({ active: false, state: 'off' });
    expect(recordStateFromStatus(true, false)).toEqual({ active: true, state: 'recording' });
    expect(recordStateFromStatus(true, true)).toEqual({ active: true, state: 'paused' });
  });
});
