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
 * GetSceneList / SceneListChanged list scenes bottom-up (index 0 is the last scene in OBS's
 * Scenes dock); people expect the dock's top-down order, so this reverses the list.
 * obs-websocket 5.1 has no scene UUIDs; 5.3+ does.
 */
export function scenesFromObs(list: unknown): ObsScene[] {
  if (!Array.isArray(list)) return [];
  const scenes: ObsScene[] = [];
  for (const item of list) {
    const scene = sceneFrom(item);
    if (scene) scenes.push(scene);
  }
  return scenes.reverse();
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
      if (!scene || mirror.scenes.some((s) => s.name === scene.name)) return mirror;
      // OBS appends new scenes at the bottom of the dock (SceneListChanged confirms the order).
      return { ...mirror, scenes: [...mirror.scenes, scene] };
    }
    case 'SceneRemoved':
      if (event.data.isGroup) return mirror;
      return { ...mirror, scenes: mirror.scenes.filter((s) => s.name !== event.data.sceneName) };
    case 'SceneNameChanged': {
      // 5.1 sends no SceneListChanged for a rename: rename in place.
      const { oldSceneName, sceneName } = event.data;
      const rename = (name: string | null): string | null => (name === oldSceneName ? sceneName : name);
      return {
        ...mirror,
        scenes: mirror.scenes.map((s) => (s.name === oldSceneName ? { ...s, name: sceneName } : s)),
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
      return { ...mirror, inputs: sortInputs(mirror.inputs.map((i) => (i.name === oldInputName ? { ...i, name: inputName } : i))) };
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
  return typeof value.sceneUuid === 'string' ? { name: value.sceneName, uuid: value.sceneUuid } : { name: value.sceneName };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
