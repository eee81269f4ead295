import { describe, expect, it } from 'vitest';
import { initialMachine, transition, type MachineState } from '../../../src/core/golive/golive-machine';
import type { Broadcast } from '../../../src/shared/golive/golive-state';
import { emptyObsState, type ObsState, type StreamState } from '../../../src/shared/obs-state';

const obs = (
  stream: StreamState,
  record: 'off' | 'recording' = 'off',
  status: 'connected' | 'reconnecting' = 'connected',
): ObsState => ({
  ...emptyObsState('ws://x'),
  connection: { status, address: 'ws://x', error: null, autoReconnect: true, nextAttemptAt: null },
  stream: { active: stream === 'live' || stream === 'reconnecting' || stream === 'stopping', state: stream },
  record: { active: record === 'recording', state: record },
});

const broadcast = (change: Partial<Broadcast> = {}): Broadcast => ({
  id: 'b1',
  origin: 'app',
  destinationId: 'd1',
  destinationName: 'Stadsbiblioteket – Facebook',
  platform: 'facebook',
  programType: 'storytime',
  rehearsal: false,
  streaming: true,
  recording: false,
  requestedAt: 1000,
  liveAt: null,
  endedAt: null,
  endedBy: null,
  overrideReason: null,
  overridden: [],
  logEntryId: null,
  ...change,
});

const run = (m: MachineState, ...states: ObsState[]): MachineState =>
  states.reduce((acc, s, i) => transition(acc, { type: 'obs', obs: s, at: 2000 + i }), m);

describe('go-live state machine', () => {
  const starting = transition(initialMachine(), { type: 'startRequested', broadcast: broadcast() });

  it('goes live only when OBS reports OUTPUT_STARTED', () => {
    expect(starting.view.phase).toBe('starting');
    const m = run(starting, obs('offline'), obs('starting'));
    expect(m.view.phase).toBe('starting');
    const live = run(m, obs('live'));
    expect(live.view.phase).toBe('live');
    expect(live.view.broadcast?.liveAt).toBe(2000);
  });

  it('fails the start when OBS goes starting → stopped (wrong key, unreachable server)', () => {
    const m = run(starting, obs('starting'), obs('offline'));
    expect(m.view.phase).toBe('failed');
    expect(m.view.error).toEqual({
      code: 'GOLIVE_START_FAILED',
      params: { destination: 'Stadsbiblioteket – Facebook' },
    });
  });

  it('waits out an offline mirror before OBS has said anything', () => {
    expect(run(starting, obs('offline')).view.phase).toBe('starting');
  });

  it('fails on a request failure or the deadline, but only while starting', () => {
    expect(transition(starting, { type: 'startDeadline', error: { code: 'GOLIVE_START_TIMEOUT' } }).view.phase).toBe(
      'failed',
    );
    const live = run(starting, obs('starting'), obs('live'));
    expect(transition(live, { type: 'startDeadline', error: { code: 'GOLIVE_START_TIMEOUT' } }).view.phase).toBe(
      'live',
    );
  });

  it('ends on OUTPUT_STOPPED after End, with the after-broadcast list', () => {
    const live = run(starting, obs('starting'), obs('live'));
    const ending = transition(live, { type: 'endRequested' });
    expect(ending.view.phase).toBe('ending');
    expect(run(ending, obs('stopping')).view.phase).toBe('ending');
    const ended = run(ending, obs('stopping'), obs('offline'));
    expect(ended.view.phase).toBe('ended');
    expect(ended.view.broadcast?.endedBy).toBe('app');
    expect(ended.view.after.map((a) => a.kind)).toEqual([
      'checkOffline',
      'deleteRecording',
      'publisherReports',
      'captions',
    ]);
  });

  it("goes back to live when the stop is not confirmed in time, and counts a late stop as the app's", () => {
    const live = run(starting, obs('starting'), obs('live'));
    const error = { code: 'GOLIVE_STOP_UNCONFIRMED' as const, params: {} };
    const waiting = transition(transition(live, { type: 'endRequested' }), { type: 'stopUnconfirmed', error });
    expect(waiting.view).toMatchObject({ phase: 'live', error });
    expect(waiting.stopAsked).toBe(true);
    const ended = run(waiting, obs('offline'));
    expect(ended.view.phase).toBe('ended');
    expect(ended.view.broadcast?.endedBy).toBe('app');
    // Only while ending: a late "unconfirmed" after the end changes nothing.
    expect(transition(ended, { type: 'stopUnconfirmed', error })).toBe(ended);
  });

  it('notices a stream stopped in OBS directly', () => {
    const live = run(starting, obs('starting'), obs('live'));
    const ended = run(live, obs('offline'));
    expect(ended.view.phase).toBe('ended');
    expect(ended.view.broadcast?.endedBy).toBe('obs');
  });

  it('notices a stream started in OBS directly', () => {
    const m = run(initialMachine(), obs('starting'), obs('live'));
    expect(m.view.phase).toBe('live');
    expect(m.view.broadcast).toMatchObject({ origin: 'obs', destinationName: null });
  });

  it('does not end a broadcast because the link to OBS dropped', () => {
    const live = run(starting, obs('starting'), obs('live'));
    expect(run(live, obs('offline', 'off', 'reconnecting')).view.phase).toBe('live');
  });

  it('drives a record-only rehearsal by the recording', () => {
    const rec = transition(initialMachine(), {
      type: 'startRequested',
      broadcast: broadcast({
        streaming: false,
        recording: true,
        rehearsal: true,
        destinationId: null,
        destinationName: null,
        platform: null,
      }),
    });
    const live = run(rec, obs('offline', 'recording'));
    expect(live.view.phase).toBe('live');
    const ended = run(transition(live, { type: 'endRequested' }), obs('offline', 'off'));
    expect(ended.view.phase).toBe('ended');
    // A rehearsal leaves no publisher reports or captions to do.
    expect(ended.view.after.map((a) => a.kind)).toEqual(['deleteRecording']);
  });

  it('updates the after-broadcast list from the plan and returns to idle on dismiss', () => {
    const live = run(starting, obs('starting'), obs('live'));
    const ended = run(transition(live, { type: 'endRequested' }), obs('offline'));
    const planned = transition(ended, { type: 'afterPlan', plan: { keepOnline: false, deleteBy: '2026-12-24' } });
    expect(planned.view.after).toEqual([
      { kind: 'checkOffline', dueDate: null },
      { kind: 'deleteRecording', dueDate: '2026-12-24' },
      { kind: 'publisherReports', dueDate: null },
    ]);
    expect(transition(planned, { type: 'dismiss' }).view.phase).toBe('idle');
  });

  it("links the stream's log entry: the first one opened while it runs, kept after it ended", () => {
    const linked = transition(run(starting, obs('starting')), { type: 'logEntry', id: 'e1' });
    expect(linked.view.broadcast?.logEntryId).toBe('e1');
    // A later entry (another stream noticed meanwhile) does not take its place.
    const live = transition(run(linked, obs('live')), { type: 'logEntry', id: 'e2' });
    expect(live.view.broadcast?.logEntryId).toBe('e1');
    const ended = run(transition(live, { type: 'endRequested' }), obs('offline'));
    expect(ended.view.broadcast?.logEntryId).toBe('e1');
    // Once ended, no entry is this broadcast's any more.
    const late = transition(run(starting, obs('starting'), obs('live'), obs('offline')), {
      type: 'logEntry',
      id: 'e3',
    });
    expect(late.view.broadcast?.logEntryId).toBeNull();
  });

  it('gives a record-only rehearsal no log entry', () => {
    const rec = transition(initialMachine(), {
      type: 'startRequested',
      broadcast: broadcast({ streaming: false, recording: true, destinationId: null }),
    });
    expect(transition(rec, { type: 'logEntry', id: 'e1' }).view.broadcast?.logEntryId).toBeNull();
  });
});
