import type { RequestBatchRequest } from 'obs-websocket-js';
import type { DeviceChoice, Details, TextLanguage } from '../../shared/presets/preset-details';
import type { DeviceOption, Plan, PlanWarning } from '../../shared/presets/preset-plan';
import type { Preset } from '../../shared/presets/preset-schema';
import type { InputSpec } from './input-specs';
import type { ObsSnapshot } from './obs-snapshot';
import type { Owned, Ownership } from './ownership';
import { PlanDraft } from './plan-draft';
import { matchInputs, matchScenes, type MatchedInputs, type MatchedScene } from './plan-matching';
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

const TRANSITION_SETTLE_MS = 150;

/**
 * Pure: a preset and a snapshot of OBS in, the plan and its requests out. Never touches
 * what it does not own: an existing scene or input is changed only when ownership says
 * it is the app's; a taken name makes ours take another ("… (2)") and says so.
 * The phases run in this order, since each uses what the ones before found, and the steps
 * of the plan come out in it.
 */
export function buildPlan(input: PlanInput): BuiltPlan {
  const { preset, snapshot } = input;
  const draft = new PlanDraft(snapshot);
  const inputs = matchInputs(input, draft);
  const scenes = matchScenes(input, draft, inputs);
  const deviceProbes = sceneRequests(input, draft, inputs, scenes);
  inputSettingsRequests(draft, inputs);
  const transition = transitionRequests(input, draft);
  const devices = deviceChecks(input, draft, inputs);
  const mutations = draft.requests.filter((r) => r.mutating).length;
  deviceReads(draft, inputs, deviceProbes);
  if (transition)
    draft.send(
      -1,
      { requestType: 'Sleep', requestData: { sleepMillis: TRANSITION_SETTLE_MS } } as RequestBatchRequest,
      false,
    );

  // Names as OBS has them now; UUIDs of what exists (those of new ones come with the answers).
  const ownership: Ownership = {
    scenes: Object.fromEntries([...scenes].map(([id, s]) => [id, ownedRef(s.name, s.existing?.uuid)])),
    inputs: Object.fromEntries(
      [...inputs.names].map(([key, name]) => [key, ownedRef(name, inputs.owned.get(key)?.uuid)]),
    ),
  };
  return {
    plan: {
      presetId: preset.id,
      scenes: preset.scenes.map((s) => ({
        id: s.id,
        obsName: scenes.get(s.id)!.name,
        status: scenes.get(s.id)!.status,
      })),
      steps: draft.steps,
      warnings: dedupe(draft.warnings),
      mutations,
      devices,
    },
    requests: draft.requests,
    ownership,
    transition,
    deviceProbes,
  };
}

/**
 * Phase 3: the requests scene by scene, items bottom first: scenes and inputs to create,
 * items to add or move. Returns the inputs created now whose device list is read at the end.
 */
function sceneRequests(
  input: PlanInput,
  draft: PlanDraft,
  inputs: MatchedInputs,
  scenes: Map<string, MatchedScene>,
): BuiltPlan['deviceProbes'] {
  const { preset, snapshot } = input;
  const created = new Set<string>();
  const sceneCreates: PlannedRequest[] = [];
  const deviceProbes: BuiltPlan['deviceProbes'] = [];
  let variable = 0;
  for (const scene of preset.scenes) {
    const target = scenes.get(scene.id)!;
    const sceneName = target.name;
    if (target.status === 'create') {
      const s = draft.step({ action: 'create', target: 'scene', name: sceneName });
      sceneCreates.push({
        request: { requestType: 'CreateScene', requestData: { sceneName } },
        step: s,
        mutating: true,
        creates: { scene: scene.id },
      });
    } else draft.step({ action: 'keep', target: 'scene', name: sceneName });
    for (const item of scene.items) {
      for (const spec of inputs.specsBySource.get(item.source) ?? []) {
        const inputName = inputs.names.get(spec.key)!;
        const transform = item.layout ? transformFor(item.layout, spec.role, snapshot.canvas) : null;
        const existingItem = target.existing?.items.find((i) => i.sourceName === inputName);
        const placeTransform = (stepIndex: number, variableName: string) => {
          if (transform)
            draft.send(stepIndex, {
              requestType: 'SetSceneItemTransform',
              requestData: { sceneName, sceneItemTransform: transform },
              inputVariables: { sceneItemId: variableName },
            } as unknown as RequestBatchRequest);
        };
        if (!inputs.owned.has(spec.key) && !created.has(spec.key)) {
          created.add(spec.key);
          const v = `item${variable++}`;
          const s = draft.step({ action: 'create', target: 'input', name: inputName, scene: sceneName });
          draft.send(
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
          const s = draft.step({ action: 'create', target: 'item', name: inputName, scene: sceneName });
          draft.send(s, {
            requestType: 'CreateSceneItem',
            requestData: { sceneName, sourceName: inputName, sceneItemEnabled: true },
            outputVariables: { [v]: 'sceneItemId' },
          } as unknown as RequestBatchRequest);
          placeTransform(s, v);
        } else if (transform && !isSubset(transform, existingItem.transform)) {
          const s = draft.step({ action: 'update', target: 'item', name: inputName, scene: sceneName });
          draft.send(s, {
            requestType: 'SetSceneItemTransform',
            requestData: { sceneName, sceneItemId: existingItem.id, sceneItemTransform: transform },
          });
        }
      }
    }
  }
  // New scenes first, so that OBS's Scenes dock lists them in the preset's order: OBS 29 adds
  // each at the bottom, OBS 30+ right below the program scene (so those go last to first).
  draft.requests.unshift(...((snapshot.obsMajor ?? 0) >= 30 ? sceneCreates.reverse() : sceneCreates));
  return deviceProbes;
}

/** Phase 4: settings of inputs that exist and are ours, changed where they differ. */
function inputSettingsRequests(draft: PlanDraft, inputs: MatchedInputs): void {
  for (const spec of inputs.specs) {
    const existing = inputs.owned.get(spec.key);
    if (!existing) continue;
    if (isSubset(spec.settings, existing.settings))
      draft.step({ action: 'keep', target: 'input', name: existing.name });
    else
      draft.send(draft.step({ action: 'update', target: 'input', name: existing.name }), {
        requestType: 'SetInputSettings',
        requestData: { inputName: existing.name, inputSettings: spec.settings, overlay: true },
      } as RequestBatchRequest);
  }
}

/** Phase 5: the transition, a global OBS setting the preset describes; null when unchanged. */
function transitionRequests(input: PlanInput, draft: PlanDraft): WantedTransition | null {
  const { preset, snapshot } = input;
  const wantedKind = preset.transition.kind === 'cut' ? 'cut_transition' : 'fade_transition';
  const transition = snapshot.transitions.list.find((t) => t.kind === wantedKind);
  if (!transition) return null;
  const changeName = snapshot.transitions.current !== transition.name;
  const changeDuration = !transition.fixed && snapshot.transitions.durationMs !== preset.transition.durationMs;
  if (!changeName && !changeDuration) {
    draft.step({ action: 'keep', target: 'transition', name: transition.name });
    return null;
  }
  // OBS 29 hands transition changes to its UI thread and answers before they take
  // effect: send them first, so the rest of the batch gives them time, and end the
  // batch with a short Sleep, so that a read right after sees them (idempotency).
  const s = draft.step({ action: 'update', target: 'transition', name: transition.name });
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
  draft.requests.unshift(...first);
  return { name: transition.name, durationMs: transition.fixed ? null : preset.transition.durationMs, step: s };
}

/** Phase 6: warns where OBS lists no device, or not the chosen one; the lists for the UI. */
function deviceChecks(input: PlanInput, draft: PlanDraft, inputs: MatchedInputs): Plan['devices'] {
  const deviceLists: Plan['devices'] = { camera: null, microphone: null };
  for (const spec of inputs.specs) {
    if (spec.role !== 'camera' && spec.role !== 'microphone') continue;
    const existing = inputs.owned.get(spec.key);
    const list = existing ? input.snapshot.devices[existing.name] : undefined;
    if (!list) continue;
    deviceLists[spec.role] ??= list;
    draft.warnings.push(...deviceWarnings(spec, list, input.devices));
  }
  return deviceLists;
}

/** Phase 7: reads, at the end of the batch, the device lists of inputs created in it. */
function deviceReads(draft: PlanDraft, inputs: MatchedInputs, probes: BuiltPlan['deviceProbes']): void {
  for (const probe of probes) {
    const spec = inputs.specs.find((s) => s.key === probe.key)!;
    draft.send(
      -1,
      {
        requestType: 'GetInputPropertiesListPropertyItems',
        requestData: { inputName: probe.inputName, propertyName: devicePropertyName(spec) },
      } as RequestBatchRequest,
      false,
    );
  }
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
