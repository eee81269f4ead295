import type { SnapshotInput, SnapshotScene } from './obs-snapshot';
import type { PlanInput } from './plan-builder';
import type { PlanDraft } from './plan-draft';
import { specsFor, type InputSpec } from './input-specs';
import { markerOf, type Owned } from './ownership';

const SCENE_SEPARATOR = ' – ';
const INPUT_SEPARATOR = ' · ';

/** The preset's inputs: their specs, which OBS inputs are ours, and the name each has in OBS. */
export interface MatchedInputs {
  specsBySource: Map<string, InputSpec[]>;
  /** Every spec, in the preset's order of sources. */
  specs: InputSpec[];
  /** Input key → the OBS input that is ours for it. */
  owned: Map<string, SnapshotInput>;
  /** Input key → its name in OBS (existing, or a free one for a new input). */
  names: Map<string, string>;
}

export interface MatchedScene {
  name: string;
  existing: SnapshotScene | null;
  status: 'create' | 'keep' | 'relink';
}

/** Phase 1: which existing OBS input (by the marker in its settings) is ours for each spec. */
export function matchInputs(input: PlanInput, draft: PlanDraft): MatchedInputs {
  const { preset, snapshot } = input;
  const ctx = { ...input, platform: snapshot.platform, kinds: new Set(snapshot.inputKinds), canvas: snapshot.canvas };
  const usedSources = new Set(preset.scenes.flatMap((s) => s.items.map((i) => i.source)));
  const specsBySource = new Map<string, InputSpec[]>();
  for (const source of preset.sources) {
    if (usedSources.has(source.id)) specsBySource.set(source.id, specsFor(source, ctx, draft.warnings));
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
  const specs = [...specsBySource.values()].flat();
  const names = new Map<string, string>();
  for (const spec of specs) {
    const existing = owned.get(spec.key);
    names.set(spec.key, existing ? existing.name : draft.freeName(`${preset.name}${INPUT_SEPARATOR}${spec.label}`));
  }
  return { specsBySource, specs, owned, names };
}

/**
 * Phase 2: which OBS scene is each preset scene's. Recorded and present (by UUID where both
 * have one, else by name): ours; else, without a UUID to go by, re-linked by content (the
 * same inputs of ours); else created under a free name.
 */
export function matchScenes(input: PlanInput, draft: PlanDraft, inputs: MatchedInputs): Map<string, MatchedScene> {
  const { preset, snapshot } = input;
  const sceneByName = new Map(snapshot.scenes.map((s) => [s.name, s]));
  const sceneByUuid = new Map(snapshot.scenes.flatMap((s) => (s.uuid ? [[s.uuid, s] as const] : [])));
  const byUuid = (recorded: Owned | undefined): boolean => recorded?.uuid !== undefined && sceneByUuid.size > 0;
  const claimed = new Set<string>();
  const matched = new Map<string, MatchedScene>();
  const create = (sceneName: string): MatchedScene => ({
    name: draft.freeName(`${preset.name}${SCENE_SEPARATOR}${sceneName}`),
    existing: null,
    status: 'create',
  });

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
      if (renamed) draft.warnings.push({ code: 'relinked', params: { scene: scene.name, name: present.name } });
      matched.set(scene.id, { name: present.name, existing: present, status: renamed ? 'relink' : 'keep' });
    }
  }
  for (const scene of preset.scenes) {
    if (matched.has(scene.id)) continue;
    // A recorded UUID OBS no longer has: the scene was deleted, whatever now bears its name.
    if (byUuid(input.ownership.scenes[scene.id])) {
      matched.set(scene.id, create(scene.name));
      continue;
    }
    const signature = new Set(
      scene.items.flatMap((item) =>
        (inputs.specsBySource.get(item.source) ?? [])
          .filter((s) => inputs.owned.has(s.key))
          .map((s) => inputs.owned.get(s.key)!.name),
      ),
    );
    const candidates =
      signature.size === 0
        ? []
        : snapshot.scenes.filter((s) => !claimed.has(s.name) && sameSet(ownedItemsOf(s, inputs.owned), signature));
    if (candidates.length === 1) {
      const found = candidates[0]!;
      claimed.add(found.name);
      draft.warnings.push({ code: 'relinked', params: { scene: scene.name, name: found.name } });
      matched.set(scene.id, { name: found.name, existing: found, status: 'relink' });
      continue;
    }
    matched.set(scene.id, create(scene.name));
  }
  return matched;
}

function ownedItemsOf(scene: SnapshotScene, owned: Map<string, SnapshotInput>): Set<string> {
  const ours = new Set([...owned.values()].map((i) => i.name));
  return new Set(scene.items.map((i) => i.sourceName).filter((name) => ours.has(name)));
}

const sameSet = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));
