import { describe, expect, it } from 'vitest';
import { defaultTemplates } from '../../src/shared/checklist/default-templates';
import { evaluateChecklist } from '../../src/shared/checklist/evaluate';
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
    { ...on, inputs: [{ name: 'Mic', kind: 'pulse_input_capture', muted: true }], stream: { active: true, state: 'live' } },
    { ...on, inputs: [{ name: 'Mic', kind: 'pulse_input_capture', muted: false }, { name: 'Cam', kind: 'v4l2_input', muted: null }], programScene: 'B' },
  ];
  const dest: Destination = { id: 'd', name: 'D', platform: 'facebook', server: 'rtmps://x/rtmp/', backupServer: null, hasKey: true, isTest: false };
  const base: OutputFacts = { width: 1280, height: 720, fps: 30, mode: 'Simple', videoKbps: 2500, audioKbps: 128, keyframeSec: 2, availableDiskMb: 100_000 };
  const outputs: Array<OutputFacts | null> = [
    null,
    base,
    { ...base, videoKbps: 9000 },
    { ...base, audioKbps: 320 },
    { ...base, height: 2160 },
    { ...base, keyframeSec: 5 },
    { ...base, mode: 'Advanced', videoKbps: null, audioKbps: null, keyframeSec: null },
    { ...base, availableDiskMb: 10 },
  ];

  it('has sv and en for every (check, reason) pair and every fix', () => {
    const pairs = new Set<string>();
    for (const obs of obsStates)
      for (const output of outputs)
        for (const destination of [null, dest, { ...dest, hasKey: false }])
          for (const record of [true, false])
            for (const rehearsal of [true, false])
              for (const startingScene of [null, 'A', 'Missing']) {
                const template = { ...defaultTemplates.storytime, record, startingScene };
                const session = { programType: 'storytime' as const, destinationId: destination ? 'd' : null, record: false, rehearsal, ticks: {} };
                for (const c of evaluateChecklist(template, session, { obs, destination, output, readError: null }).auto) {
                  pairs.add(`${c.id}.label`);
                  if (c.reason) pairs.add(`${c.id}.${c.reason}`);
                  if (c.fix) expect(sv.golive.checklist.fixes[c.fix]).toBeTruthy();
                }
              }
    expect(pairs.size).toBeGreaterThan(25);
    for (const pair of pairs) {
      const [id, reason] = pair.split('.') as [string, string];
      for (const messages of [sv, en]) {
        const check = (messages.golive.checklist.checks as Record<string, Record<string, string>>)[id];
        expect(check?.[reason], pair).toBeTruthy();
      }
    }
  });
});
