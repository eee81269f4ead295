import type { ObsState } from '../../shared/obs-state';

/** How a request names a scene: by UUID where OBS has them (obs-websocket 5.4+), else by name. */
export type SceneRef = { sceneUuid: string } | { sceneName: string };

/** Whether this OBS takes UUIDs in requests: its version says so, or its scenes carry them. */
export function obsHasUuids(state: Pick<ObsState, 'versions' | 'scenes'>): boolean {
  if (state.scenes.some((s) => s.uuid)) return true;
  const [major = 0, minor = 0] = (state.versions?.obsWebSocketVersion ?? '').split('.').map(Number);
  // UUIDs came with obs-websocket 5.4 (OBS 30.1); OBS 30.0's 5.3 would refuse a sceneUuid.
  return major > 5 || (major === 5 && minor >= 4);
}

/**
 * The scene `sceneName` as a request should name it: the UUID given (e.g. from what a preset
 * recorded) or the mirror's for that name; the name on 5.1, which has no UUIDs.
 */
export function sceneRef(state: Pick<ObsState, 'versions' | 'scenes'>, sceneName: string, uuid?: string): SceneRef {
  if (!obsHasUuids(state)) return { sceneName };
  const known = uuid ?? state.scenes.find((s) => s.name === sceneName)?.uuid;
  return known ? { sceneUuid: known } : { sceneName };
}
