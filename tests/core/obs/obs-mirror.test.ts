import { describe, expect, it } from 'vitest';
import {
  applyMirrorEvent,
  emptyMirror,
  scenesFromObs,
  type MirrorData,
  type MirrorEvent,
} from '../../../src/core/obs/obs-mirror';

const base = (): MirrorData => ({
  ...emptyMirror(),
  scenes: [{ name: 'Welcome' }, { name: 'Talk' }, { name: 'Goodbye' }],
  programScene: 'Talk',
  inputs: [
    { name: 'Mic', kind: 'pulse_input_capture', muted: false },
    { name: 'Logo', kind: 'image_source', muted: null },
  ],
});

// Events as OBS 29 (obs-websocket 5.1) sends them: no UUIDs.
const apply = (event: { type: string; data?: unknown }, mirror = base()): MirrorData =>
  applyMirrorEvent(mirror, event as MirrorEvent);

describe('scenesFromObs', () => {
  it('turns OBS bottom-up order into the Scenes dock order', () => {
    const list = [
      { sceneIndex: 0, sceneName: 'B' },
      { sceneIndex: 1, sceneName: 'A' },
      { sceneIndex: 2, sceneName: 'Scene' },
    ];
    expect(scenesFromObs(list)).toEqual([{ name: 'Scene' }, { name: 'A' }, { name: 'B' }]);
  });

  it('orders by sceneIndex, highest at the top of the dock, whatever the array order', () => {
    const list = [
      { sceneIndex: 2, sceneName: 'Scene', sceneUuid: 'u2' },
      { sceneIndex: 0, sceneName: 'B', sceneUuid: 'u0' },
      { sceneIndex: 1, sceneName: 'A', sceneUuid: 'u1' },
    ];
    expect(scenesFromObs(list)).toEqual([
      { name: 'Scene', uuid: 'u2' },
      { name: 'A', uuid: 'u1' },
      { name: 'B', uuid: 'u0' },
    ]);
  });

  it('keeps UUIDs when OBS sends them (5.3+) and skips junk', () => {
    expect(scenesFromObs([{ sceneName: 'A', sceneUuid: 'u1' }, { sceneIndex: 3 }, null])).toEqual([
      { name: 'A', uuid: 'u1' },
    ]);
    expect(scenesFromObs(undefined)).toEqual([]);
  });
});

describe('applyMirrorEvent', () => {
  it('program and preview scene', () => {
    expect(apply({ type: 'CurrentProgramSceneChanged', data: { sceneName: 'Goodbye' } }).programScene).toBe('Goodbye');
    expect(apply({ type: 'CurrentPreviewSceneChanged', data: { sceneName: 'Welcome' } }).previewScene).toBe('Welcome');
  });

  it('studio mode off drops the preview scene', () => {
    const on = apply({ type: 'StudioModeStateChanged', data: { studioModeEnabled: true } });
    expect(on.studioMode).toBe(true);
    const withPreview = apply({ type: 'CurrentPreviewSceneChanged', data: { sceneName: 'Welcome' } }, on);
    const off = apply({ type: 'StudioModeStateChanged', data: { studioModeEnabled: false } }, withPreview);
    expect(off).toMatchObject({ studioMode: false, previewScene: null });
  });

  it('scene created (once, not groups), removed, renamed, list replaced', () => {
    const created = apply({ type: 'SceneCreated', data: { sceneName: 'Q&A', isGroup: false } });
    expect(created.scenes.map((s) => s.name)).toEqual(['Welcome', 'Talk', 'Goodbye', 'Q&A']);
    expect(apply({ type: 'SceneCreated', data: { sceneName: 'Q&A', isGroup: false } }, created)).toEqual(created);
    expect(apply({ type: 'SceneCreated', data: { sceneName: 'Group', isGroup: true } }).scenes).toHaveLength(3);
    expect(
      apply({ type: 'SceneRemoved', data: { sceneName: 'Welcome', isGroup: false } }).scenes.map((s) => s.name),
    ).toEqual(['Talk', 'Goodbye']);
    const renamed = apply({ type: 'SceneNameChanged', data: { oldSceneName: 'Talk', sceneName: 'Lecture' } });
    expect(renamed.scenes.map((s) => s.name)).toEqual(['Welcome', 'Lecture', 'Goodbye']);
    expect(renamed.programScene).toBe('Lecture');
    const listed = apply({ type: 'SceneListChanged', data: { scenes: [{ sceneName: 'Y' }, { sceneName: 'X' }] } });
    expect(listed.scenes).toEqual([{ name: 'X' }, { name: 'Y' }]);
  });

  it('a new scene goes where the dock puts it: the bottom in OBS 29, below the selected scene in 30+', () => {
    const created = { type: 'SceneCreated', data: { sceneName: 'Q&A', sceneUuid: 'uq', isGroup: false } };
    const v29 = {
      ...base(),
      versions: { obsVersion: '29.0.2', obsWebSocketVersion: '5.1.0', rpcVersion: 1, platform: 'x' },
    };
    expect(apply(created, v29).scenes.map((s) => s.name)).toEqual(['Welcome', 'Talk', 'Goodbye', 'Q&A']);
    const v32 = { ...v29, versions: { ...v29.versions, obsVersion: '32.2.2' } };
    expect(apply(created, v32).scenes.map((s) => s.name)).toEqual(['Welcome', 'Talk', 'Q&A', 'Goodbye']);
    // In studio mode the dock selects the preview scene.
    const studio = { ...v32, studioMode: true, previewScene: 'Welcome' };
    expect(apply(created, studio).scenes.map((s) => s.name)).toEqual(['Welcome', 'Q&A', 'Talk', 'Goodbye']);
  });

  it('5.3+: renames and removals match by UUID', () => {
    const mirror = {
      ...base(),
      scenes: [
        { name: 'A', uuid: 'u1' },
        { name: 'B', uuid: 'u2' },
      ],
      programScene: 'A',
    };
    const renamed = apply(
      { type: 'SceneNameChanged', data: { oldSceneName: 'A', sceneName: 'C', sceneUuid: 'u1' } },
      mirror,
    );
    expect(renamed.scenes).toEqual([
      { name: 'C', uuid: 'u1' },
      { name: 'B', uuid: 'u2' },
    ]);
    expect(renamed.programScene).toBe('C');
    const removed = apply({ type: 'SceneRemoved', data: { sceneName: 'B', sceneUuid: 'u2', isGroup: false } }, renamed);
    expect(removed.scenes).toEqual([{ name: 'C', uuid: 'u1' }]);
  });

  it('stream and record states', () => {
    expect(
      apply({ type: 'StreamStateChanged', data: { outputActive: true, outputState: 'OBS_WEBSOCKET_OUTPUT_STARTED' } })
        .stream,
    ).toEqual({
      active: true,
      state: 'live',
    });
    expect(
      apply({
        type: 'RecordStateChanged',
        data: { outputActive: true, outputState: 'OBS_WEBSOCKET_OUTPUT_PAUSED', outputPath: '/x' },
      }).record,
    ).toEqual({ active: true, state: 'paused' });
  });

  it('inputs: created (mute unknown), renamed, muted, removed', () => {
    const created = apply({ type: 'InputCreated', data: { inputName: 'Tone', inputKind: 'ffmpeg_source' } });
    expect(created.inputs.at(-1)).toEqual({ name: 'Tone', kind: 'ffmpeg_source', muted: null });
    const renamed = apply({ type: 'InputNameChanged', data: { oldInputName: 'Mic', inputName: 'Podium mic' } });
    // Inputs stay sorted by name.
    expect(renamed.inputs).toEqual([
      { name: 'Logo', kind: 'image_source', muted: null },
      { name: 'Podium mic', kind: 'pulse_input_capture', muted: false },
    ]);
    const muted = apply({ type: 'InputMuteStateChanged', data: { inputName: 'Mic', inputMuted: true } });
    expect(muted.inputs[0]?.muted).toBe(true);
    expect(apply({ type: 'InputRemoved', data: { inputName: 'Logo' } }).inputs.map((i) => i.name)).toEqual(['Mic']);
  });

  it('replaying an event changes nothing more', () => {
    const event = { type: 'SceneNameChanged', data: { oldSceneName: 'Talk', sceneName: 'Lecture' } };
    const once = apply(event);
    expect(apply(event, once)).toEqual(once);
  });

  it('does not change the mirror it was given', () => {
    const mirror = Object.freeze(base());
    expect(() => apply({ type: 'CurrentProgramSceneChanged', data: { sceneName: 'Welcome' } }, mirror)).not.toThrow();
    expect(mirror.programScene).toBe('Talk');
  });
});
