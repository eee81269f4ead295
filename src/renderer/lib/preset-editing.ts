import type { z } from 'zod';
import type { ProgramType } from '../../shared/checklist/checklist-schema';
import {
  PresetSchema,
  presetLimits,
  type Layout,
  type Preset,
  type PresetScene,
  type PresetSceneItem,
  type PresetSource,
  type SourceRole,
  type Transition,
} from '../../shared/presets/preset-schema';
import { detailKeys } from '../../shared/presets/preset-details';

/**
 * The preset editor's state logic, pure: every operation takes a document and returns a new
 * one (never mutating), and keeps it valid where the rules are structural (ids unique, the
 * safe, starting and closing scenes exist, live mics are microphones in the scene). What the
 * user types (names, texts) is checked by `validateDraft`, with the shared schema, before saving.
 */

export const sceneKinds = ['slide', 'camera', 'cameraPip', 'lowerThird'] as const;
export type SceneKind = (typeof sceneKinds)[number];

export const sourceRoles: readonly SourceRole[] = ['camera', 'microphone', 'image', 'text', 'color', 'media'];

/** The placeholders a text template may use, filled from the program's details. */
export const templatePlaceholders = [...detailKeys, 'creditLine'] as const;

export const layouts = {
  full: { x: 0, y: 0, w: 1, h: 1 },
  headline: { x: 0.1, y: 0.22, w: 0.8, h: 0.3 },
  pictureInPicture: { x: 0.66, y: 0.64, w: 0.3, h: 0.3 },
  lowerThirdBar: { x: 0, y: 0.78, w: 1, h: 0.16 },
  lowerThirdText: { x: 0.05, y: 0.8, w: 0.9, h: 0.12 },
} satisfies Record<string, Layout>;

const MAX_SCENES = presetLimits.scenes;
const MAX_SOURCES = presetLimits.sources;
const MAX_ITEMS = presetLimits.itemsPerScene;

export type EditResult = { ok: true; preset: Preset } | { ok: false; reason: EditRefusal };
export type EditRefusal = 'safeScene' | 'lastScene' | 'tooManyScenes' | 'tooManySources' | 'tooManyItems' | 'notFound';

const done = (preset: Preset): EditResult => ({ ok: true, preset });
const refuse = (reason: EditRefusal): EditResult => ({ ok: false, reason });

/** A key (lowercase letters, digits, dashes) not yet in `taken`, from a readable base. */
export function uniqueKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const clean =
    base
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32) || 'item';
  if (!used.has(clean)) return clean;
  for (let n = 2; ; n += 1) {
    const candidate = `${clean}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** A name not used by another scene of the preset (compared as the schema does). */
export function uniqueSceneName(preset: Preset, wanted: string): string {
  const used = new Set(preset.scenes.map((s) => s.name.toLocaleLowerCase('sv')));
  if (!used.has(wanted.toLocaleLowerCase('sv'))) return wanted;
  for (let n = 2; ; n += 1) {
    const candidate = `${wanted} ${n}`;
    if (!used.has(candidate.toLocaleLowerCase('sv'))) return candidate;
  }
}

const mapScene = (preset: Preset, sceneId: string, change: (scene: PresetScene) => PresetScene): Preset => ({
  ...preset,
  scenes: preset.scenes.map((s) => (s.id === sceneId ? change(s) : s)),
});

export const sourceById = (preset: Preset, sourceId: string): PresetSource | undefined =>
  preset.sources.find((s) => s.id === sourceId);

/** How many scenes show a source: a shared source's text or colour changes in all of them. */
export const scenesUsing = (preset: Preset, sourceId: string): number =>
  preset.scenes.filter((s) => s.items.some((i) => i.source === sourceId)).length;

/** Sources no scene uses any more go, as long as one source remains (the schema wants one). */
function pruneUnused(preset: Preset): Preset {
  const used = new Set(preset.scenes.flatMap((s) => s.items.map((i) => i.source)));
  const kept = preset.sources.filter((s) => used.has(s.id));
  return kept.length > 0 ? { ...preset, sources: kept } : preset;
}

// ---- preset-wide

export const setPresetName = (preset: Preset, name: string): Preset => ({ ...preset, name });

export function setDescription(preset: Preset, description: string): Preset {
  const { description: _old, ...rest } = preset;
  return description === '' ? rest : { ...rest, description };
}

export const setTransition = (preset: Preset, change: Partial<Transition>): Preset => ({
  ...preset,
  transition: { ...preset.transition, ...change },
});

// ---- scenes

export const renameScene = (preset: Preset, sceneId: string, name: string): Preset =>
  mapScene(preset, sceneId, (s) => ({ ...s, name }));

/** Moves a scene one step up (-1) or down (+1); at either end nothing changes. */
export function moveScene(preset: Preset, sceneId: string, direction: -1 | 1): Preset {
  const from = preset.scenes.findIndex((s) => s.id === sceneId);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= preset.scenes.length) return preset;
  const scenes = [...preset.scenes];
  [scenes[from], scenes[to]] = [scenes[to]!, scenes[from]!];
  return { ...preset, scenes };
}

export function setSafeScene(preset: Preset, sceneId: string): EditResult {
  return preset.scenes.some((s) => s.id === sceneId) ? done({ ...preset, safeSceneId: sceneId }) : refuse('notFound');
}

/** Which go-live checklist the program uses; `undefined`: staff pick one when going live. */
export function setProgramType(preset: Preset, type: ProgramType | undefined): Preset {
  const { programType: _old, ...rest } = preset;
  return type === undefined ? rest : { ...rest, programType: type };
}

type OptionalSceneField = 'startingSceneId' | 'closingSceneId';

function setOptionalScene(preset: Preset, field: OptionalSceneField, sceneId: string | undefined): EditResult {
  const { [field]: _old, ...rest } = preset;
  if (sceneId === undefined) return done(rest);
  return preset.scenes.some((s) => s.id === sceneId) ? done({ ...rest, [field]: sceneId }) : refuse('notFound');
}

/** The scene live before the program starts; `undefined`: none. */
export const setStartingScene = (preset: Preset, sceneId: string | undefined): EditResult =>
  setOptionalScene(preset, 'startingSceneId', sceneId);

/** The scene switched to before the stream stops; `undefined`: none. */
export const setClosingScene = (preset: Preset, sceneId: string | undefined): EditResult =>
  setOptionalScene(preset, 'closingSceneId', sceneId);

/** Whether a scene may be removed, and if not, why: the safe scene and the last scene stay. */
export function canRemoveScene(preset: Preset, sceneId: string): EditRefusal | null {
  if (!preset.scenes.some((s) => s.id === sceneId)) return 'notFound';
  if (preset.safeSceneId === sceneId) return 'safeScene';
  if (preset.scenes.length <= 1) return 'lastScene';
  return null;
}

export function removeScene(preset: Preset, sceneId: string): EditResult {
  const refusal = canRemoveScene(preset, sceneId);
  if (refusal) return refuse(refusal);
  // Unlike the safe scene, starting and closing scenes are optional: removing one clears the field.
  let kept: Preset = { ...preset, scenes: preset.scenes.filter((s) => s.id !== sceneId) };
  for (const field of ['startingSceneId', 'closingSceneId'] as const) {
    if (kept[field] === sceneId) {
      const { [field]: _gone, ...rest } = kept;
      kept = rest;
    }
  }
  return done(pruneUnused(kept));
}

/** Words for what a new scene creates; the UI passes them in its language. */
export interface NewSceneWords {
  sceneName: string;
  background: string;
  slideText: string;
  camera: string;
  camera2: string;
  microphone: string;
  bar: string;
  lowerThirdText: string;
}

/**
 * Adds a scene of a kind at the end, re-using the preset's sources where they fit (the main
 * camera, microphone 1, the slide background) and creating the rest.
 */
export function addScene(preset: Preset, kind: SceneKind, words: NewSceneWords): EditResult {
  if (preset.scenes.length >= MAX_SCENES) return refuse('tooManyScenes');
  const sources = [...preset.sources];
  const taken = () => sources.map((s) => s.id);
  const reuse = (match: (s: PresetSource) => boolean, make: () => PresetSource): string => {
    const found = sources.find(match);
    if (found) return found.id;
    const made = make();
    sources.push(made);
    return made.id;
  };
  const camera = (slot: 1 | 2, label: string) =>
    reuse(
      (s) => s.role === 'camera' && s.slot === slot,
      () => ({ id: uniqueKey(`camera-${slot}`, taken()), role: 'camera', label, slot }),
    );
  const mic = () =>
    reuse(
      (s) => s.role === 'microphone' && s.slot === 1,
      () => ({ id: uniqueKey('microphone', taken()), role: 'microphone', label: words.microphone, slot: 1 }),
    );
  const newText = (label: string, size: number) => {
    const id = uniqueKey(`text-${label}`, taken());
    sources.push({ id, role: 'text', label: uniqueLabel(sources, label), text: '{{title}}', color: '#ffffff', size });
    return id;
  };
  const newColor = (label: string, color: string) => {
    const id = uniqueKey(`color-${label}`, taken());
    sources.push({ id, role: 'color', label: uniqueLabel(sources, label), color });
    return id;
  };

  let items: PresetSceneItem[];
  let liveMics: string[] = [];
  switch (kind) {
    case 'slide': {
      const background = reuse(
        (s) => s.role === 'color',
        () => ({ id: uniqueKey('background', taken()), role: 'color', label: words.background, color: '#1d3557' }),
      );
      items = [
        { source: background, layout: layouts.full },
        { source: newText(words.slideText, 96), layout: layouts.headline },
      ];
      break;
    }
    case 'camera': {
      const m = mic();
      items = [{ source: camera(1, words.camera), layout: layouts.full }, { source: m }];
      liveMics = [m];
      break;
    }
    case 'cameraPip': {
      const m = mic();
      items = [
        { source: camera(2, words.camera2), layout: layouts.full },
        { source: camera(1, words.camera), layout: layouts.pictureInPicture },
        { source: m },
      ];
      liveMics = [m];
      break;
    }
    case 'lowerThird': {
      const m = mic();
      items = [
        { source: camera(1, words.camera), layout: layouts.full },
        { source: newColor(words.bar, '#0b132b'), layout: layouts.lowerThirdBar },
        { source: newText(words.lowerThirdText, 48), layout: layouts.lowerThirdText },
        { source: m },
      ];
      liveMics = [m];
      break;
    }
  }
  if (sources.length > MAX_SOURCES) return refuse('tooManySources');
  const scene: PresetScene = {
    id: uniqueKey(
      `scene-${kind}`,
      preset.scenes.map((s) => s.id),
    ),
    name: uniqueSceneName(preset, words.sceneName),
    items,
    liveMics,
  };
  return done({ ...preset, sources, scenes: [...preset.scenes, scene] });
}

function uniqueLabel(sources: PresetSource[], wanted: string): string {
  const used = new Set(sources.map((s) => s.label));
  if (!used.has(wanted)) return wanted;
  for (let n = 2; ; n += 1) if (!used.has(`${wanted} ${n}`)) return `${wanted} ${n}`;
}

export function setLiveMic(preset: Preset, sceneId: string, micId: string, live: boolean): Preset {
  if (sourceById(preset, micId)?.role !== 'microphone') return preset;
  return mapScene(preset, sceneId, (s) => {
    const others = s.liveMics.filter((m) => m !== micId);
    return { ...s, liveMics: live ? [...others, micId] : others };
  });
}

// ---- sources in a scene

/** Words for a new source's label, by role. */
export type RoleLabels = Record<SourceRole, string>;

/**
 * Adds a source of a role to a scene. A camera or microphone the preset already has (and the
 * scene lacks) is re-used; otherwise a new source is made. Backgrounds (colour, image) go to
 * the bottom, the rest on top.
 */
export function addSourceToScene(preset: Preset, sceneId: string, role: SourceRole, labels: RoleLabels): EditResult {
  const scene = preset.scenes.find((s) => s.id === sceneId);
  if (!scene) return refuse('notFound');
  if (scene.items.length >= MAX_ITEMS) return refuse('tooManyItems');
  const inScene = new Set(scene.items.map((i) => i.source));
  let source =
    role === 'camera' || role === 'microphone'
      ? preset.sources.find((s) => s.role === role && !inScene.has(s.id))
      : undefined;
  let sources = preset.sources;
  if (!source) {
    if (preset.sources.length >= MAX_SOURCES) return refuse('tooManySources');
    const id = uniqueKey(
      role,
      preset.sources.map((s) => s.id),
    );
    const label = uniqueLabel(preset.sources, labels[role]);
    source = newSource(role, id, label);
    sources = [...preset.sources, source];
  }
  const item: PresetSceneItem =
    role === 'microphone'
      ? { source: source.id }
      : { source: source.id, layout: role === 'text' ? layouts.headline : layouts.full };
  const bottom = role === 'color' || role === 'image';
  return done({
    ...preset,
    sources,
    scenes: preset.scenes.map((s) =>
      s.id === sceneId ? { ...s, items: bottom ? [item, ...s.items] : [...s.items, item] } : s,
    ),
  });
}

function newSource(role: SourceRole, id: string, label: string): PresetSource {
  switch (role) {
    case 'camera':
      return { id, label, role, slot: 1 };
    case 'microphone':
      return { id, label, role, slot: 1 };
    case 'image':
      return { id, label, role, file: '' };
    case 'text':
      return { id, label, role, text: '{{title}}', color: '#ffffff', size: 72 };
    case 'color':
      return { id, label, role, color: '#1d3557' };
    case 'media':
      return { id, label, role, file: '', loop: true };
  }
}

/** Takes a source out of a scene (and out of its live mics); a source no scene uses goes. */
export function removeSourceFromScene(preset: Preset, sceneId: string, sourceId: string): Preset {
  return pruneUnused(
    mapScene(preset, sceneId, (s) => ({
      ...s,
      items: s.items.filter((i) => i.source !== sourceId),
      liveMics: s.liveMics.filter((m) => m !== sourceId),
    })),
  );
}

/** Changes a source's own fields (label, text, colour, size, file, slot…); its id and role stay. */
export function updateSource(preset: Preset, sourceId: string, change: Partial<Record<string, unknown>>): Preset {
  return {
    ...preset,
    sources: preset.sources.map((s) => {
      if (s.id !== sourceId) return s;
      const { id: _id, role: _role, ...allowed } = change;
      return { ...s, ...allowed } as PresetSource;
    }),
  };
}

/** Layout in whole percent of the canvas, as the form shows it. */
export interface PercentLayout {
  x: number;
  y: number;
  w: number;
  h: number;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export const layoutToPercent = (layout: Layout): PercentLayout => ({
  x: round(layout.x * 100, 2),
  y: round(layout.y * 100, 2),
  w: round(layout.w * 100, 2),
  h: round(layout.h * 100, 2),
});

/** Percent to fractions; values are kept as typed (the schema reports out-of-range ones). */
export const percentToLayout = (p: PercentLayout): Layout => ({
  x: round(p.x / 100, 4),
  y: round(p.y / 100, 4),
  w: round(p.w / 100, 4),
  h: round(p.h / 100, 4),
});

export function setItemLayout(preset: Preset, sceneId: string, sourceId: string, layout: Layout): Preset {
  return mapScene(preset, sceneId, (s) => ({
    ...s,
    items: s.items.map((i) => (i.source === sourceId && i.layout ? { ...i, layout } : i)),
  }));
}

// ---- checking and comparing

/** A problem found before saving: where (path as "scenes.2.name") and what, as a code the UI translates. */
export interface DraftProblem {
  path: string;
  code: ProblemCode;
  params: Record<string, string | number>;
  /** The schema's own words, for anything without a code. */
  message: string;
}

export type ProblemCode =
  | 'empty'
  | 'tooLong'
  | 'tooSmall'
  | 'tooBig'
  | 'control'
  | 'color'
  | 'key'
  | 'notInteger'
  | 'duplicateSceneName'
  | 'duplicateId'
  | 'outsideCanvas'
  | 'aboveZero'
  | 'needsLayout'
  | 'unknownSource'
  | 'twiceInScene'
  | 'notMicrophone'
  | 'noSafeScene'
  | 'unknownScene'
  | 'tooMany'
  | 'invalid';

function codeOf(issue: z.core.$ZodIssue): { code: ProblemCode; params: Record<string, string | number> } {
  const m = issue.message;
  if (issue.code === 'too_small') {
    const min = Number(issue.minimum);
    return issue.origin === 'string' ? { code: 'empty', params: {} } : { code: 'tooSmall', params: { min } };
  }
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum);
    if (issue.origin === 'string') return { code: 'tooLong', params: { max } };
    if (issue.origin === 'array') return { code: 'tooMany', params: { max } };
    return { code: 'tooBig', params: { max } };
  }
  if (issue.code === 'invalid_type' && /int/i.test(String(issue.expected))) return { code: 'notInteger', params: {} };
  if (/control characters/.test(m)) return { code: 'control', params: {} };
  if (/colour/.test(m)) return { code: 'color', params: {} };
  if (/lowercase letters/.test(m)) return { code: 'key', params: {} };
  if (/duplicate scene name/.test(m)) return { code: 'duplicateSceneName', params: {} };
  if (/duplicate (scene|source) id/.test(m)) return { code: 'duplicateId', params: {} };
  if (/inside the canvas/.test(m)) return { code: 'outsideCanvas', params: {} };
  if (/above 0/.test(m)) return { code: 'aboveZero', params: {} };
  if (/needs a layout/.test(m)) return { code: 'needsLayout', params: {} };
  if (/unknown source/.test(m)) return { code: 'unknownSource', params: {} };
  if (/twice in the scene/.test(m)) return { code: 'twiceInScene', params: {} };
  if (/not a microphone/.test(m)) return { code: 'notMicrophone', params: {} };
  if (/no scene with id/.test(m))
    return { code: issue.path[0] === 'safeSceneId' ? 'noSafeScene' : 'unknownScene', params: {} };
  return { code: 'invalid', params: {} };
}

/** Every problem the shared schema finds (not only the first twenty), or none. */
export function validateDraft(preset: Preset): DraftProblem[] {
  const parsed = PresetSchema.safeParse(preset);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
    ...codeOf(issue),
  }));
}

/** Problems at a path or below it (e.g. a layout's "…layout" covers "…layout.x"). */
export const problemsAt = (problems: DraftProblem[], path: string): DraftProblem[] =>
  problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`));

/** The path of a scene item's layout, as the schema reports it. */
export function itemPath(preset: Preset, sceneId: string, sourceId: string): string {
  const i = preset.scenes.findIndex((s) => s.id === sceneId);
  const j = preset.scenes[i]?.items.findIndex((it) => it.source === sourceId) ?? -1;
  return `scenes.${i}.items.${j}`;
}

export const sourcePath = (preset: Preset, sourceId: string): string =>
  `sources.${preset.sources.findIndex((s) => s.id === sourceId)}`;
export const scenePath = (preset: Preset, sceneId: string): string =>
  `scenes.${preset.scenes.findIndex((s) => s.id === sceneId)}`;

/** Whether the draft differs from what was loaded (the editor asks before throwing changes away). */
export const isDirty = (original: Preset, draft: Preset): boolean => JSON.stringify(original) !== JSON.stringify(draft);
