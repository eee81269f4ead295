import { describe, expect, it } from 'vitest';
import { builtInPresets } from '../../../src/core/presets/built-ins';
import { findLiveLayout } from '../../../src/core/live/live-layout';
import { emptyOwnership, withCurrentSceneNames, type Ownership } from '../../../src/core/presets/ownership';

describe('findLiveLayout', () => {
  const entries = builtInPresets('sv').map((preset) => ({ preset, builtIn: true, details: {}, devices: {} }));
  const story = entries.find((e) => e.preset.id === 'builtin-story-time')!.preset;
  const own: Ownership = {
    scenes: Object.fromEntries(story.scenes.map((s) => [s.id, { name: `Sagostund – ${s.name}` }])),
    inputs: { microphone: { name: 'Sagostund · Mikrofon' } },
  };
  const ownership = (id: string) => (id === story.id ? own : emptyOwnership());

  it("gives the preset's scenes in its order with OBS names, the safe scene and the mics", () => {
    const names = Object.values(own.scenes).map((s) => s.name);
    const layout = findLiveLayout(entries, ownership, {
      scenes: [...names].reverse().map((name) => ({ name })),
      programScene: null,
      inputs: [],
    })!;
    expect(layout.presetId).toBe(story.id);
    expect(layout.scenes.map((s) => s.obsName)).toEqual(names);
    expect(layout.safeScene).toBe(own.scenes[story.safeSceneId]!.name);
    expect(layout.mics).toEqual([{ inputName: 'Sagostund · Mikrofon', label: expect.any(String), main: true }]);
    expect(layout.scenes.find((s) => s.sceneId === 'reader')!.liveMics).toEqual(['Sagostund · Mikrofon']);
  });

  it('leaves out scenes deleted in OBS, and is null when none of a preset is there', () => {
    const names = Object.values(own.scenes)
      .map((s) => s.name)
      .slice(1);
    const layout = findLiveLayout(entries, ownership, {
      scenes: names.map((name) => ({ name })),
      programScene: null,
      inputs: [],
    })!;
    expect(layout.scenes).toHaveLength(names.length);
    expect(
      findLiveLayout(entries, ownership, { scenes: [{ name: 'Scen' }], programScene: null, inputs: [] }),
    ).toBeNull();
  });
});

describe('findLiveLayout with UUIDs (obs-websocket 5.3+)', () => {
  const entries = builtInPresets('sv').map((preset) => ({ preset, builtIn: true, details: {}, devices: {} }));
  const story = entries.find((e) => e.preset.id === 'builtin-story-time')!.preset;
  const own: Ownership = {
    scenes: Object.fromEntries(
      story.scenes.map((s, i) => [s.id, { name: `Sagostund – ${s.name}`, uuid: `uuid-${i}` }]),
    ),
    inputs: {},
  };

  it('follows a scene renamed in OBS by its UUID, and leaves out one whose UUID is gone though its name is back', () => {
    const scenes = story.scenes.map((s, i) => ({ name: `Sagostund – ${s.name}`, uuid: `uuid-${i}` }));
    scenes[1] = { name: 'Min läsarscen', uuid: 'uuid-1' };
    scenes[2] = { name: scenes[2]!.name, uuid: 'made-by-hand' };
    const current = withCurrentSceneNames(own, scenes);
    const layout = findLiveLayout(entries, (id) => (id === story.id ? current : emptyOwnership()), {
      scenes,
      programScene: null,
      inputs: [],
    })!;
    expect(layout.scenes.find((s) => s.sceneId === 'reader')).toMatchObject({
      obsName: 'Min läsarscen',
      obsUuid: 'uuid-1',
    });
    expect(layout.scenes.map((s) => s.sceneId)).not.toContain(story.scenes[2]!.id);
    expect(layout.scenes).toHaveLength(story.scenes.length - 1);
  });

  it('keeps the recorded names when OBS has no UUIDs (5.1)', () => {
    const scenes = story.scenes.map((s) => ({ name: `Sagostund – ${s.name}` }));
    expect(withCurrentSceneNames(own, scenes)).toBe(own);
  });
});
