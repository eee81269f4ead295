import type { ResponseMessage } from 'obs-websocket-js';
import { describe, expect, it } from 'vitest';
import { builtInPresets } from '../../../src/core/presets/built-ins';
import type { ObsSnapshot } from '../../../src/core/presets/obs-snapshot';
import { emptyOwnership, type Ownership } from '../../../src/core/presets/ownership';
import { buildPlan, type BuiltPlan, type PlanInput } from '../../../src/core/presets/plan-builder';
import { createdUuids } from '../../../src/core/presets/preset-applier';

/**
 * Ownership by UUID (obs-websocket 5.3+) and by name (5.1), against the planner alone.
 * `simulate` plays a plan's requests on a snapshot, giving new scenes and inputs UUIDs
 * when `uuids` is on, as OBS 30/32 do, and the answers OBS would give.
 */
const kinds = [
  'image_source',
  'color_source_v3',
  'pulse_input_capture',
  'v4l2_input',
  'ffmpeg_source',
  'text_ft2_source_v2',
];
const storyTime = builtInPresets('sv')[0]!;

const emptyObs = (uuids: boolean): ObsSnapshot => ({
  platform: 'linux',
  inputKinds: kinds,
  canvas: { width: 1920, height: 1080 },
  scenes: [{ name: 'Scene', ...(uuids ? { uuid: 'u-scene' } : {}), items: [] }],
  inputs: [],
  transitions: { current: 'Fade', durationMs: 300, list: [{ name: 'Fade', kind: 'fade_transition', fixed: false }] },
  devices: {},
});
const input = (snapshot: ObsSnapshot, ownership: Ownership = emptyOwnership()): PlanInput => ({
  preset: storyTime,
  details: {},
  devices: {},
  language: 'sv',
  snapshot,
  ownership,
});

function simulate(
  snapshot: ObsSnapshot,
  built: BuiltPlan,
  uuids: boolean,
): { after: ObsSnapshot; responses: ResponseMessage[] } {
  const after = structuredClone(snapshot);
  let n = 0;
  const responses = built.requests.map(({ request }) => {
    const r = request as unknown as { requestType: string; requestData: Record<string, any> };
    const d = r.requestData ?? {};
    const uuid = uuids ? `u-${++n}` : undefined;
    let responseData: Record<string, unknown> = {};
    if (r.requestType === 'CreateScene') {
      after.scenes.push({ name: d.sceneName, ...(uuid ? { uuid } : {}), items: [] });
      responseData = uuid ? { sceneUuid: uuid } : {};
    } else if (r.requestType === 'CreateInput' || r.requestType === 'CreateSceneItem') {
      if (r.requestType === 'CreateInput') {
        after.inputs.push({
          name: d.inputName,
          ...(uuid ? { uuid } : {}),
          kind: d.inputKind,
          settings: structuredClone(d.inputSettings),
        });
        responseData = uuid ? { inputUuid: uuid, sceneItemId: n } : { sceneItemId: n };
      }
      after.scenes
        .find((s) => s.name === d.sceneName)!
        .items.push({ id: n, sourceName: d.inputName ?? d.sourceName, transform: {} });
    } else if (r.requestType === 'SetSceneItemTransform') {
      const scene = after.scenes.find((s) => s.name === d.sceneName)!;
      const item = d.sceneItemId ? scene.items.find((i) => i.id === d.sceneItemId)! : scene.items.at(-1)!;
      item.transform = { ...item.transform, ...d.sceneItemTransform };
    }
    return {
      requestType: r.requestType,
      requestStatus: { result: true, code: 100 },
      responseData,
    } as unknown as ResponseMessage;
  });
  return { after, responses };
}

/** Apply on an empty OBS and record what OBS answered, as applyPreset does. */
function applied(uuids: boolean) {
  const first = buildPlan(input(emptyObs(uuids)));
  const { after, responses } = simulate(emptyObs(uuids), first, uuids);
  return { after, ownership: createdUuids(first, responses) };
}

describe('ownership by UUID (obs-websocket 5.3+)', () => {
  it('records the UUIDs OBS gives what the apply created, and plans nothing more', () => {
    const { after, ownership } = applied(true);
    expect(ownership.scenes.reader).toEqual({
      name: 'Sagostund – Läsare',
      uuid: after.scenes.find((s) => s.name === 'Sagostund – Läsare')!.uuid,
    });
    expect(ownership.inputs.title?.uuid).toBe(after.inputs.find((i) => i.name === 'Sagostund · Rubrik')!.uuid);
    const again = buildPlan(input(after, ownership));
    expect(again.plan.mutations).toBe(0);
    expect(again.ownership).toEqual(ownership);
  });

  it('a scene deleted and made again by hand under our name is not ours: ours is created as "(2)"', () => {
    const { after, ownership } = applied(true);
    const reader = after.scenes.find((s) => s.name === 'Sagostund – Läsare')!;
    Object.assign(reader, { uuid: 'made-by-hand', items: [] });
    const plan = buildPlan(input(after, ownership));
    expect(plan.plan.scenes.find((s) => s.id === 'reader')).toEqual({
      id: 'reader',
      obsName: 'Sagostund – Läsare (2)',
      status: 'create',
    });
    expect(plan.plan.warnings).toContainEqual({
      code: 'nameTaken',
      params: { name: 'Sagostund – Läsare', instead: 'Sagostund – Läsare (2)' },
    });
    for (const { request } of plan.requests)
      expect(JSON.stringify(request)).not.toMatch(/"sceneName":"Sagostund – Läsare"/);
  });

  it('a scene deleted and made again by hand with our very sources is still not ours', () => {
    const { after, ownership } = applied(true);
    after.scenes.find((s) => s.name === 'Sagostund – Läsare')!.uuid = 'made-by-hand';
    expect(buildPlan(input(after, ownership)).plan.scenes.find((s) => s.id === 'reader')?.status).toBe('create');
  });

  it('follows a scene renamed in OBS by its UUID, even when another scene took the old name', () => {
    const { after, ownership } = applied(true);
    const reader = after.scenes.find((s) => s.name === 'Sagostund – Läsare')!;
    reader.name = 'Min läsarscen';
    after.scenes.push({ name: 'Sagostund – Läsare', uuid: 'someone-elses', items: [] });
    const plan = buildPlan(input(after, ownership));
    expect(plan.plan.scenes.find((s) => s.id === 'reader')).toEqual({
      id: 'reader',
      obsName: 'Min läsarscen',
      status: 'relink',
    });
    expect(plan.plan.mutations).toBe(0);
    expect(plan.ownership.scenes.reader).toEqual({ name: 'Min läsarscen', uuid: reader.uuid });
  });

  it('of two inputs with our marker (one copied in OBS), the one with the recorded UUID is ours', () => {
    const { after, ownership } = applied(true);
    const title = after.inputs.find((i) => i.name === 'Sagostund · Rubrik')!;
    after.inputs.unshift({
      ...structuredClone(title),
      name: 'Kopia av rubrik',
      uuid: 'the-copy',
      settings: { ...title.settings, text: 'ändrad' },
    });
    const plan = buildPlan(input(after, ownership));
    expect(plan.ownership.inputs.title).toEqual({ name: 'Sagostund · Rubrik', uuid: title.uuid });
    expect(plan.plan.mutations).toBe(0);
  });

  it('a record from before UUIDs (names only) is matched by name once, then gains the UUID', () => {
    const { after, ownership } = applied(true);
    const namesOnly: Ownership = {
      scenes: Object.fromEntries(Object.entries(ownership.scenes).map(([id, s]) => [id, { name: s.name }])),
      inputs: Object.fromEntries(Object.entries(ownership.inputs).map(([id, s]) => [id, { name: s.name }])),
    };
    const plan = buildPlan(input(after, namesOnly));
    expect(plan.plan.mutations).toBe(0);
    expect(plan.plan.scenes.every((s) => s.status === 'keep')).toBe(true);
    expect(plan.ownership).toEqual(ownership);
  });
});

describe('ownership by name (obs-websocket 5.1, no UUIDs)', () => {
  it('records names only; a recorded name that exists is ours; a renamed scene is re-linked by its sources', () => {
    const { after, ownership } = applied(false);
    expect(ownership.scenes.reader).toEqual({ name: 'Sagostund – Läsare' });
    expect(Object.values(ownership.inputs).every((i) => i.uuid === undefined)).toBe(true);
    expect(buildPlan(input(after, ownership)).plan.mutations).toBe(0);
    after.scenes.find((s) => s.name === 'Sagostund – Läsare')!.name = 'Läsarscenen';
    const plan = buildPlan(input(after, ownership));
    expect(plan.plan.scenes.find((s) => s.id === 'reader')).toEqual({
      id: 'reader',
      obsName: 'Läsarscenen',
      status: 'relink',
    });
    expect(plan.plan.mutations).toBe(0);
  });

  it('a UUID recorded on a newer OBS is not used when this OBS has none: the name decides', () => {
    const { after, ownership } = applied(false);
    const withUuids: Ownership = {
      ...ownership,
      scenes: Object.fromEntries(Object.entries(ownership.scenes).map(([id, s]) => [id, { ...s, uuid: `old-${id}` }])),
    };
    const plan = buildPlan(input(after, withUuids));
    expect(plan.plan.mutations).toBe(0);
    expect(plan.plan.scenes.every((s) => s.status === 'keep')).toBe(true);
  });
});
