import type { RequestBatchRequest, ResponseMessage } from 'obs-websocket-js';
import type { ObsState } from '../../shared/obs-state';
import type { DeviceOption } from '../../shared/presets/preset-plan';
import { appError } from '../../shared/errors';
import { fail, ok, type Result } from '../../shared/result';
import { devicePropertyOf } from './input-kinds';

/** What the planner needs to know about OBS, read in one round trip. */
export interface ObsSnapshot {
  platform: string;
  /** OBS's major version (29, 30, 32…); where new scenes land in the dock depends on it. */
  obsMajor?: number;
  inputKinds: string[];
  canvas: { width: number; height: number };
  scenes: SnapshotScene[];
  inputs: SnapshotInput[];
  transitions: {
    current: string | null;
    durationMs: number | null;
    list: { name: string; kind: string; fixed: boolean }[];
  };
  /** Device lists of camera/microphone inputs, by input name. */
  devices: Record<string, DeviceOption[]>;
}
export interface SnapshotScene {
  name: string;
  /** obs-websocket 5.4+ only. */
  uuid?: string;
  items: SnapshotItem[];
}
export interface SnapshotItem {
  id: number;
  sourceName: string;
  transform: Record<string, unknown>;
}
export interface SnapshotInput {
  name: string;
  /** obs-websocket 5.4+ only. */
  uuid?: string;
  kind: string;
  settings: Record<string, unknown>;
}

/** The part of the OBS controller presets use: its mirror (names) and batches. */
export interface PresetObs {
  readonly state: ObsState;
  callBatch(requests: RequestBatchRequest[], opts?: { timeoutMs?: number }): Promise<Result<ResponseMessage[]>>;
}

const MAX_ATTEMPTS = 3;

export interface SnapshotOptions {
  /**
   * Default true. false: no device lists (they only feed warnings, not the changes). Listing a
   * capture device's options makes the driver enumerate devices, which is slow, and OBS 30's v4l2
   * plugin crashes OBS when that meets a camera being deactivated by a scene switch.
   */
  devices?: boolean;
}

/**
 * Reads scenes with their items, inputs with their settings, kinds, canvas, transitions and
 * device lists in one RequestBatch. The names to ask about come from the mirror; if OBS's
 * lists in the same batch disagree (something changed meanwhile), it reads again with those.
 */
export async function readSnapshot(
  obs: PresetObs,
  countRoundTrip: () => void,
  options: SnapshotOptions = {},
): Promise<Result<ObsSnapshot>> {
  // Items are read by UUID where OBS has them: a scene deleted or renamed meanwhile cannot
  // lend its name to another (OBS frees names a moment after answering).
  let sceneRefs: { name: string; uuid?: string | undefined }[] = obs.state.scenes.map((s) => ({
    name: s.name,
    uuid: s.uuid,
  }));
  let inputs = obs.state.inputs.map((i) => ({ name: i.name, kind: i.kind }));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const deviceInputs = options.devices === false ? [] : inputs.filter((i) => devicePropertyOf(i.kind) !== null);
    const requests = [
      { requestType: 'GetSceneList' },
      { requestType: 'GetInputList', requestData: {} },
      { requestType: 'GetInputKindList', requestData: { unversioned: false } },
      { requestType: 'GetVideoSettings' },
      { requestType: 'GetSceneTransitionList' },
      { requestType: 'GetCurrentSceneTransition' },
      ...sceneRefs.map((s) => ({
        requestType: 'GetSceneItemList',
        requestData: s.uuid ? { sceneUuid: s.uuid } : { sceneName: s.name },
      })),
      ...inputs.map((i) => ({ requestType: 'GetInputSettings', requestData: { inputName: i.name } })),
      ...deviceInputs.map((i) => ({
        requestType: 'GetInputPropertiesListPropertyItems',
        requestData: { inputName: i.name, propertyName: devicePropertyOf(i.kind) },
      })),
    ] as RequestBatchRequest[];
    countRoundTrip();
    const reply = await obs.callBatch(requests);
    if (!reply.ok) return reply;
    const r = reply.value;
    const data = (i: number): Record<string, unknown> | null => {
      const item = r[i];
      return item?.requestStatus.result
        ? ((item as { responseData?: Record<string, unknown> }).responseData ?? {})
        : null;
    };
    const sceneList = data(0);
    const inputList = data(1);
    const kinds = data(2);
    const video = data(3);
    const transitions = data(4);
    const currentTransition = data(5);
    if (!sceneList || !inputList || !kinds || !video || !transitions) {
      return fail(
        appError('OBS_REQUEST_FAILED', {
          request: 'RequestBatch',
          status: 0,
          comment: 'could not read the state of OBS',
        }),
      );
    }
    const freshScenes = (sceneList.scenes as { sceneName: string; sceneUuid?: unknown }[]).map((s) => ({
      name: s.sceneName,
      uuid: uuidOf(s.sceneUuid),
    }));
    const sceneKey = (list: { name: string; uuid?: string | undefined }[]) =>
      JSON.stringify(list.map((s) => `${s.name}\u0000${s.uuid ?? ''}`).sort());
    const freshInputs = (inputList.inputs as { inputName: string; inputKind: string; inputUuid?: unknown }[]).map(
      (i) => ({ name: i.inputName, kind: i.inputKind, uuid: uuidOf(i.inputUuid) }),
    );
    const sameNames =
      sceneKey(freshScenes) === sceneKey(sceneRefs) &&
      JSON.stringify(freshInputs.map((i) => i.name).sort()) === JSON.stringify(inputs.map((i) => i.name).sort());
    if (!sameNames) {
      sceneRefs = freshScenes;
      inputs = freshInputs;
      continue;
    }
    let at = 6;
    const scenes: SnapshotScene[] = sceneRefs.map(({ name, uuid }) => {
      const items = (data(at++)?.sceneItems ?? []) as {
        sceneItemId: number;
        sourceName: string;
        sceneItemTransform: Record<string, unknown>;
      }[];
      return {
        name,
        ...withUuid(uuid),
        items: items.map((item) => ({
          id: item.sceneItemId,
          sourceName: item.sourceName,
          transform: item.sceneItemTransform,
        })),
      };
    });
    const uuidByInput = new Map(freshInputs.map((i) => [i.name, i.uuid]));
    const snapshotInputs: SnapshotInput[] = inputs.map((input) => ({
      name: input.name,
      kind: input.kind,
      ...withUuid(uuidByInput.get(input.name)),
      settings: ((data(at++)?.inputSettings ?? {}) as Record<string, unknown>) ?? {},
    }));
    const devices: Record<string, DeviceOption[]> = {};
    for (const input of deviceInputs) {
      const items = (data(at++)?.propertyItems ?? null) as
        { itemName: string; itemValue: unknown; itemEnabled: boolean }[] | null;
      if (items)
        devices[input.name] = items
          .filter((i) => i.itemEnabled !== false)
          .map((i) => ({ value: String(i.itemValue), name: i.itemName }));
    }
    const list = (transitions.transitions ?? []) as {
      transitionName: string;
      transitionKind: string;
      transitionFixed: boolean;
    }[];
    return ok({
      platform: obs.state.versions?.platform ?? 'linux',
      obsMajor: Number.parseInt(obs.state.versions?.obsVersion ?? '', 10) || undefined,
      inputKinds: (kinds.inputKinds ?? []) as string[],
      canvas: { width: Number(video.baseWidth) || 1920, height: Number(video.baseHeight) || 1080 },
      scenes,
      inputs: snapshotInputs,
      transitions: {
        current:
          typeof transitions.currentSceneTransitionName === 'string' ? transitions.currentSceneTransitionName : null,
        durationMs:
          typeof currentTransition?.transitionDuration === 'number' ? currentTransition.transitionDuration : null,
        list: list.map((t) => ({ name: t.transitionName, kind: t.transitionKind, fixed: t.transitionFixed })),
      },
      devices,
    });
  }
  return fail(appError('PRESET_OBS_BUSY'));
}

const uuidOf = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const withUuid = (uuid: string | undefined): { uuid?: string } => (uuid ? { uuid } : {});
