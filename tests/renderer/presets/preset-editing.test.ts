import { describe, expect, it } from 'vitest';
import { builtInPresets } from '../../../src/core/presets/built-ins';
import {
  addScene,
  addSourceToScene,
  canRemoveScene,
  isDirty,
  layoutToPercent,
  moveScene,
  percentToLayout,
  problemsAt,
  removeScene,
  removeSourceFromScene,
  renameScene,
  sceneKinds,
  setItemLayout,
  setClosingScene,
  setLiveMic,
  setProgramType,
  setSafeScene,
  setStartingScene,
  setTransition,
  sourceById,
  sourceRoles,
  updateSource,
  validateDraft,
  type DraftProblem,
  type NewSceneWords,
  type RoleLabels,
} from '../../../src/renderer/lib/preset-editing';
import { whereText } from '../../../src/renderer/components/presets/editor/problem-text';
import { presetsEn } from '../../../src/renderer/i18n/presets.en';
import { presetsSv } from '../../../src/renderer/i18n/presets.sv';
import { PresetSchema, type Preset } from '../../../src/shared/presets/preset-schema';

const presets = builtInPresets('sv');
const storyTime = presets[0]!;
const words: NewSceneWords = {
  sceneName: 'Ny scen',
  background: 'Bakgrund',
  slideText: 'Text',
  camera: 'Kamera 1',
  camera2: 'Kamera 2',
  microphone: 'Mikrofon',
  bar: 'Namnskylt',
  lowerThirdText: 'Namnskyltens text',
};
const roleLabels: RoleLabels = {
  camera: 'Kamera',
  microphone: 'Mikrofon',
  image: 'Bild',
  text: 'Text',
  color: 'Färg',
  media: 'Mediefil',
};
const valid = (preset: Preset) => expect(validateDraft(preset)).toEqual([]);
const ok = (result: { ok: true; preset: Preset } | { ok: false; reason: string }): Preset => {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.preset;
};
const ids = (preset: Preset) => preset.scenes.map((s) => s.id);

describe('scene operations keep the document valid', () => {
  it('rename: the scene gets the name, nothing else changes, the original is not mutated', () => {
    const before = structuredClone(storyTime);
    const renamed = renameScene(storyTime, 'reader', 'Högläsning');
    expect(renamed.scenes.find((s) => s.id === 'reader')!.name).toBe('Högläsning');
    expect(storyTime).toEqual(before);
    valid(renamed);
    expect(isDirty(storyTime, renamed)).toBe(true);
    expect(isDirty(storyTime, structuredClone(storyTime))).toBe(false);
  });

  it('move up and down swap neighbours; the ends stay put', () => {
    const up = moveScene(storyTime, 'reader', -1);
    expect(ids(up).slice(0, 2)).toEqual(['reader', 'starting-soon']);
    expect(moveScene(up, 'reader', -1)).toBe(up);
    const last = storyTime.scenes.at(-1)!.id;
    expect(moveScene(storyTime, last, 1)).toBe(storyTime);
    expect(ids(moveScene(up, 'reader', 1))).toEqual(ids(storyTime));
    valid(up);
  });

  it('the safe scene and the last scene cannot be removed; others can, and unused sources go with them', () => {
    expect(canRemoveScene(storyTime, storyTime.safeSceneId)).toBe('safeScene');
    expect(removeScene(storyTime, storyTime.safeSceneId)).toEqual({ ok: false, reason: 'safeScene' });
    const withoutThanks = ok(removeScene(storyTime, 'thank-you'));
    expect(ids(withoutThanks)).not.toContain('thank-you');
    // The credit line and thank-you text were only on that slide.
    expect(withoutThanks.sources.map((s) => s.id)).not.toContain('credit');
    expect(withoutThanks.sources.map((s) => s.id)).toContain('background');
    valid(withoutThanks);

    let one = storyTime;
    for (const id of ids(storyTime)) if (id !== storyTime.safeSceneId) one = ok(removeScene(one, id));
    expect(ids(one)).toEqual([storyTime.safeSceneId]);
    valid(one);
    expect(canRemoveScene(one, storyTime.safeSceneId)).toBe('safeScene');
  });

  it('picking another safe scene lets the old one go; an unknown scene is refused', () => {
    const moved = ok(setSafeScene(storyTime, 'starting-soon'));
    expect(moved.safeSceneId).toBe('starting-soon');
    expect(canRemoveScene(moved, 'short-break')).toBeNull();
    valid(ok(removeScene(moved, 'short-break')));
    expect(setSafeScene(storyTime, 'nope')).toEqual({ ok: false, reason: 'notFound' });
  });

  it('program type, starting and closing scene: set, cleared with undefined, unknown scenes refused', () => {
    const before = structuredClone(storyTime);
    expect(storyTime).toMatchObject({
      programType: 'storytime',
      startingSceneId: 'starting-soon',
      closingSceneId: 'thank-you',
    });

    const baby = setProgramType(storyTime, 'baby');
    expect(baby.programType).toBe('baby');
    valid(baby);
    const noType = setProgramType(storyTime, undefined);
    expect('programType' in noType).toBe(false);
    valid(noType);

    const starting = ok(setStartingScene(storyTime, 'reader'));
    expect(starting.startingSceneId).toBe('reader');
    valid(starting);
    const noStarting = ok(setStartingScene(storyTime, undefined));
    expect('startingSceneId' in noStarting).toBe(false);
    valid(noStarting);

    // One scene may be both the safe and the closing scene.
    const closing = ok(setClosingScene(storyTime, storyTime.safeSceneId));
    expect(closing.closingSceneId).toBe(storyTime.safeSceneId);
    valid(closing);
    const noClosing = ok(setClosingScene(storyTime, undefined));
    expect('closingSceneId' in noClosing).toBe(false);
    valid(noClosing);

    expect(setStartingScene(storyTime, 'nope')).toEqual({ ok: false, reason: 'notFound' });
    expect(setClosingScene(storyTime, 'nope')).toEqual({ ok: false, reason: 'notFound' });
    expect(storyTime).toEqual(before);
  });

  it('removing the starting or closing scene clears that field, and only that one', () => {
    expect(canRemoveScene(storyTime, 'starting-soon')).toBeNull();
    const noSoon = ok(removeScene(storyTime, 'starting-soon'));
    expect('startingSceneId' in noSoon).toBe(false);
    expect(noSoon.closingSceneId).toBe('thank-you');
    valid(noSoon);
    const noThanks = ok(removeScene(storyTime, 'thank-you'));
    expect('closingSceneId' in noThanks).toBe(false);
    expect(noThanks.startingSceneId).toBe('starting-soon');
    valid(noThanks);
    // A scene both starting and closing: both go.
    const both = ok(removeScene(ok(setClosingScene(storyTime, 'starting-soon')), 'starting-soon'));
    expect(both).not.toHaveProperty('startingSceneId');
    expect(both).not.toHaveProperty('closingSceneId');
    valid(both);
  });

  it.each(sceneKinds)('adds a "%s" scene at the end, valid, re-using sources where they fit', (kind) => {
    for (const preset of presets) {
      const added = ok(addScene(preset, kind, words));
      expect(added.scenes).toHaveLength(preset.scenes.length + 1);
      const scene = added.scenes.at(-1)!;
      expect(scene.name).toBe('Ny scen');
      valid(added);
      // Twice: a unique id and name each time.
      const again = ok(addScene(added, kind, words));
      expect(again.scenes.at(-1)!.name).toBe('Ny scen 2');
      valid(again);
    }
    const camera = ok(addScene(storyTime, 'camera', words));
    expect(camera.scenes.at(-1)!.items.map((i) => i.source)).toEqual(['reader-camera', 'microphone']);
    expect(camera.scenes.at(-1)!.liveMics).toEqual(['microphone']);
    expect(camera.sources).toHaveLength(storyTime.sources.length);
  });

  it('refuses a 21st scene', () => {
    let p = storyTime;
    while (p.scenes.length < 20) p = ok(addScene(p, 'camera', words));
    expect(addScene(p, 'camera', words)).toEqual({ ok: false, reason: 'tooManyScenes' });
  });

  it('live mics: checked and unchecked, only microphones', () => {
    const off = setLiveMic(storyTime, 'reader', 'microphone', false);
    expect(off.scenes.find((s) => s.id === 'reader')!.liveMics).toEqual([]);
    const on = setLiveMic(off, 'starting-soon', 'microphone', true);
    expect(on.scenes.find((s) => s.id === 'starting-soon')!.liveMics).toEqual(['microphone']);
    expect(setLiveMic(storyTime, 'reader', 'title', true)).toBe(storyTime);
    valid(on);
  });

  it('transition: kind and duration; a too short one is a problem at its path', () => {
    valid(setTransition(storyTime, { kind: 'cut' }));
    expect(validateDraft(setTransition(storyTime, { durationMs: 10 }))).toMatchObject([
      { path: 'transition.durationMs', code: 'tooSmall' },
    ]);
  });
});

describe('source operations', () => {
  it.each(sourceRoles)('adds a %s source to a scene, valid', (role) => {
    const added = ok(addSourceToScene(storyTime, 'starting-soon', role, roleLabels));
    const scene = added.scenes.find((s) => s.id === 'starting-soon')!;
    expect(scene.items).toHaveLength(3 + 1);
    valid(added);
  });

  it('a camera the preset has is re-used; a colour goes to the bottom', () => {
    const cam = ok(addSourceToScene(storyTime, 'starting-soon', 'camera', roleLabels));
    expect(cam.sources).toHaveLength(storyTime.sources.length);
    expect(cam.scenes[0]!.items.at(-1)!.source).toBe('reader-camera');
    const color = ok(addSourceToScene(storyTime, 'starting-soon', 'color', roleLabels));
    expect(color.scenes[0]!.items[0]!.source).toBe('color');
  });

  it('removing a source takes it out of the live mics; a source no scene uses is dropped', () => {
    const noMic = removeSourceFromScene(storyTime, 'reader', 'microphone');
    const reader = noMic.scenes.find((s) => s.id === 'reader')!;
    expect(reader.items.map((i) => i.source)).toEqual(['reader-camera', 'name-bar', 'reader-lower-third']);
    expect(reader.liveMics).toEqual([]);
    expect(noMic.sources.some((s) => s.id === 'microphone')).toBe(true);
    valid(noMic);
    const noCredit = removeSourceFromScene(storyTime, 'thank-you', 'credit');
    expect(noCredit.sources.some((s) => s.id === 'credit')).toBe(false);
    valid(noCredit);
  });

  it('text, colour and label changes keep id and role', () => {
    const changed = updateSource(
      updateSource(storyTime, 'title', { text: 'Välkommen {{title}}', id: 'x', role: 'color' }),
      'background',
      { color: '#ff0000' },
    );
    expect(changed.sources.find((s) => s.id === 'title')).toMatchObject({ role: 'text', text: 'Välkommen {{title}}' });
    expect(changed.sources.find((s) => s.id === 'background')).toMatchObject({ color: '#ff0000' });
    valid(changed);
    expect(validateDraft(updateSource(storyTime, 'title', { text: 'A\u0007' }))).toMatchObject([
      { path: 'sources.1.text', code: 'control' },
    ]);
    expect(validateDraft(updateSource(storyTime, 'title', { label: '  ' }))).toMatchObject([
      { path: 'sources.1.label', code: 'empty' },
    ]);
  });

  it('layout percent ↔ fractions, and a box outside the canvas is a problem at the layout', () => {
    expect(layoutToPercent({ x: 0.66, y: 0.64, w: 0.3, h: 0.3 })).toEqual({ x: 66, y: 64, w: 30, h: 30 });
    expect(percentToLayout({ x: 12.5, y: 0, w: 50, h: 33.33 })).toEqual({ x: 0.125, y: 0, w: 0.5, h: 0.3333 });
    const moved = setItemLayout(storyTime, 'starting-soon', 'title', percentToLayout({ x: 5, y: 10, w: 90, h: 30 }));
    expect(moved.scenes[0]!.items[1]!.layout).toEqual({ x: 0.05, y: 0.1, w: 0.9, h: 0.3 });
    valid(moved);
    const outside = setItemLayout(storyTime, 'starting-soon', 'title', percentToLayout({ x: 50, y: 10, w: 90, h: 30 }));
    expect(validateDraft(outside)).toMatchObject([{ path: 'scenes.0.items.1.layout', code: 'outsideCanvas' }]);
    const zero = setItemLayout(storyTime, 'starting-soon', 'title', percentToLayout({ x: 0, y: 0, w: 0, h: 30 }));
    expect(validateDraft(zero)).toMatchObject([{ path: 'scenes.0.items.1.layout.w', code: 'aboveZero' }]);
    // Microphones have no layout: setting one changes nothing.
    expect(setItemLayout(storyTime, 'reader', 'microphone', { x: 0, y: 0, w: 1, h: 1 }).scenes[1]).toEqual(
      storyTime.scenes[1],
    );
  });
});

describe('problems are found with the shared schema, every one, with translated places', () => {
  const t = ((key: string, params?: Record<string, unknown>) =>
    `${key}${params ? JSON.stringify(params) : ''}`) as never;

  it('a duplicate and an empty scene name: two problems at their paths', () => {
    const bad = renameScene(renameScene(storyTime, 'reader', 'Tack'), 'book', '');
    const problems = validateDraft(bad);
    expect(problems.map((p) => [p.path, p.code])).toEqual(
      expect.arrayContaining([
        ['scenes.2.name', 'empty'],
        ['scenes.5.name', 'duplicateSceneName'],
      ]),
    );
    expect(whereText(bad, 'scenes.2.name', t)).toBe(
      'presets.editor.where.sceneUnnamed{"number":3} › presets.editor.where.name',
    );
    expect(whereText(bad, 'scenes.5.name', t)).toBe(
      'presets.editor.where.scene{"number":6,"name":"Tack"} › presets.editor.where.name',
    );
    expect(whereText(bad, 'scenes.0.items.1.layout.w', t)).toContain('"label":"Rubrik"');
    expect(whereText(bad, 'sources.1.text', t)).toContain('Rubrik');
  });

  it('an unknown starting or closing scene is a problem at its own path, not "pick a safe scene"', () => {
    const bad = { ...storyTime, startingSceneId: 'gone', closingSceneId: 'gone-too' };
    expect(validateDraft(bad).map((p) => [p.path, p.code])).toEqual([
      ['startingSceneId', 'unknownScene'],
      ['closingSceneId', 'unknownScene'],
    ]);
    expect(validateDraft({ ...storyTime, safeSceneId: 'gone' })).toMatchObject([
      { path: 'safeSceneId', code: 'noSafeScene' },
    ]);
    expect(whereText(bad, 'startingSceneId', t)).toBe('presets.editor.where.startingScene');
    expect(whereText(bad, 'closingSceneId', t)).toBe('presets.editor.where.closingScene');
    expect(whereText(bad, 'programType', t)).toBe('presets.editor.where.programType');
  });

  it('every problem code has a text in both languages', () => {
    const codes = Object.keys(presetsSv.editor.what);
    expect(Object.keys(presetsEn.editor.what).sort()).toEqual(codes.sort());
    for (const code of [
      'empty',
      'tooLong',
      'control',
      'color',
      'duplicateSceneName',
      'outsideCanvas',
      'aboveZero',
      'tooSmall',
      'invalid',
    ])
      expect(codes).toContain(code);
  });

  it('what the editor saves passes the schema the core uses', () => {
    let p = renameScene(storyTime, 'reader', 'Högläsning');
    p = moveScene(p, 'reader', -1);
    p = ok(addScene(p, 'lowerThird', words));
    p = ok(addSourceToScene(p, 'reader', 'text', roleLabels));
    p = setProgramType(p, 'languagecafe');
    p = ok(setStartingScene(p, 'reader'));
    p = ok(removeScene(p, 'thank-you'));
    expect(PresetSchema.safeParse(p).success).toBe(true);
  });
});

describe("lookups the editor's parts share", () => {
  it("problems at a scene are its own and its items', not those of a scene whose number starts the same", () => {
    const problems: DraftProblem[] = ['scenes.1.name', 'scenes.1.items.0.layout.x', 'scenes.10.name', 'scenes.1'].map(
      (path) => ({ path, code: 'empty', params: {}, message: '' }),
    );
    expect(problemsAt(problems, 'scenes.1').map((p) => p.path)).toEqual([
      'scenes.1.name',
      'scenes.1.items.0.layout.x',
      'scenes.1',
    ]);
    expect(problemsAt(problems, 'scenes.2')).toEqual([]);
  });

  it('finds a source by id, and none for an id the preset lacks', () => {
    const first = storyTime.sources[0]!;
    expect(sourceById(storyTime, first.id)).toBe(first);
    expect(sourceById(storyTime, 'no-such-source')).toBeUndefined();
  });
});
