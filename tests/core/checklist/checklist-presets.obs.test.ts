import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../src/core/app-core';
import { MemoryDocumentStore } from '../../../src/core/settings/memory-document-store';
import type { AutoCheckId, ChecklistStatus } from '../../../src/shared/checklist/checklist-schema';
import type { Result } from '../../../src/shared/result';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { startObs, withRawObs, type RunningObs } from '../../support/obs-studio';
import { waitFor } from '../../support/wait-for';
import { scaled } from '../../support/timeouts';

/**
 * The checklist linked to a preset, against a real OBS: the preset's scenes missing, applied
 * by the fix, then changed in OBS and applied again; its starting scene; its mic (never
 * heard here: no sound device) with the "test the mic" fix; its camera (no device: no picture).
 */
describe('checklist with the preset of the program, real OBS', () => {
  let obs: RunningObs;
  let core: AppCore;
  let status: ChecklistStatus | null = null;

  async function call<T>(name: string, params?: unknown): Promise<T> {
    const result = (await core.handle(name, params)) as Result<T>;
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  }
  const auto = (id: AutoCheckId) => status?.auto.find((a) => a.id === id);
  const raw = <T>(work: Parameters<typeof withRawObs<T>>[2]) => withRawObs(obs.address, obs.password, work);

  beforeAll(async () => {
    obs = await startObs();
    core = createAppCore({
      settings: new MemoryDocumentStore(),
      secrets: new MemorySecretStore(),
      version: 'test',
      goLive: { checklistRefreshMs: 1_000 },
    });
    core.subscribe((name, payload) => {
      if (name === 'checklist.changed') status = payload as ChecklistStatus;
    });
    core.start();
    await call('settings.saveConnection', { address: obs.address, password: { action: 'set', value: obs.password } });
    await waitFor(() => auto('obsConnected')?.status === 'pass', {
      timeoutMs: scaled(20_000),
      message: 'OBS connected',
    });
  });

  afterAll(async () => {
    await core?.stop();
    await obs?.stop();
  });

  it("takes the program type from the preset and fails while the preset's scenes are not in OBS", async () => {
    await call('checklist.updateSession', { programType: 'infodesk' });
    status = await call<ChecklistStatus>('checklist.updateSession', { presetId: 'builtin-story-time' });
    expect(status.session).toMatchObject({ presetId: 'builtin-story-time', programType: 'storytime' });
    expect(status.preset).toEqual({ id: 'builtin-story-time', name: 'Sagostund' });
    expect(auto('presetScenes')).toMatchObject({
      status: 'fail',
      reason: 'missing',
      fix: 'applyPreset',
      required: true,
    });
    expect(status.blocking).toContain('presetScenes');
    // Unknown presets are refused, and the session stays as it was.
    const refused = await core.handle('checklist.updateSession', { presetId: 'no-such-preset' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PRESET_NOT_FOUND' } });
  });

  it('applies the preset from the fix, then reads that OBS matches it', async () => {
    await call('checklist.fix', { checkId: 'presetScenes' });
    await waitFor(() => auto('presetScenes')?.status === 'pass', {
      timeoutMs: scaled(20_000),
      message: 'preset applied and matching',
    });
    const { scenes } = await raw((c) => c.call('GetSceneList'));
    expect(scenes.map((s) => s.sceneName)).toContain('Sagostund – Läsare');
    expect(status).toMatchObject({ startingScene: 'Sagostund – Startar snart', closingScene: 'Sagostund – Tack' });
  });

  it('checks and fixes the starting scene the preset names', async () => {
    await raw((c) => c.call('SetCurrentProgramScene', { sceneName: 'Sagostund – Läsare' }));
    await waitFor(() => auto('startingSceneLive')?.reason === 'otherSceneLive', { message: 'starting scene not live' });
    await call('checklist.fix', { checkId: 'startingSceneLive' });
    await waitFor(() => auto('startingSceneLive')?.status === 'pass', { message: 'starting scene live' });
    expect((await raw((c) => c.call('GetCurrentProgramScene'))).currentProgramSceneName).toBe(
      'Sagostund – Startar snart',
    );
  });

  it('fails when OBS no longer matches the preset (an item removed in OBS), and the fix puts it back', async () => {
    await raw(async (c) => {
      const { sceneItemId } = await c.call('GetSceneItemId', {
        sceneName: 'Sagostund – Tack',
        sourceName: 'Sagostund · Bokens uppgifter',
      });
      await c.call('RemoveSceneItem', { sceneName: 'Sagostund – Tack', sceneItemId });
    });
    await waitFor(() => auto('presetScenes')?.reason === 'differs', {
      timeoutMs: scaled(15_000),
      message: 'preset differs',
    });
    expect(Number(auto('presetScenes')?.params.count)).toBeGreaterThan(0);
    await call('checklist.fix', { checkId: 'presetScenes' });
    await waitFor(() => auto('presetScenes')?.status === 'pass', {
      timeoutMs: scaled(20_000),
      message: 'matching again',
    });
    const items = await raw((c) => c.call('GetSceneItemList', { sceneName: 'Sagostund – Tack' }));
    expect(items.sceneItems.map((i) => i.sourceName)).toContain('Sagostund · Bokens uppgifter');
  });

  it("looks at the preset's own mic: never heard, and the fix shows the scene with it", async () => {
    await waitFor(() => auto('micReady')?.reason === 'notHeard', { message: 'preset mic not heard' });
    expect(auto('micReady')).toMatchObject({
      status: 'fail',
      fix: 'testMic',
      params: { input: 'Sagostund · Mikrofon', scene: 'Sagostund – Läsare' },
    });
    await call('checklist.fix', { checkId: 'micReady' });
    expect((await raw((c) => c.call('GetCurrentProgramScene'))).currentProgramSceneName).toBe('Sagostund – Läsare');
    // No sound device on this machine: the mic stays unheard, whether OBS meters it or not.
    await waitFor(() => ['notHeard', 'listening', 'silent'].includes(auto('micReady')?.reason ?? ''), {
      message: 'still not heard',
    });
    expect(auto('micReady')?.status).not.toBe('pass');
  });

  it("fails the camera check: the preset's camera has no device, so OBS has no picture from it", async () => {
    await waitFor(() => auto('cameraActive')?.reason === 'noPicture', {
      timeoutMs: scaled(15_000),
      message: 'camera without a picture',
    });
    expect(auto('cameraActive')?.params.input).toBe('Sagostund · Läsarkamera');
  });

  it('fails at once when a scene of the preset is deleted in OBS', async () => {
    await raw((c) => c.call('RemoveScene', { sceneName: 'Sagostund – Bok i närbild' }));
    await waitFor(() => auto('presetScenes')?.reason === 'missing', { message: 'scene missing' });
    expect(auto('presetScenes')?.params).toMatchObject({ count: 1, scene: 'Bok i närbild' });
  });

  it('follows a preset applied from the Programs view: that is the program being prepared', async () => {
    await call('presets.apply', { presetId: 'builtin-info-desk' });
    await waitFor(() => status?.session.presetId === 'builtin-info-desk', {
      timeoutMs: scaled(20_000),
      message: 'checklist on the applied preset',
    });
    expect(status).toMatchObject({
      session: { programType: 'infodesk' },
      preset: { name: 'Digital informationsdisk' },
    });
    await waitFor(() => auto('presetScenes')?.status === 'pass', {
      timeoutMs: scaled(20_000),
      message: 'the applied preset matches',
    });
  });
});
