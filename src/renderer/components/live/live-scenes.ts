import type { LiveLayout } from '../../../shared/live/live-state';
import type { ObsScene } from '../../../shared/obs-state';

export interface SceneEntry {
  label: string;
  obsName: string;
}

/**
 * The buttons 1–9 stand for: the applied preset's scenes in its order, or without a preset
 * OBS's own list. Other OBS scenes are reachable but apart, and have no number.
 */
export function splitScenes(
  layout: LiveLayout | null,
  scenes: readonly ObsScene[],
): { main: SceneEntry[]; other: SceneEntry[] } {
  if (!layout) return { main: scenes.map((s) => ({ label: s.name, obsName: s.name })), other: [] };
  const ours = new Set(layout.scenes.map((s) => s.obsName));
  return {
    // OBS's names, not the preset's: staff see the same name here and in OBS.
    main: layout.scenes.map((s) => ({ label: s.obsName, obsName: s.obsName })),
    other: scenes.filter((s) => !ours.has(s.name)).map((s) => ({ label: s.name, obsName: s.name })),
  };
}
