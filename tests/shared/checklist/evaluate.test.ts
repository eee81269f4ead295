import { describe, expect, it } from 'vitest';
import type { Session, Template } from '../../../src/shared/checklist/checklist-schema';
import { defaultTemplates } from '../../../src/shared/checklist/default-templates';
import { evaluateChecklist, type ChecklistFacts } from '../../../src/shared/checklist/evaluate';
import type { Destination } from '../../../src/shared/destinations/destination-schema';
import { emptyObsState, type ObsState } from '../../../src/shared/obs-state';

const connected = (change: Partial<ObsState> = {}): ObsState => ({
  ...emptyObsState('ws://127.0.0.1:4455'),
  connection: { status: 'connected', address: 'ws://127.0.0.1:4455', error: null, autoReconnect: true, nextAttemptAt: null },
  scenes: [{ name: 'Startar snart' }, { name: 'Sagostund' }],
  programScene: 'Startar snart',
  inputs: [
    { name: 'Desktop Audio', kind: 'pulse_output_capture', muted: false },
    { name: 'Mic', kind: 'pulse_input_capture', muted: false },
  ],
  ...change,
});

const fb: Destination = { id: 'd1', name: 'Stadsbiblioteket – Facebook', platform: 'facebook', server: 'rtmps://rtmp-api.facebook.com:443/rtmp/', backupServer: null, hasKey: true, isTest: false };

const session = (change: Partial<Session> = {}): Session => ({
  programType: 'storytime',
  destinationId: 'd1',
  record: false,
  rehearsal: false,
  ticks: {},
  ...change,
});

const facts = (change: Partial<ChecklistFacts> = {}): ChecklistFacts => ({
  obs: connected(),
  destination: fb,
  output: { width: 1280, height: 720, fps: 30, mode: 'Simple', videoKbps: 2500, audioKbps: 128, keyframeSec: 2, availableDiskMb: 80_000 },
  readError: null,
  ...change,
});

const allTicked = (t: Template): Session['ticks'] => Object.fromEntries(t.manualItems.map((m) => [m.id, { done: true, note: '' }]));
const check = (status: ReturnType<typeof evaluateChecklist>, id: string) => status.auto.find((a) => a.id === id)!;

describe('evaluateChecklist', () => {
  const t = defaultTemplates.storytime;

  it('is ready when every required item passes', () => {
    const status = evaluateChecklist(t, session({ ticks: allTicked(t) }), facts());
    expect(status.blocking).toEqual([]);
    expect(status.ready).toBe(true);
  });

  it('blocks on unticked required manual items, not on recommended ones', () => {
    const status = evaluateChecklist(t, session(), facts());
    const required = t.manualItems.filter((m) => m.required).map((m) => m.id);
    expect(status.blocking).toEqual(required);
    expect(status.blocking).not.toContain('phones');
  });

  it('fails the mic check when the mic is muted, with the unmute fix', () => {
    const obs = connected({ inputs: [{ name: 'Mic', kind: 'pulse_input_capture', muted: true }] });
    const mic = check(evaluateChecklist(t, session({ ticks: allTicked(t) }), facts({ obs })), 'micReady');
    expect(mic).toMatchObject({ status: 'fail', reason: 'muted', fix: 'unmuteMic', params: { input: 'Mic' } });
  });

  it('takes a media source for the mic when there is no capture device, never desktop audio', () => {
    const obs = connected({ inputs: [{ name: 'Desktop Audio', kind: 'pulse_output_capture', muted: false }, { name: 'Tone', kind: 'ffmpeg_source', muted: false }] });
    expect(check(evaluateChecklist(t, session(), facts({ obs })), 'micReady')).toMatchObject({ status: 'pass', params: { input: 'Tone' } });
    const onlyDesktop = connected({ inputs: [{ name: 'Desktop Audio', kind: 'pulse_output_capture', muted: false }] });
    expect(check(evaluateChecklist(t, session(), facts({ obs: onlyDesktop })), 'micReady').reason).toBe('noMic');
  });

  it('needs a destination with a key, except for a record-only rehearsal', () => {
    expect(check(evaluateChecklist(t, session(), facts({ destination: { ...fb, hasKey: false } })), 'destinationReady').reason).toBe('noKey');
    expect(check(evaluateChecklist(t, session({ destinationId: null }), facts({ destination: null })), 'destinationReady').status).toBe('fail');
    expect(check(evaluateChecklist(t, session({ destinationId: null, rehearsal: true }), facts({ destination: null })), 'destinationReady').status).toBe('skipped');
  });

  it("compares OBS's output with the platform's limits", () => {
    const over = facts({ output: { ...facts().output!, videoKbps: 6000 } });
    expect(check(evaluateChecklist(t, session(), over), 'outputWithinLimits')).toMatchObject({ status: 'fail', reason: 'videoBitrateTooHigh', fix: 'applyPlatformBitrate', params: { max: 4000 } });
    const audio = facts({ output: { ...facts().output!, audioKbps: 160 } });
    expect(check(evaluateChecklist(t, session(), audio), 'outputWithinLimits')).toMatchObject({ reason: 'audioBitrateTooHigh', params: { max: 128 } });
    const tall = facts({ output: { ...facts().output!, width: 3840, height: 2160 } });
    expect(check(evaluateChecklist(t, session(), tall), 'outputWithinLimits').reason).toBe('resolutionTooHigh');
  });

  it('says "check yourself" in Advanced output mode rather than guessing', () => {
    const adv = facts({ output: { ...facts().output!, mode: 'Advanced', videoKbps: null, audioKbps: null, keyframeSec: null } });
    const result = check(evaluateChecklist(t, session({ ticks: allTicked(t) }), adv), 'outputWithinLimits');
    expect(result).toMatchObject({ status: 'unknown', reason: 'advancedMode' });
  });

  it('asks for recording and disk space when the template records', () => {
    const rec: Template = { ...t, record: true };
    expect(check(evaluateChecklist(rec, session(), facts()), 'recordingPlanned')).toMatchObject({ status: 'fail', fix: 'enableRecording' });
    expect(check(evaluateChecklist(rec, session({ record: true }), facts()), 'recordingPlanned').status).toBe('pass');
    const low = facts({ output: { ...facts().output!, availableDiskMb: 1024 } });
    expect(check(evaluateChecklist(rec, session({ record: true }), low), 'diskSpace')).toMatchObject({ status: 'fail', reason: 'low' });
  });

  it('checks the "Starting soon" scene when the template names one', () => {
    const withScene: Template = { ...t, startingScene: 'Startar snart' };
    expect(check(evaluateChecklist(withScene, session(), facts()), 'startingSceneLive').status).toBe('pass');
    const other = facts({ obs: connected({ programScene: 'Sagostund' }) });
    expect(check(evaluateChecklist(withScene, session(), other), 'startingSceneLive')).toMatchObject({ status: 'fail', fix: 'switchToStartingScene' });
  });

  it('fails OBS connected and "not already streaming" when they do not hold', () => {
    const down = evaluateChecklist(t, session(), facts({ obs: emptyObsState('ws://x') }));
    expect(check(down, 'obsConnected')).toMatchObject({ status: 'fail', fix: 'reconnectObs' });
    expect(check(down, 'micReady').status).toBe('unknown');
    const streaming = facts({ obs: connected({ stream: { active: true, state: 'live' } }) });
    expect(check(evaluateChecklist(t, session(), streaming), 'notAlreadyStreaming').status).toBe('fail');
  });
});
