import { describe, expect, it } from 'vitest';
import { builtInPresets } from '../../../src/core/presets/built-ins';
import { findLiveLayout } from '../../../src/core/live/live-layout';
import { emptyOwnership, type Ownership } from '../../../src/core/presets/ownership';

describe('findLiveLayout', () => {
  const entries = builtInPresets('sv').map((preset) => ({ preset, builtIn: true, details: {}, devices: {} }));
  const story = entries.find((e) => e.preset.id === 'builtin-story-time')!.preset;
  const own: Ownership = {
    scenes: Object.fromEntries(story.scenes.map((s) => [s.id, `Sagostund – ${s.name}`])),
    inputs: { microphone: 'Sagostund · Mikrofon' },
  };
  const ownership = (id: string) => (id === story.id ? own : emptyOwnership());

  it("gives the preset's scenes in its order with OBS names, the safe scene and the mics", () => {
    const names = Object.values(own.scenes);
    const layout = findLiveLayout(entries, ownership, { scenes: [...names].reverse().map((name) => ({ name })), programScene: null, inputs: [] })!;
    expect(layout.presetId).toBe(story.id);
    expect(layout.scenes.map((s) => s.obsName)).toEqual(names);
    expect(layout.safeScene).toBe(own.scenes[story.safeSceneId]);
    expect(layout.mics).toEqual([{ inputName: 'Sagostund · Mikrofon', label: expect.any(String), main: true }]);
    expect(layout.scenes.find((s) => s.sceneId === 'reader')!.liveMics).toEqual(['Sagostund · Mikrofon']);
  });

  it('leaves out scenes deleted in OBS, and is null when none of a preset is there', () => {
    const names = Object.values(own.scenes).slice(1);
    const layout = findLiveLayout(entries, ownership, { scenes: names.map((name) => ({ name })), programScene: null, inputs: [] })!;
    expect(layout.scenes).toHaveLength(names.length);
    expect(findLiveLayout(entries, ownership, { scenes: [{ name: 'Scen' }], programScene: null, inputs: [] })).toBeNull();
  });
});
