import type { PresetFacts } from '../../shared/checklist/evaluate';
import type { PresetEntry } from '../../shared/contract/presets';
import type { ApplyResult, Plan } from '../../shared/presets/preset-plan';
import type { Result } from '../../shared/result';
import { ownedName, type Ownership } from '../presets/ownership';

/** What the checklist needs of the presets domain (PresetsService fits). */
export interface ChecklistPresets {
  find(presetId: string): Result<PresetEntry>;
  ownership(presetId: string): Ownership;
  plan(presetId: string, options?: { devices?: boolean }): Promise<Result<Plan>>;
  apply(presetId: string): Promise<Result<ApplyResult>>;
}

/** The preset in OBS names, from what the app recorded when it applied it (current names: PresetsService.ownership). */
export function presetFacts(entry: PresetEntry, ownership: Ownership, mutations: number | null): PresetFacts {
  const { preset } = entry;
  const sceneName = (id: string | undefined): string | null => ownedName(ownership.scenes, id);
  const inputsOf = (role: 'microphone' | 'camera') =>
    preset.sources
      .filter((s) => s.role === role)
      .sort((a, b) => ('slot' in a && 'slot' in b ? a.slot - b.slot : 0))
      .flatMap((s) => (ownership.inputs[s.id] ? [{ id: s.id, name: ownership.inputs[s.id]!.name }] : []));
  const mics = inputsOf('microphone');
  const mainMic = mics[0]?.id;
  const micScene = mainMic === undefined ? undefined : preset.scenes.find((s) => s.liveMics.includes(mainMic))?.id;
  return {
    id: preset.id,
    name: preset.name,
    scenes: preset.scenes.map((s) => ({ label: s.name, obsName: sceneName(s.id) })),
    mics: mics.map((m) => m.name),
    cameras: inputsOf('camera').map((c) => c.name),
    startingScene: sceneName(preset.startingSceneId),
    closingScene: sceneName(preset.closingSceneId),
    micScene: sceneName(micScene),
    mutations,
  };
}
