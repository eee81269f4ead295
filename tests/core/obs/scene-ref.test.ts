import { describe, expect, it } from 'vitest';
import { obsHasUuids, sceneRef } from '../../../src/core/obs/scene-ref';

const state = (obsWebSocketVersion: string, scenes: { name: string; uuid?: string }[] = [{ name: 'Scen' }]) => ({
  versions: { obsVersion: '', obsWebSocketVersion, rpcVersion: 1, platform: 'linux' },
  scenes,
});

describe('naming a scene in a request', () => {
  it('uses UUIDs from obs-websocket 5.4 (OBS 30.1) on, never with 5.1 or 5.3 (OBS 29, 30.0)', () => {
    expect(obsHasUuids(state('5.1.0'))).toBe(false);
    expect(obsHasUuids(state('5.3.6'))).toBe(false);
    expect(obsHasUuids(state('5.4.0'))).toBe(true);
    expect(obsHasUuids(state('5.7.4'))).toBe(true);
    // Scenes that carry UUIDs say so, whatever the version string.
    expect(obsHasUuids(state('', [{ name: 'Scen', uuid: 'u-1' }]))).toBe(true);
  });

  it("sends the given UUID, else the mirror's, else the name", () => {
    const scenes = [{ name: 'Läsare', uuid: 'u-läsare' }];
    expect(sceneRef(state('5.5.2', scenes), 'Läsare', 'u-given')).toEqual({ sceneUuid: 'u-given' });
    expect(sceneRef(state('5.5.2', scenes), 'Läsare')).toEqual({ sceneUuid: 'u-läsare' });
    expect(sceneRef(state('5.5.2', scenes), 'Okänd')).toEqual({ sceneName: 'Okänd' });
    expect(sceneRef(state('5.3.6'), 'Scen', 'u-given')).toEqual({ sceneName: 'Scen' });
  });
});
