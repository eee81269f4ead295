import { describe, expect, it } from 'vitest';
import { builtInPresets } from '../../../src/core/presets/built-ins';
import type { ObsSnapshot } from '../../../src/core/presets/obs-snapshot';
import { emptyOwnership } from '../../../src/core/presets/ownership';
import { buildPlan, type PlanInput } from '../../../src/core/presets/plan-builder';

/** The planner is pure: a preset and a snapshot of OBS in, a plan out. These need no OBS. */
const linuxKinds = [
  'image_source',
  'color_source_v3',
  'slideshow',
  'pulse_input_capture',
  'v4l2_input',
  'ffmpeg_source',
  'text_ft2_source_v2',
];

const emptyObs = (over: Partial<ObsSnapshot> = {}): ObsSnapshot => ({
  platform: 'linux',
  inputKinds: linuxKinds,
  canvas: { width: 1920, height: 1080 },
  scenes: [{ name: 'Scene', items: [] }],
  inputs: [],
  transitions: {
    current: 'Fade',
    durationMs: 300,
    list: [
      { name: 'Cut', kind: 'cut_transition', fixed: true },
      { name: 'Fade', kind: 'fade_transition', fixed: false },
    ],
  },
  devices: {},
  ...over,
});

const storyTime = builtInPresets('sv')[0]!;
const input = (snapshot: ObsSnapshot, over: Partial<PlanInput> = {}): PlanInput => ({
  preset: storyTime,
  details: { title: 'Sagostund', startTime: '10.00' },
  devices: {},
  language: 'sv',
  snapshot,
  ownership: emptyOwnership(),
  ...over,
});

/** What OBS would look like after carrying out `plan`'s requests: the planner's own simulator. */
function afterApplying(snapshot: ObsSnapshot, built: ReturnType<typeof buildPlan>): ObsSnapshot {
  const next: ObsSnapshot = structuredClone(snapshot);
  const vars = new Map<string, number>();
  let id = 1000;
  for (const { request } of built.requests) {
    const r = request as unknown as {
      requestType: string;
      requestData: Record<string, any>;
      outputVariables?: Record<string, string>;
      inputVariables?: Record<string, string>;
    };
    const d = r.requestData ?? {};
    const scene = () => next.scenes.find((s) => s.name === d.sceneName)!;
    switch (r.requestType) {
      case 'CreateScene':
        next.scenes.push({ name: d.sceneName, items: [] });
        break;
      case 'CreateInput':
      case 'CreateSceneItem': {
        if (r.requestType === 'CreateInput')
          next.inputs.push({ name: d.inputName, kind: d.inputKind, settings: structuredClone(d.inputSettings) });
        const item = { id: ++id, sourceName: d.inputName ?? d.sourceName, transform: {} };
        scene().items.push(item);
        for (const v of Object.keys(r.outputVariables ?? {})) vars.set(v, item.id);
        break;
      }
      case 'SetSceneItemTransform': {
        const itemId = d.sceneItemId ?? vars.get(r.inputVariables!.sceneItemId!);
        const item = scene().items.find((i) => i.id === itemId)!;
        item.transform = { ...item.transform, ...d.sceneItemTransform };
        break;
      }
      case 'SetInputSettings': {
        const target = next.inputs.find((i) => i.name === d.inputName)!;
        target.settings = { ...target.settings, ...d.inputSettings };
        break;
      }
      case 'SetCurrentSceneTransition':
        next.transitions.current = d.transitionName;
        break;
      case 'SetCurrentSceneTransitionDuration':
        next.transitions.durationMs = d.transitionDuration;
        break;
    }
  }
  return next;
}

describe('buildPlan', () => {
  it('creates every scene and source of story time in an empty OBS, scenes named after the preset', () => {
    const built = buildPlan(input(emptyObs()));
    expect(built.plan.scenes.map((s) => [s.obsName, s.status])).toEqual([
      ['Sagostund – Startar snart', 'create'],
      ['Sagostund – Läsare', 'create'],
      ['Sagostund – Bok i närbild', 'create'],
      ['Sagostund – Läsare + bok', 'create'],
      ['Sagostund – Kort paus', 'create'],
      ['Sagostund – Tack', 'create'],
    ]);
    expect(built.plan.mutations).toBe(built.requests.filter((r) => r.mutating).length);
    expect(built.ownership.scenes.reader).toEqual({ name: 'Sagostund – Läsare' });
    // Every input carries the ownership marker.
    for (const { request } of built.requests) {
      const r = request as unknown as { requestType: string; requestData: { inputSettings?: Record<string, unknown> } };
      if (r.requestType === 'CreateInput')
        expect(r.requestData.inputSettings?.bibblanLive).toMatchObject({ presetId: 'builtin-story-time' });
    }
  });

  it('plans nothing once OBS matches (idempotent)', () => {
    const first = buildPlan(input(emptyObs()));
    const after = afterApplying(emptyObs(), first);
    const second = buildPlan(input(after, { ownership: first.ownership }));
    expect(second.plan.mutations).toBe(0);
    expect(second.requests).toEqual([]);
    expect(second.plan.steps.every((s) => s.action === 'keep')).toBe(true);
  });

  it('updates only the texts whose details changed', () => {
    const first = buildPlan(input(emptyObs()));
    const after = afterApplying(emptyObs(), first);
    const second = buildPlan(
      input(after, { ownership: first.ownership, details: { title: 'Ny titel', startTime: '10.00' } }),
    );
    expect(second.plan.steps.filter((s) => s.action !== 'keep')).toEqual([
      { action: 'update', target: 'input', name: 'Sagostund · Rubrik' },
    ]);
  });

  it("never touches a user's scene or input with a colliding name, and says so", () => {
    const obs = emptyObs({
      scenes: [
        { name: 'Sagostund – Läsare', items: [{ id: 1, sourceName: 'Sagostund · Läsarkamera', transform: {} }] },
      ],
      inputs: [{ name: 'Sagostund · Läsarkamera', kind: 'v4l2_input', settings: { device_id: '/dev/video0' } }],
    });
    const built = buildPlan(input(obs));
    expect(built.plan.scenes[1]).toEqual({ id: 'reader', obsName: 'Sagostund – Läsare (2)', status: 'create' });
    expect(built.plan.warnings).toContainEqual({
      code: 'nameTaken',
      params: { name: 'Sagostund – Läsare', instead: 'Sagostund – Läsare (2)' },
    });
    expect(built.plan.warnings).toContainEqual({
      code: 'nameTaken',
      params: { name: 'Sagostund · Läsarkamera', instead: 'Sagostund · Läsarkamera (2)' },
    });
    const touched = built.requests.map((r) => JSON.stringify(r.request));
    for (const request of touched) {
      expect(request).not.toMatch(/"(sceneName|inputName|sourceName)":"Sagostund – Läsare"/);
      expect(request).not.toMatch(/"(inputName|sourceName)":"Sagostund · Läsarkamera"/);
    }
  });

  it('re-links a renamed owned scene by its sources instead of creating a duplicate', () => {
    const first = buildPlan(input(emptyObs()));
    const after = afterApplying(emptyObs(), first);
    after.scenes.find((s) => s.name === 'Sagostund – Läsare')!.name = 'Läsarscenen';
    const second = buildPlan(input(after, { ownership: first.ownership }));
    expect(second.plan.scenes[1]).toEqual({ id: 'reader', obsName: 'Läsarscenen', status: 'relink' });
    expect(second.plan.mutations).toBe(0);
    expect(second.ownership.scenes.reader).toEqual({ name: 'Läsarscenen' });
  });

  it('finds its own inputs by marker even when they were renamed in OBS', () => {
    const first = buildPlan(input(emptyObs()));
    const after = afterApplying(emptyObs(), first);
    const title = after.inputs.find((i) => i.name === 'Sagostund · Rubrik')!;
    title.name = 'Min rubrik';
    for (const scene of after.scenes)
      for (const item of scene.items) if (item.sourceName === 'Sagostund · Rubrik') item.sourceName = 'Min rubrik';
    const second = buildPlan(input(after, { ownership: first.ownership }));
    expect(second.plan.mutations).toBe(0);
    expect(second.ownership.inputs.title).toEqual({ name: 'Min rubrik' });
  });

  it('uses the OS input kinds: GDI+ text and DirectShow cameras on Windows', () => {
    const built = buildPlan(
      input(
        emptyObs({
          platform: 'windows',
          inputKinds: ['dshow_input', 'wasapi_input_capture', 'text_gdiplus_v3', 'color_source_v3', 'image_source'],
        }),
      ),
    );
    const kinds = new Set(
      built.requests
        .map((r) => (r.request as unknown as { requestData: { inputKind?: string } }).requestData?.inputKind)
        .filter(Boolean),
    );
    expect([...kinds].sort()).toEqual(['color_source_v3', 'dshow_input', 'text_gdiplus_v3', 'wasapi_input_capture']);
  });

  it('without a camera kind, the scene still gets its placeholder and the plan warns', () => {
    const built = buildPlan(input(emptyObs({ inputKinds: ['color_source_v3', 'text_ft2_source_v2'] })));
    expect(built.plan.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['cameraKindMissing', 'micKindMissing']),
    );
    const created = built.requests
      .map((r) => (r.request as unknown as { requestData: { inputName?: string } }).requestData?.inputName)
      .filter(Boolean);
    expect(created).toContain('Sagostund · Läsarkamera – platshållare');
    expect(created).toContain('Sagostund · Läsarkamera – platshållartext');
    expect(created).not.toContain('Sagostund · Läsarkamera');
  });

  it('warns when OBS lists no device for an owned camera, or not the chosen one', () => {
    const first = buildPlan(input(emptyObs()));
    const after = afterApplying(emptyObs(), first);
    after.devices = {
      'Sagostund · Läsarkamera': [],
      'Sagostund · Dokumentkamera': [{ value: '/dev/video2', name: 'Doc cam' }],
    };
    const second = buildPlan(input(after, { ownership: first.ownership, devices: { camera2: '/dev/video9' } }));
    expect(second.plan.warnings).toContainEqual({ code: 'cameraNotFound', params: { source: 'Läsarkamera' } });
    expect(second.plan.warnings).toContainEqual({ code: 'deviceGone', params: { source: 'Dokumentkamera' } });
    expect(second.plan.devices.camera).toEqual([]);
  });

  it("creates the new scenes first, so OBS's dock lists them in the preset's order (30+ inserts below the program scene)", () => {
    const created = (obsMajor: number) =>
      buildPlan(input(emptyObs({ obsMajor })))
        .requests.map((r) => r.request as unknown as { requestType: string; requestData: { sceneName: string } })
        .filter(
          (r, i, all) =>
            r.requestType === 'CreateScene' && all.slice(0, i).every((p) => p.requestType === 'CreateScene'),
        )
        .map((r) => r.requestData.sceneName);
    const inOrder = storyTime.scenes.map((s) => `Sagostund – ${s.name}`);
    expect(created(29)).toEqual(inOrder);
    expect(created(32)).toEqual([...inOrder].reverse());
  });

  it('keeps layouts as canvas fractions: the same preset fits 720p', () => {
    const built = buildPlan(input(emptyObs({ canvas: { width: 1280, height: 720 } })));
    const transforms = built.requests
      .map(
        (r) =>
          r.request as unknown as {
            requestType: string;
            requestData: { sceneName: string; sceneItemTransform?: Record<string, number> };
          },
      )
      .filter(
        (r) => r.requestType === 'SetSceneItemTransform' && r.requestData.sceneName === 'Sagostund – Läsare + bok',
      );
    expect(transforms.map((t) => t.requestData.sceneItemTransform!.boundsWidth)).toContain(Math.round(0.3 * 1280));
  });
});
