import { describe, expect, it } from 'vitest';
import type { Session, Template } from '../../../src/shared/checklist/checklist-schema';
import { defaultTemplates } from '../../../src/shared/checklist/default-templates';
import {
  evaluateChecklist,
  micSignalState,
  sceneRoles,
  type ChecklistFacts,
  type MicSignal,
  type PresetFacts,
} from '../../../src/shared/checklist/evaluate';
import type { Destination } from '../../../src/shared/destinations/destination-schema';
import { emptyObsState, type ObsState } from '../../../src/shared/obs-state';

const connected = (change: Partial<ObsState> = {}): ObsState => ({
  ...emptyObsState('ws://127.0.0.1:4455'),
  connection: {
    status: 'connected',
    address: 'ws://127.0.0.1:4455',
    error: null,
    autoReconnect: true,
    nextAttemptAt: null,
  },
  scenes: [{ name: 'Startar snart' }, { name: 'Sagostund' }],
  programScene: 'Startar snart',
  inputs: [
    { name: 'Desktop Audio', kind: 'pulse_output_capture', muted: false },
    { name: 'Mic', kind: 'pulse_input_capture', muted: false },
  ],
  ...change,
});

const fb: Destination = {
  id: 'd1',
  name: 'Stadsbiblioteket – Facebook',
  platform: 'facebook',
  server: 'rtmps://rtmp-api.facebook.com:443/rtmp/',
  backupServer: null,
  hasKey: true,
  isTest: false,
};

const session = (change: Partial<Session> = {}): Session => ({
  programType: 'storytime',
  presetId: null,
  destinationId: 'd1',
  record: false,
  rehearsal: false,
  ticks: {},
  ...change,
});

const NOW = 1_700_000_000_000;
/** Heard a moment ago, metered for a while. */
const heard: MicSignal = { heardAt: NOW - 500, meteredSince: NOW - 30_000, meteredAt: NOW - 100 };

const facts = (change: Partial<ChecklistFacts> = {}): ChecklistFacts => ({
  obs: connected(),
  destination: fb,
  output: {
    width: 1280,
    height: 720,
    fps: 30,
    mode: 'Simple',
    videoKbps: 2500,
    audioKbps: 128,
    keyframeSec: 0,
    serviceSettingsApplied: true,
    availableDiskMb: 80_000,
  },
  readError: null,
  micSignal: { Mic: heard, Tone: heard },
  now: NOW,
  ...change,
});

const sagostund: PresetFacts = {
  id: 'builtin-story-time',
  name: 'Sagostund',
  scenes: [
    { label: 'Startar snart', obsName: 'Sagostund – Startar snart' },
    { label: 'Läsare', obsName: 'Sagostund – Läsare' },
    { label: 'Tack', obsName: 'Sagostund – Tack' },
  ],
  mics: ['Sagostund – Mikrofon'],
  cameras: ['Sagostund – Läsarkamera'],
  startingScene: 'Sagostund – Startar snart',
  closingScene: 'Sagostund – Tack',
  micScene: 'Sagostund – Läsare',
  mutations: 0,
};
const presetObs = (change: Partial<ObsState> = {}) =>
  connected({
    scenes: sagostund.scenes.map((s) => ({ name: s.obsName! })),
    programScene: 'Sagostund – Startar snart',
    inputs: [
      { name: 'Mic', kind: 'pulse_input_capture', muted: false },
      { name: 'Sagostund – Mikrofon', kind: 'pulse_input_capture', muted: false },
      { name: 'Sagostund – Läsarkamera', kind: 'v4l2_input', muted: null },
      { name: 'Other camera', kind: 'v4l2_input', muted: null },
    ],
    ...change,
  });
const withPreset = (
  change: Partial<PresetFacts> = {},
  obs = presetObs(),
  more: Partial<ChecklistFacts> = {},
): ChecklistFacts =>
  facts({
    obs,
    preset: { found: true, ...sagostund, ...change },
    micSignal: { 'Sagostund – Mikrofon': heard },
    cameraPicture: { 'Sagostund – Läsarkamera': true },
    ...more,
  });

const allTicked = (t: Template): Session['ticks'] =>
  Object.fromEntries(t.manualItems.map((m) => [m.id, { done: true, note: '' }]));
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
    const obs = connected({
      inputs: [
        { name: 'Desktop Audio', kind: 'pulse_output_capture', muted: false },
        { name: 'Tone', kind: 'ffmpeg_source', muted: false },
      ],
    });
    expect(check(evaluateChecklist(t, session(), facts({ obs })), 'micReady')).toMatchObject({
      status: 'pass',
      params: { input: 'Tone' },
    });
    const onlyDesktop = connected({ inputs: [{ name: 'Desktop Audio', kind: 'pulse_output_capture', muted: false }] });
    expect(check(evaluateChecklist(t, session(), facts({ obs: onlyDesktop })), 'micReady').reason).toBe('noMic');
  });

  it('needs a destination with a key, except for a record-only rehearsal', () => {
    expect(
      check(evaluateChecklist(t, session(), facts({ destination: { ...fb, hasKey: false } })), 'destinationReady')
        .reason,
    ).toBe('noKey');
    expect(
      check(evaluateChecklist(t, session({ destinationId: null }), facts({ destination: null })), 'destinationReady')
        .status,
    ).toBe('fail');
    expect(
      check(
        evaluateChecklist(t, session({ destinationId: null, rehearsal: true }), facts({ destination: null })),
        'destinationReady',
      ).status,
    ).toBe('skipped');
  });

  it("compares OBS's output with the platform's limits", () => {
    const over = facts({ output: { ...facts().output!, videoKbps: 6000 } });
    expect(check(evaluateChecklist(t, session(), over), 'outputWithinLimits')).toMatchObject({
      status: 'fail',
      reason: 'videoBitrateTooHigh',
      fix: 'applyPlatformBitrate',
      params: { max: 4000 },
    });
    const audio = facts({ output: { ...facts().output!, audioKbps: 160 } });
    expect(check(evaluateChecklist(t, session(), audio), 'outputWithinLimits')).toMatchObject({
      reason: 'audioBitrateTooHigh',
      params: { max: 128 },
    });
    const tall = facts({ output: { ...facts().output!, width: 3840, height: 2160 } });
    expect(check(evaluateChecklist(t, session(), tall), 'outputWithinLimits')).toMatchObject({
      reason: 'resolutionTooHigh',
      fix: 'applyPlatformResolution',
    });
  });

  it("leaves the keyframe interval to OBS's service entry for Facebook and YouTube, and says so for a custom server", () => {
    // Simple mode has no keyframe setting ("auto"); through "Facebook Live" OBS applies 2 s.
    expect(check(evaluateChecklist(t, session(), facts()), 'outputWithinLimits').status).toBe('pass');
    const otherServer = facts({ destination: { ...fb, server: 'rtmps://live-api-s.facebook.com:443/rtmp/' } });
    expect(check(evaluateChecklist(t, session(), otherServer), 'outputWithinLimits')).toMatchObject({
      status: 'fail',
      reason: 'keyframe',
      params: { seconds: 0, wanted: 2 },
    });
    const custom = facts({ destination: { ...fb, platform: 'custom', server: 'rtmp://ingest.example/live' } });
    expect(check(evaluateChecklist(t, session(), custom), 'outputWithinLimits')).toMatchObject({
      status: 'unknown',
      reason: 'keyframeAuto',
    });
    const notEnforced = facts({
      output: { ...facts().output!, mode: 'Advanced', keyframeSec: 4, serviceSettingsApplied: false },
    });
    expect(check(evaluateChecklist(t, session(), notEnforced), 'outputWithinLimits')).toMatchObject({
      status: 'fail',
      reason: 'keyframe',
      params: { seconds: 4 },
    });
  });

  it('says "check yourself" in Advanced output mode rather than guessing', () => {
    const adv = facts({
      output: { ...facts().output!, mode: 'Advanced', videoKbps: null, audioKbps: null, keyframeSec: null },
    });
    const result = check(evaluateChecklist(t, session({ ticks: allTicked(t) }), adv), 'outputWithinLimits');
    expect(result).toMatchObject({ status: 'unknown', reason: 'advancedMode' });
  });

  it('asks for recording and disk space when the template records', () => {
    const rec: Template = { ...t, record: true };
    expect(check(evaluateChecklist(rec, session(), facts()), 'recordingPlanned')).toMatchObject({
      status: 'fail',
      fix: 'enableRecording',
    });
    expect(check(evaluateChecklist(rec, session({ record: true }), facts()), 'recordingPlanned').status).toBe('pass');
    const low = facts({ output: { ...facts().output!, availableDiskMb: 1024 } });
    expect(check(evaluateChecklist(rec, session({ record: true }), low), 'diskSpace')).toMatchObject({
      status: 'fail',
      reason: 'low',
    });
    // A missing folder is named first: OBS then says 0 MB free, which is not what to fix.
    const missing = facts({
      output: { ...facts().output!, availableDiskMb: 0, recordFolder: { path: '/home/bib/Videos', status: 'missing' } },
    });
    expect(check(evaluateChecklist(rec, session({ record: true }), missing), 'diskSpace')).toMatchObject({
      status: 'fail',
      reason: 'folderMissing',
      params: { folder: '/home/bib/Videos' },
    });
  });

  it('checks the "Starting soon" scene when the template names one', () => {
    const withScene: Template = { ...t, startingScene: 'Startar snart' };
    expect(check(evaluateChecklist(withScene, session(), facts()), 'startingSceneLive').status).toBe('pass');
    const other = facts({ obs: connected({ programScene: 'Sagostund' }) });
    expect(check(evaluateChecklist(withScene, session(), other), 'startingSceneLive')).toMatchObject({
      status: 'fail',
      fix: 'switchToStartingScene',
    });
  });

  it('fails OBS connected and "not already streaming" when they do not hold', () => {
    const down = evaluateChecklist(t, session(), facts({ obs: emptyObsState('ws://x') }));
    expect(check(down, 'obsConnected')).toMatchObject({ status: 'fail', fix: 'reconnectObs' });
    expect(check(down, 'micReady').status).toBe('unknown');
    const streaming = facts({ obs: connected({ stream: { active: true, state: 'live' } }) });
    expect(check(evaluateChecklist(t, session(), streaming), 'notAlreadyStreaming').status).toBe('fail');
  });

  describe('linked to the preset', () => {
    const s = () => session({ presetId: 'builtin-story-time', ticks: allTicked(t) });

    it('passes when every scene is in OBS and a re-apply would change nothing', () => {
      const status = evaluateChecklist(t, s(), withPreset());
      expect(check(status, 'presetScenes')).toMatchObject({ status: 'pass', params: { name: 'Sagostund' } });
      expect(status.preset).toEqual({ id: 'builtin-story-time', name: 'Sagostund' });
      expect(status.ready).toBe(true);
    });

    it('fails with the apply fix when scenes are missing or OBS differs, and blocks', () => {
      const gone = presetObs({ scenes: [{ name: 'Sagostund – Startar snart' }] });
      const missing = evaluateChecklist(t, s(), withPreset({}, gone));
      expect(check(missing, 'presetScenes')).toMatchObject({
        status: 'fail',
        reason: 'missing',
        fix: 'applyPreset',
        params: { count: 2, scene: 'Läsare' },
      });
      expect(missing.blocking).toContain('presetScenes');
      const neverApplied = withPreset({ scenes: [{ label: 'Läsare', obsName: null }] });
      expect(check(evaluateChecklist(t, s(), neverApplied), 'presetScenes').reason).toBe('missing');
      const differs = evaluateChecklist(t, s(), withPreset({ mutations: 3 }));
      expect(check(differs, 'presetScenes')).toMatchObject({
        status: 'fail',
        reason: 'differs',
        fix: 'applyPreset',
        params: { count: 3 },
      });
      expect(check(evaluateChecklist(t, s(), withPreset({ mutations: null })), 'presetScenes')).toMatchObject({
        status: 'unknown',
        reason: 'notRead',
      });
    });

    it('is skipped without a preset, and fails when the chosen one was deleted', () => {
      expect(check(evaluateChecklist(t, session(), facts()), 'presetScenes')).toMatchObject({
        status: 'skipped',
        reason: 'noPreset',
      });
      expect(check(evaluateChecklist(t, s(), facts({ preset: { found: false } })), 'presetScenes')).toMatchObject({
        status: 'fail',
        reason: 'presetGone',
      });
    });

    it("takes the starting and closing scenes from the preset before the template's", () => {
      const template: Template = { ...t, startingScene: 'Startar snart', closingScene: 'Tack' };
      expect(sceneRoles(template, withPreset())).toEqual({
        startingScene: 'Sagostund – Startar snart',
        closingScene: 'Sagostund – Tack',
      });
      expect(sceneRoles(template, withPreset({ closingScene: null }))).toEqual({
        startingScene: 'Sagostund – Startar snart',
        closingScene: 'Tack',
      });
      expect(sceneRoles(template, facts())).toEqual({ startingScene: 'Startar snart', closingScene: 'Tack' });
      const onReader = withPreset({}, presetObs({ programScene: 'Sagostund – Läsare' }));
      expect(check(evaluateChecklist(t, s(), onReader), 'startingSceneLive')).toMatchObject({
        status: 'fail',
        reason: 'otherSceneLive',
        fix: 'switchToStartingScene',
        params: { scene: 'Sagostund – Startar snart' },
      });
    });

    it("checks the preset's mic, not another one, and offers to show a scene with it", () => {
      const notHeard = withPreset({}, presetObs(), { micSignal: { Mic: heard } });
      expect(check(evaluateChecklist(t, s(), notHeard), 'micReady')).toMatchObject({
        status: 'fail',
        reason: 'notHeard',
        fix: 'testMic',
        params: { input: 'Sagostund – Mikrofon', scene: 'Sagostund – Läsare' },
      });
      const streaming = withPreset({}, presetObs({ stream: { active: true, state: 'live' } }), { micSignal: {} });
      expect(check(evaluateChecklist(t, s(), streaming), 'micReady').fix).toBeNull();
      const muted = withPreset(
        {},
        presetObs({ inputs: [{ name: 'Sagostund – Mikrofon', kind: 'pulse_input_capture', muted: true }] }),
      );
      expect(check(evaluateChecklist(t, s(), muted), 'micReady')).toMatchObject({
        reason: 'muted',
        fix: 'unmuteMic',
        params: { input: 'Sagostund – Mikrofon' },
      });
    });

    it("checks the preset's camera for a picture", () => {
      expect(check(evaluateChecklist(t, s(), withPreset()), 'cameraActive')).toMatchObject({
        status: 'pass',
        params: { input: 'Sagostund – Läsarkamera' },
      });
      const dark = withPreset({}, presetObs(), {
        cameraPicture: { 'Sagostund – Läsarkamera': false, 'Other camera': true },
      });
      expect(check(evaluateChecklist(t, s(), dark), 'cameraActive')).toMatchObject({
        status: 'fail',
        reason: 'noPicture',
        params: { input: 'Sagostund – Läsarkamera' },
      });
      expect(
        check(evaluateChecklist(t, s(), withPreset({}, presetObs(), { cameraPicture: null })), 'cameraActive').reason,
      ).toBe('notRead');
      // Without a preset, any camera with a picture will do.
      expect(
        check(
          evaluateChecklist(t, session(), facts({ obs: presetObs(), cameraPicture: { 'Other camera': true } })),
          'cameraActive',
        ).status,
      ).toBe('pass');
      expect(check(evaluateChecklist(t, session(), facts()), 'cameraActive')).toMatchObject({
        status: 'fail',
        reason: 'noCamera',
      });
    });
  });

  describe('mic signal in the last 10 s', () => {
    const mic = (signal: MicSignal | undefined, now = NOW) =>
      check(
        evaluateChecklist(
          t,
          session(),
          facts({
            micSignal: signal ? { Mic: signal } : {},
            now,
            obs: connected({ inputs: [{ name: 'Mic', kind: 'pulse_input_capture', muted: false }] }),
          }),
        ),
        'micReady',
      );

    it('passes when heard while metered, and still after the mic left the live scene', () => {
      expect(mic(heard)).toMatchObject({ status: 'pass', params: { input: 'Mic' } });
      // Sound check on "Läsare", then back to "Startar snart" (no mic): OBS stops metering it.
      const checked: MicSignal = { heardAt: NOW - 62_000, meteredSince: NOW - 90_000, meteredAt: NOW - 60_000 };
      expect(mic(checked).status).toBe('pass');
    });

    it('gives 10 s to say something, then fails as silent; never heard fails as not heard', () => {
      expect(mic({ heardAt: null, meteredSince: NOW - 3_000, meteredAt: NOW - 50 })).toMatchObject({
        status: 'fail',
        reason: 'listening',
      });
      expect(mic({ heardAt: null, meteredSince: NOW - 11_000, meteredAt: NOW - 50 })).toMatchObject({
        status: 'fail',
        reason: 'silent',
        fix: null,
      });
      expect(mic({ heardAt: NOW - 10_500, meteredSince: NOW - 60_000, meteredAt: NOW - 50 })).toMatchObject({
        status: 'fail',
        reason: 'silent',
      });
      expect(mic(undefined)).toMatchObject({ status: 'fail', reason: 'notHeard', fix: null });
      // Heard, but then metered in silence for more than 10 s before it left the scene.
      expect(mic({ heardAt: NOW - 80_000, meteredSince: NOW - 90_000, meteredAt: NOW - 60_000 })).toMatchObject({
        reason: 'notHeard',
      });
    });

    it('reads the states at their edges', () => {
      const at = (s: MicSignal, now: number) => micSignalState(s, now);
      const s: MicSignal = { heardAt: 0, meteredSince: 0, meteredAt: 10_000 };
      expect(at(s, 10_000)).toBe('heard');
      expect(at({ ...s, meteredAt: 10_001 }, 10_001)).toBe('silent');
      expect(at(s, 11_500)).toBe('silent'); // readings may still come: the window runs on
      expect(at(s, 11_600)).toBe('heard'); // OBS stopped metering it: its last 10 s metered count
      expect(at({ heardAt: null, meteredSince: 9_000, meteredAt: 10_000 }, 12_000)).toBe('notHeard');
    });
  });
});
