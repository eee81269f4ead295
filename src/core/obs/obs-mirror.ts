import type { OBSEventTypes } from 'obs-websocket-js';
import { emptyObsState, type ObsInput, type ObsScene, type ObsState } from '../../shared/obs-state';
import { recordStateFromEvent, streamStateFromEvent } from './output-states';

/**
 * The mirror: what the app knows of OBS (everything in ObsState but the connection), and the
 * pure reducer that keeps it current from OBS events. Events carry absolute values (a name, a
 * state), so applying one twice is harmless; the controller relies on that when it replays
 * events that arrived while a full load was in flight.
 *
 * Scenes keep OBS's order (staff arrange them in the Scenes dock). Inputs are sorted by name:
 * GetInputList's order is an internal detail of OBS (newest first in 29) that events cannot
 * reproduce reliably, and a stable alphabetical list is easier to scan.
 */
export type MirrorData = Omit<ObsState, 'connection'>;

export const emptyMirror = (): MirrorData => {
  const { connection: _connection, ...mirror } = emptyObsState('');
  return mirror;
};

/** The events the controller subscribes to (all within EventSubscription.All). */
export const mirrorEventTypes = [
  'CurrentProgramSceneChanged',
  'CurrentPreviewSceneChanged',
  'StudioModeStateChanged',
  'SceneCreated',
  'SceneRemoved',
  'SceneNameChanged',
  'SceneListChanged',
  'StreamStateChanged',
  'RecordStateChanged',
  'InputCreated',
  'InputRemoved',
  'InputNameChanged',
  'InputMuteStateChanged',
  'CurrentSceneCollectionChanging',
  'CurrentSceneCollectionChanged',
  'ExitStarted',
] as const;

export type MirrorEventType = (typeof mirrorEventTypes)[number];
export type MirrorEvent = { [K in MirrorEventType]: { type: K; data: OBSEventTypes[K] } }[MirrorEventType];

/**
 * GetSceneList / SceneListChanged give each scene a sceneIndex; OBS's Scenes dock shows the
 * highest index at the top (every version so far sends the list bottom-up, index = position,
 * but the index is what obs-websocket documents). Items without an index keep their
 * position, still read bottom-up. obs-websocket 5.1 has no scene UUIDs; 5.4+ does.
 */
export function scenesFromObs(list: unknown): ObsScene[] {
  if (!Array.isArray(list)) return [];
  const indexed: { scene: ObsScene; index: number }[] = [];
  list.forEach((item, position) => {
    const scene = sceneFrom(item);
    if (!scene) return;
    const index = isRecord(item) && typeof item.sceneIndex === 'number' ? item.sceneIndex : position;
    indexed.push({ scene, index });
  });
  // Stable sort: equal indexes (malformed lists) keep their reversed order.
  return indexed
    .reverse()
    .sort((a, b) => b.index - a.index)
    .map((entry) => entry.scene);
}

/**
 * Where OBS's dock puts a new scene: OBS 29 adds it at the bottom, OBS 30+ right below the
 * scene selected in the dock (the preview in studio mode, else the program scene). Only a
 * first guess: SceneListChanged, which every version sends on create, has the real order.
 */
function withNewScene(mirror: MirrorData, scene: ObsScene): ObsScene[] {
  const major = Number.parseInt(mirror.versions?.obsVersion ?? '', 10);
  const selected = mirror.studioMode ? mirror.previewScene : mirror.programScene;
  const at = major >= 30 ? mirror.scenes.findIndex((s) => s.name === selected) : -1;
  if (at < 0) return [...mirror.scenes, scene];
  return [...mirror.scenes.slice(0, at + 1), scene, ...mirror.scenes.slice(at + 1)];
}

/** The scene an event names: by UUID where OBS sends one (5.4+), else by name. */
function sameScene(scene: ObsScene, data: { sceneName: string; sceneUuid?: unknown }): boolean {
  if (typeof data.sceneUuid === 'string' && scene.uuid !== undefined) return scene.uuid === data.sceneUuid;
  return scene.name === data.sceneName;
}

/** GetInputList entries; mute states are filled in separately. */
export function inputsFromObs(list: unknown, muted: (name: string) => boolean | null): ObsInput[] {
  if (!Array.isArray(list)) return [];
  const inputs: ObsInput[] = [];
  for (const item of list) {
    if (!isRecord(item) || typeof item.inputName !== 'string') continue;
    const kind = typeof item.inputKind === 'string' ? item.inputKind : '';
    inputs.push({ name: item.inputName, kind, muted: muted(item.inputName) });
  }
  return sortInputs(inputs);
}

const collator = new Intl.Collator('sv');

export function sortInputs(inputs: ObsInput[]): ObsInput[] {
  return [...inputs].sort((a, b) => collator.compare(a.name, b.name));
}

export function applyMirrorEvent(mirror: MirrorData, event: MirrorEvent): MirrorData {
  switch (event.type) {
    case 'CurrentProgramSceneChanged':
      return { ...mirror, programScene: event.data.sceneName };
    case 'CurrentPreviewSceneChanged':
      return { ...mirror, previewScene: event.data.sceneName };
    case 'StudioModeStateChanged':
      // Turning studio mode on sends no CurrentPreviewSceneChanged in 5.1: the controller
      // asks for the preview scene. Turning it off means there is no preview any more.
      return event.data.studioModeEnabled
        ? { ...mirror, studioMode: true }
        : { ...mirror, studioMode: false, previewScene: null };
    case 'SceneCreated': {
      if (event.data.isGroup) return mirror; // groups are not in the scene list
      const scene = sceneFrom(event.data);
      // 5.7 sends SceneCreated twice, once after SceneListChanged: already there, keep it.
      if (!scene || mirror.scenes.some((s) => s.name === scene.name)) return mirror;
      return { ...mirror, scenes: withNewScene(mirror, scene) };
    }
    case 'SceneRemoved':
      if (event.data.isGroup) return mirror;
      return { ...mirror, scenes: mirror.scenes.filter((s) => !sameScene(s, event.data)) };
    case 'SceneNameChanged': {
      // 5.1 sends no SceneListChanged for a rename: rename in place.
      const { oldSceneName, sceneName } = event.data;
      const rename = (name: string | null): string | null => (name === oldSceneName ? sceneName : name);
      const renamed = (s: ObsScene): boolean =>
        sameScene(s, { sceneName: oldSceneName, sceneUuid: event.data.sceneUuid });
      return {
        ...mirror,
        scenes: mirror.scenes.map((s) => (renamed(s) ? { ...s, name: sceneName } : s)),
        programScene: rename(mirror.programScene),
        previewScene: rename(mirror.previewScene),
      };
    }
    case 'SceneListChanged':
      return { ...mirror, scenes: scenesFromObs(event.data.scenes) };
    case 'StreamStateChanged':
      return { ...mirror, stream: streamStateFromEvent(event.data.outputActive, event.data.outputState) };
    case 'RecordStateChanged':
      return { ...mirror, record: recordStateFromEvent(event.data.outputActive, event.data.outputState) };
    case 'InputCreated': {
      const { inputName, inputKind } = event.data;
      if (mirror.inputs.some((i) => i.name === inputName)) return mirror;
      // Mute state unknown until the controller asks (GetInputMute); null meanwhile.
      return { ...mirror, inputs: sortInputs([...mirror.inputs, { name: inputName, kind: inputKind, muted: null }]) };
    }
    case 'InputRemoved':
      return { ...mirror, inputs: mirror.inputs.filter((i) => i.name !== event.data.inputName) };
    case 'InputNameChanged': {
      const { oldInputName, inputName } = event.data;
      return {
        ...mirror,
        inputs: sortInputs(mirror.inputs.map((i) => (i.name === oldInputName ? { ...i, name: inputName } : i))),
      };
    }
    case 'InputMuteStateChanged': {
      const { inputName, inputMuted } = event.data;
      return { ...mirror, inputs: mirror.inputs.map((i) => (i.name === inputName ? { ...i, muted: inputMuted } : i)) };
    }
    case 'CurrentSceneCollectionChanging':
    case 'CurrentSceneCollectionChanged':
    case 'ExitStarted':
      return mirror; // the controller reloads or drops the session for these
  }
}

function sceneFrom(value: unknown): ObsScene | null {
  if (!isRecord(value) || typeof value.sceneName !== 'string') return null;
  return typeof value.sceneUuid === 'string'
    ? { name: value.sceneName, uuid: value.sceneUuid }
    : { name: value.sceneName };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
