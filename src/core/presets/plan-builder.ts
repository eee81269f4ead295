import type { RequestBatchRequest } from 'obs-websocket-js';
import type { DeviceChoice, Details, TextLanguage } from '../../shared/presets/preset-details';
import type { DeviceOption, Plan, PlanStep, PlanWarning } from '../../shared/presets/preset-plan';
import type { Preset } from '../../shared/presets/preset-schema';
import { specsFor, type InputSpec } from './input-specs';
import type { ObsSnapshot, SnapshotInput, SnapshotScene } from './obs-snapshot';
import { markerOf, type Owned, type Ownership } from './ownership';
import { isSubset, transformFor } from './transforms';

export interface PlanInput {
  preset: Preset;
  details: Details;
  devices: DeviceChoice;
  language: TextLanguage;
  snapshot: ObsSnapshot;
  /** What the app created for this preset before (see ownership.ts). */
  ownership: Ownership;
}

/** One request of the apply batch, tied to the plan step it carries out. */
export interface PlannedRequest {
  request: RequestBatchRequest;
  step: number;
  mutating: boolean;
  /** CreateScene / CreateInput: the preset scene id or input key whose UUID its answer carries. */
  creates?: { scene: string } | { input: string };
}

export interface BuiltPlan {
  plan: Plan;
  requests: PlannedRequest[];
  /** The ownership record to save before sending the requests. */
  ownership: Ownership;
  /** The transition the batch sets, to check afterwards (see settleTransition); null when unchanged. */
  transition: WantedTransition | null;
  /** Inputs created now whose device list is read at the end of the batch (key → input name). */
  deviceProbes: { key: string; inputName: string; role: 'camera' | 'microphone' }[];
}

export interface WantedTransition {
  name: string;
  /** null for fixed transitions (Cut). */
  durationMs: number | null;
  step: number;
}

const SCENE_SEPARATOR = ' – ';
const TRANSITION_SETTLE_MS = 150;
const INPUT_SEPARATOR = ' · ';

/**
 * Pure: a preset and a snapshot of OBS in, the plan and its requests out. Never touches
 * what it does not own: an existing scene or input is changed only when ownership says
 * it is the app's; a taken name makes ours take another ("… (2)") and says so.
 */
export function buildPlan(input: PlanInput): BuiltPlan {
  const { preset, snapshot } = input;
  const warnings: PlanWarning[] = [];
  const steps: PlanStep[] = [];
  const requests: PlannedRequest[] = [];
  const used = new Set<string>([...snapshot.scenes.map((s) => s.name), ...snapshot.inputs.map((i) => i.name)]);
  const step = (s: PlanStep): number => steps.push(s) - 1;
  const send = (
    stepIndex: number,
    request: RequestBatchRequest,
    mutating = true,
    creates?: PlannedRequest['creates'],
  ) => requests.push({ request, step: stepIndex, mutating, ...(creates ? { creates } : {}) });

  const freeName = (wanted: string): string => {
    let name = wanted;
    for (let n = 2; used.has(name); n += 1) name = `${wanted} (${n})`;
    if (name !== wanted) warnings.push({ code: 'nameTaken', params: { name: wanted, instead: name } });
    used.add(name);
    return name;
  };

  // ---- inputs: the specs, and which existing input (by marker) is ours for each
  const ctx = { ...input, platform: snapshot.platform, kinds: new Set(snapshot.inputKinds), canvas: snapshot.canvas };
  const usedSources = new Set(preset.scenes.flatMap((s) => s.items.map((i) => i.source)));
  const specsBySource = new Map<string, InputSpec[]>();
  for (const source of preset.sources) {
    if (usedSources.has(source.id)) specsBySource.set(source.id, specsFor(source, ctx, warnings));
  }
  // An input copied in OBS carries our marker too: the one with the recorded UUID is ours.
  const owned = new Map<string, SnapshotInput>();
  for (const obsInput of snapshot.inputs) {
    const marker = markerOf(obsInput.settings);
    if (marker?.presetId !== preset.id) continue;
    const recordedUuid = input.ownership.inputs[marker.key]?.uuid;
    const current = owned.get(marker.key);
    if (!current || (obsInput.uuid !== undefined && obsInput.uuid === recordedUuid && current.uuid !== recordedUuid))
      owned.set(marker.key, obsInput);
  }
  const inputNames = new Map<string, string>();
  for (const spec of [...specsBySource.values()].flat()) {
    const existing = owned.get(spec.key);
    inputNames.set(spec.key, existing ? existing.name : freeName(`${preset.name}${INPUT_SEPARATOR}${spec.label}`));
  }

  // ---- scenes: recorded and present (by UUID where both have one, else by name) → ours;
  // else, without a UUID to go by, re-link by content; else create
  const sceneByName = new Map(snapshot.scenes.map((s) => [s.name, s]));
  const sceneByUuid = new Map(snapshot.scenes.flatMap((s) => (s.uuid ? [[s.uuid, s] as const] : [])));
  const byUuid = (recorded: Owned | undefined): boolean => recorded?.uuid !== undefined && sceneByUuid.size > 0;
  const claimed = new Set<string>();
  const sceneNames = new Map<
    string,
    { name: string; existing: SnapshotScene | null; status: 'create' | 'keep' | 'relink' }
  >();
  for (const scene of preset.scenes) {
    const recorded = input.ownership.scenes[scene.id];
    const present = recorded
      ? byUuid(recorded)
        ? sceneByUuid.get(recorded.uuid!)
        : sceneByName.get(recorded.name)
      : undefined;
    if (present && !claimed.has(present.name)) {
      claimed.add(present.name);
      const renamed = present.name !== recorded!.name;
      if (renamed) warnings.push({ code: 'relinked', params: { scene: scene.name, name: present.name } });
      sceneNames.set(scene.id, { name: present.name, existing: present, status: renamed ? 'relink' : 'keep' });
    }
  }
  for (const scene of preset.scenes) {
    if (sceneNames.has(scene.id)) continue;
    // A recorded UUID OBS no longer has: the scene was deleted, whatever now bears its name.
    if (byUuid(input.ownership.scenes[scene.id])) {
      sceneNames.set(scene.id, {
        name: freeName(`${preset.name}${SCENE_SEPARATOR}${scene.name}`),
        existing: null,
        status: 'create',
      });
      continue;
    }
    const signature = new Set(
      scene.items.flatMap((item) =>
        (specsBySource.get(item.source) ?? []).filter((s) => owned.has(s.key)).map((s) => owned.get(s.key)!.name),
      ),
    );
    const candidates =
      signature.size === 0
        ? []
        : snapshot.scenes.filter((s) => !claimed.has(s.name) && sameSet(ownedItemsOf(s, owned, preset.id), signature));
    if (candidates.length === 1) {
      const found = candidates[0]!;
      claimed.add(found.name);
      warnings.push({ code: 'relinked', params: { scene: scene.name, name: found.name } });
      sceneNames.set(scene.id, { name: found.name, existing: found, status: 'relink' });
      continue;
    }
    sceneNames.set(scene.id, {
      name: freeName(`${preset.name}${SCENE_SEPARATOR}${scene.name}`),
      existing: null,
      status: 'create',
    });
  }

  // ---- requests, scene by scene, items bottom first
  const created = new Set<string>();
  const sceneCreates: PlannedRequest[] = [];
  const deviceProbes: BuiltPlan['deviceProbes'] = [];
  let variable = 0;
  for (const scene of preset.scenes) {
    const target = sceneNames.get(scene.id)!;
    const sceneName = target.name;
    if (target.status === 'create') {
      const s = step({ action: 'create', target: 'scene', name: sceneName });
      sceneCreates.push({
        request: { requestType: 'CreateScene', requestData: { sceneName } },
        step: s,
        mutating: true,
        creates: { scene: scene.id },
      });
    } else step({ action: 'keep', target: 'scene', name: sceneName });
    for (const item of scene.items) {
      for (const spec of specsBySource.get(item.source) ?? []) {
        const inputName = inputNames.get(spec.key)!;
        const transform = item.layout ? transformFor(item.layout, spec.role, snapshot.canvas) : null;
        const existingItem = target.existing?.items.find((i) => i.sourceName === inputName);
        const placeTransform = (stepIndex: number, variableName: string) => {
          if (transform)
            send(stepIndex, {
              requestType: 'SetSceneItemTransform',
              requestData: { sceneName, sceneItemTransform: transform },
              inputVariables: { sceneItemId: variableName },
            } as unknown as RequestBatchRequest);
        };
        if (!owned.has(spec.key) && !created.has(spec.key)) {
          created.add(spec.key);
          const v = `item${variable++}`;
          const s = step({ action: 'create', target: 'input', name: inputName, scene: sceneName });
          send(
            s,
            {
              requestType: 'CreateInput',
              requestData: {
                sceneName,
                inputName,
                inputKind: spec.kind,
                inputSettings: spec.settings,
                sceneItemEnabled: true,
              },
              outputVariables: { [v]: 'sceneItemId' },
            } as unknown as RequestBatchRequest,
            true,
            { input: spec.key },
          );
          placeTransform(s, v);
          if (spec.role === 'camera' || spec.role === 'microphone')
            deviceProbes.push({ key: spec.key, inputName, role: spec.role });
        } else if (!existingItem) {
          const v = `item${variable++}`;
          const s = step({ action: 'create', target: 'item', name: inputName, scene: sceneName });
          send(s, {
            requestType: 'CreateSceneItem',
            requestData: { sceneName, sourceName: inputName, sceneItemEnabled: true },
            outputVariables: { [v]: 'sceneItemId' },
          } as unknown as RequestBatchRequest);
          placeTransform(s, v);
        } else if (transform && !isSubset(transform, existingItem.transform)) {
          const s = step({ action: 'update', target: 'item', name: inputName, scene: sceneName });
          send(s, {
            requestType: 'SetSceneItemTransform',
            requestData: { sceneName, sceneItemId: existingItem.id, sceneItemTransform: transform },
          });
        }
      }
    }
  }

  // New scenes first, so that OBS's Scenes dock lists them in the preset's order: OBS 29 adds
  // each at the bottom, OBS 30+ right below the program scene (so those go last to first).
  requests.unshift(...((snapshot.obsMajor ?? 0) >= 30 ? sceneCreates.reverse() : sceneCreates));

  // ---- settings of inputs that exist and are ours
  for (const spec of [...specsBySource.values()].flat()) {
    const existing = owned.get(spec.key);
    if (!existing) continue;
    if (isSubset(spec.settings, existing.settings)) step({ action: 'keep', target: 'input', name: existing.name });
    else
      send(step({ action: 'update', target: 'input', name: existing.name }), {
        requestType: 'SetInputSettings',
        requestData: { inputName: existing.name, inputSettings: spec.settings, overlay: true },
      } as RequestBatchRequest);
  }

  // ---- transition (a global OBS setting the preset describes)
  let settleAfter = false;
  let wantedTransition: WantedTransition | null = null;
  const wantedKind = preset.transition.kind === 'cut' ? 'cut_transition' : 'fade_transition';
  const transition = snapshot.transitions.list.find((t) => t.kind === wantedKind);
  if (transition) {
    const changeName = snapshot.transitions.current !== transition.name;
    const changeDuration = !transition.fixed && snapshot.transitions.durationMs !== preset.transition.durationMs;
    if (changeName || changeDuration) {
      // OBS 29 hands transition changes to its UI thread and answers before they take
      // effect: send them first, so the rest of the batch gives them time, and end the
      // batch with a short Sleep, so that a read right after sees them (idempotency).
      const s = step({ action: 'update', target: 'transition', name: transition.name });
      const first: PlannedRequest[] = [];
      if (changeName)
        first.push({
          step: s,
          mutating: true,
          request: { requestType: 'SetCurrentSceneTransition', requestData: { transitionName: transition.name } },
        });
      if (changeDuration)
        first.push({
          step: s,
          mutating: true,
          request: {
            requestType: 'SetCurrentSceneTransitionDuration',
            requestData: { transitionDuration: preset.transition.durationMs },
          },
        });
      requests.unshift(...first);
      settleAfter = true;
      wantedTransition = {
        name: transition.name,
        durationMs: transition.fixed ? null : preset.transition.durationMs,
        step: s,
      };
    } else {
      step({ action: 'keep', target: 'transition', name: transition.name });
    }
  }

  // ---- devices: warn where OBS lists none, or not the chosen one
  const deviceLists: Plan['devices'] = { camera: null, microphone: null };
  for (const spec of [...specsBySource.values()].flat()) {
    if (spec.role !== 'camera' && spec.role !== 'microphone') continue;
    const existing = owned.get(spec.key);
    const list = existing ? snapshot.devices[existing.name] : undefined;
    if (!list) continue;
    deviceLists[spec.role] ??= list;
    warnings.push(...deviceWarnings(spec, list, input.devices));
  }
  const mutations = requests.filter((r) => r.mutating).length;
  for (const probe of deviceProbes) {
    const spec = [...specsBySource.values()].flat().find((s) => s.key === probe.key)!;
    send(
      -1,
      {
        requestType: 'GetInputPropertiesListPropertyItems',
        requestData: { inputName: probe.inputName, propertyName: devicePropertyName(spec) },
      } as RequestBatchRequest,
      false,
    );
  }

  if (settleAfter)
    send(
      -1,
      { requestType: 'Sleep', requestData: { sleepMillis: TRANSITION_SETTLE_MS } } as RequestBatchRequest,
      false,
    );

  // Names as OBS has them now; UUIDs of what exists (those of new ones come with the answers).
  const ownership: Ownership = {
    scenes: Object.fromEntries([...sceneNames].map(([id, s]) => [id, ownedRef(s.name, s.existing?.uuid)])),
    inputs: Object.fromEntries([...inputNames].map(([key, name]) => [key, ownedRef(name, owned.get(key)?.uuid)])),
  };
  return {
    plan: {
      presetId: preset.id,
      scenes: preset.scenes.map((s) => ({
        id: s.id,
        obsName: sceneNames.get(s.id)!.name,
        status: sceneNames.get(s.id)!.status,
      })),
      steps,
      warnings: dedupe(warnings),
      mutations,
      devices: deviceLists,
    },
    requests,
    ownership,
    transition: wantedTransition,
    deviceProbes,
  };
}

function devicePropertyName(spec: InputSpec): string {
  if (spec.kind === 'dshow_input') return 'video_device_id';
  if (spec.kind.startsWith('av_capture')) return 'device';
  return 'device_id';
}

export function deviceWarnings(
  spec: Pick<InputSpec, 'role' | 'label' | 'deviceSlot'>,
  list: DeviceOption[],
  devices: DeviceChoice,
): PlanWarning[] {
  if (list.length === 0)
    return [{ code: spec.role === 'camera' ? 'cameraNotFound' : 'micNotFound', params: { source: spec.label } }];
  const chosen = spec.deviceSlot ? devices[spec.deviceSlot] : undefined;
  if (chosen && !list.some((d) => d.value === chosen)) return [{ code: 'deviceGone', params: { source: spec.label } }];
  return [];
}

function ownedItemsOf(scene: SnapshotScene, owned: Map<string, SnapshotInput>, _presetId: string): Set<string> {
  const ours = new Set([...owned.values()].map((i) => i.name));
  return new Set(scene.items.map((i) => i.sourceName).filter((name) => ours.has(name)));
}

const sameSet = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));

function dedupe(warnings: PlanWarning[]): PlanWarning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = JSON.stringify(w);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const ownedRef = (name: string, uuid: string | undefined): Owned => (uuid ? { name, uuid } : { name });
