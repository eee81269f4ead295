import { describe, expect, it } from 'vitest';
import { defaultTemplates } from '../../src/shared/checklist/default-templates';
import { evaluateChecklist, type ChecklistFacts, type PresetFacts } from '../../src/shared/checklist/evaluate';
import type { OutputFacts } from '../../src/shared/checklist/obs-output-facts';
import type { Destination } from '../../src/shared/destinations/destination-schema';
import { emptyObsState, type ObsState } from '../../src/shared/obs-state';
import { en } from '../../src/renderer/i18n/en';
import { sv } from '../../src/renderer/i18n/sv';

/** Every reason the checklist can give has a text in both languages (the keys are built at run time). */
describe('go-live checklist texts', () => {
  const on: ObsState = {
    ...emptyObsState('ws://x'),
    connection: { status: 'connected', address: 'ws://x', error: null, autoReconnect: true, nextAttemptAt: null },
    scenes: [{ name: 'A' }],
    programScene: 'A',
  };
  const obsStates: ObsState[] = [
    emptyObsState('ws://x'),
    on,
    {
      ...on,
      inputs: [{ name: 'Mic', kind: 'pulse_input_capture', muted: true }],
      stream: { active: true, state: 'live' },
    },
    {
      ...on,
      inputs: [
        { name: 'Mic', kind: 'pulse_input_capture', muted: false },
        { name: 'Cam', kind: 'v4l2_input', muted: null },
      ],
      programScene: 'B',
    },
  ];
  const dest: Destination = {
    id: 'd',
    name: 'D',
    platform: 'facebook',
    server: 'rtmps://x/rtmp/',
    backupServer: null,
    hasKey: true,
    isTest: false,
  };
  const base: OutputFacts = {
    width: 1280,
    height: 720,
    fps: 30,
    mode: 'Simple',
    videoKbps: 2500,
    audioKbps: 128,
    keyframeSec: 0,
    serviceSettingsApplied: true,
    availableDiskMb: 100_000,
  };
  const outputs: Array<OutputFacts | null> = [
    null,
    base,
    { ...base, videoKbps: 9000 },
    { ...base, audioKbps: 320 },
    { ...base, height: 2160 },
    { ...base, keyframeSec: 5, serviceSettingsApplied: false },
    { ...base, mode: 'Advanced', videoKbps: null, audioKbps: null, keyframeSec: null },
    { ...base, availableDiskMb: 10 },
    { ...base, availableDiskMb: 0, recordFolder: { path: '/x', status: 'missing' } },
    { ...base, recordFolder: { path: '/x', status: 'notWritable' } },
  ];

  const preset: PresetFacts = {
    id: 'p',
    name: 'Sagostund',
    scenes: [{ label: 'Startar snart', obsName: 'A' }],
    mics: ['Mic'],
    cameras: ['Cam'],
    startingScene: 'A',
    closingScene: null,
    micScene: 'B',
    mutations: 0,
  };
  const now = 1_000_000;
  const extras: Array<Partial<ChecklistFacts> & { presetId?: string }> = [
    {},
    { presetId: 'p', preset: { found: false } },
    { presetId: 'p', preset: { found: true, ...preset } },
    { presetId: 'p', preset: { found: true, ...preset, mutations: null }, cameraPicture: { Cam: false } },
    {
      presetId: 'p',
      preset: { found: true, ...preset, mutations: 3 },
      cameraPicture: { Cam: true },
      now,
      micSignal: { Mic: { heardAt: null, meteredSince: now - 500, meteredAt: now } },
    },
    {
      presetId: 'p',
      preset: { found: true, ...preset, scenes: [{ label: 'X', obsName: null }] },
      now,
      micSignal: { Mic: { heardAt: null, meteredSince: now - 20_000, meteredAt: now } },
    },
  ];

  it('has sv and en for every (check, reason) pair and every fix', () => {
    const pairs = new Set<string>();
    for (const obs of obsStates)
      for (const output of outputs)
        for (const destination of [null, dest, { ...dest, hasKey: false }, { ...dest, platform: 'custom' as const }])
          for (const record of [true, false])
            for (const rehearsal of [true, false])
              for (const startingScene of [null, 'A', 'Missing']) {
                const template = { ...defaultTemplates.storytime, record, startingScene };
                for (const { presetId, ...extra } of extras) {
                  const session = {
                    programType: 'storytime' as const,
                    presetId: presetId ?? null,
                    destinationId: destination ? 'd' : null,
                    record: false,
                    rehearsal,
                    ticks: {},
                  };
                  for (const c of evaluateChecklist(template, session, {
                    obs,
                    destination,
                    output,
                    readError: null,
                    ...extra,
                  }).auto) {
                    pairs.add(`${c.id}.label`);
                    if (c.reason) pairs.add(`${c.id}.${c.reason}`);
                    if (c.fix) expect(sv.golive.checklist.fixes[c.fix]).toBeTruthy();
                  }
                }
              }
    expect(pairs.size).toBeGreaterThan(35);
    for (const pair of pairs) {
      const [id, reason] = pair.split('.') as [string, string];
      for (const messages of [sv, en]) {
        const check = (messages.golive.checklist.checks as Record<string, Record<string, string>>)[id];
        // A text with a count comes in plural forms (i18next picks _one or _other).
        expect(check?.[reason] ?? check?.[`${reason}_other`], pair).toBeTruthy();
      }
    }
    for (const reason of [
      'outputWithinLimits.keyframe',
      'outputWithinLimits.keyframeAuto',
      'presetScenes.missing',
      'presetScenes.differs',
      'presetScenes.presetGone',
      'micReady.notHeard',
      'micReady.silent',
      'micReady.listening',
      'cameraActive.noPicture',
    ]) {
      expect(pairs, reason).toContain(reason);
    }
  });
});
