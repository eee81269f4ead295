import type { PresetEntry } from '../../shared/contract/presets';
import type { LiveLayout } from '../../shared/live/live-state';
import type { ObsState } from '../../shared/obs-state';
import type { Ownership } from '../presets/ownership';

/**
 * Which preset is applied, in OBS names. OBS does not record that, so it is the preset whose
 * recorded scenes are most present in OBS now; a tie goes to the one holding the program
 * scene. Null when no preset's scenes are in OBS.
 */
export function findLiveLayout(
  entries: readonly PresetEntry[],
  ownership: (presetId: string) => Ownership,
  obs: Pick<ObsState, 'scenes' | 'programScene' | 'inputs'>,
): LiveLayout | null {
  const inObs = new Set(obs.scenes.map((s) => s.name));
  // A scene just created has its UUID in the mirror before the record has it.
  const uuidOf = new Map(obs.scenes.flatMap((s) => (s.uuid ? [[s.name, s.uuid] as const] : [])));
  let best: { layout: LiveLayout; score: number } | null = null;
  for (const { preset } of entries) {
    const own = ownership(preset.id);
    const scenes = preset.scenes.flatMap((scene) => {
      const owned = own.scenes[scene.id];
      return owned && inObs.has(owned.name)
        ? [{ scene, obsName: owned.name, uuid: owned.uuid ?? uuidOf.get(owned.name) }]
        : [];
    });
    if (scenes.length === 0) continue;
    const mics = preset.sources.flatMap((source) =>
      source.role === 'microphone' && own.inputs[source.id]
        ? [{ id: source.id, inputName: own.inputs[source.id]!.name, label: source.label, slot: source.slot }]
        : [],
    );
    const mainSlot = Math.min(...mics.map((m) => m.slot));
    const micName = (id: string) => mics.find((m) => m.id === id)?.inputName;
    const safe = own.scenes[preset.safeSceneId]?.name;
    const layout: LiveLayout = {
      presetId: preset.id,
      presetName: preset.name,
      scenes: scenes.map(({ scene, obsName, uuid }) => ({
        sceneId: scene.id,
        label: scene.name,
        obsName,
        ...(uuid ? { obsUuid: uuid } : {}),
        liveMics: scene.liveMics.flatMap((id) => micName(id) ?? []),
      })),
      safeScene: safe && inObs.has(safe) ? safe : null,
      mics: mics.map((m, i) => ({
        inputName: m.inputName,
        label: m.label,
        main: m.slot === mainSlot && mics.findIndex((x) => x.slot === mainSlot) === i,
      })),
      transition: preset.transition,
    };
    const score = scenes.length * 2 + (scenes.some((s) => s.obsName === obs.programScene) ? 1 : 0);
    if (!best || score > best.score) best = { layout, score };
  }
  return best?.layout ?? null;
}
