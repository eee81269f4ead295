import type { OBSWebSocket } from 'obs-websocket-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obsHasUuids } from '../../../src/core/obs/scene-ref';
import { PresetStore } from '../../../src/core/presets/preset-store';
import { startObs, withRawObs, type RunningObs } from '../../support/obs-studio';
import { waitFor } from '../../support/wait-for';
import { connectedPresets } from './presets-helpers';
import { scaled } from '../../support/timeouts';

/**
 * Ownership by UUID against a real OBS (BIBBLAN_OBS=30/32: obs-websocket 5.5/5.7), and the
 * name fallback of OBS 29 (5.1) where the same steps give the older answer: a scene deleted
 * and made again by hand, scenes and inputs renamed in OBS, and switching by UUID.
 */
describe('preset ownership by OBS UUID', () => {
  let obs: RunningObs;
  let ctx: Awaited<ReturnType<typeof connectedPresets>>;
  let uuids = false;
  const raw = <T>(work: (c: OBSWebSocket) => Promise<T>) => withRawObs(obs.address, obs.password, work);
  const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
    if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
    return result.value;
  };
  const sceneUuid = async (sceneName: string) =>
    (await raw((c) => c.call('GetSceneList'))).scenes.find((s) => s.sceneName === sceneName)?.sceneUuid as
      string | undefined;
  const record = () => new PresetStore(ctx.documents).ownership('builtin-story-time');

  beforeAll(async () => {
    obs = await startObs();
    ctx = await connectedPresets(obs.address, obs.password);
    uuids = obsHasUuids(ctx.controller.state);
    expect(unwrap(await ctx.service.apply('builtin-story-time')).status).toBe('applied');
  }, scaled(90_000));
  afterAll(async () => {
    await ctx?.controller.close();
    await obs?.stop();
  });

  it("records OBS's UUIDs of what the apply created (none on 5.1), and applying again changes nothing", async () => {
    const reader = record().scenes.reader!;
    expect(reader.name).toBe('Sagostund – Läsare');
    expect(reader.uuid).toBe(uuids ? await sceneUuid('Sagostund – Läsare') : undefined);
    const title = record().inputs.title!;
    if (uuids)
      expect(title.uuid).toBe(
        (await raw((c) => c.call('GetInputList'))).inputs.find((i) => i.inputName === 'Sagostund · Rubrik')?.inputUuid,
      );
    else expect(title.uuid).toBeUndefined();
    ctx.reset();
    expect(unwrap(await ctx.service.apply('builtin-story-time'))).toMatchObject({
      status: 'unchanged',
      mutatingRequests: 0,
    });
    expect(ctx.sent.mutating).toBe(0);
  });

  it('follows a scene renamed in OBS by its UUID, also when a new scene of the user takes the old name', async () => {
    const before = await sceneUuid('Sagostund – Läsare');
    await raw(async (c) => {
      await c.call('SetSceneName', { sceneName: 'Sagostund – Läsare', newSceneName: 'Min läsarscen' });
      await c.call('CreateScene', { sceneName: 'Sagostund – Läsare' });
    });
    await waitFor(
      () =>
        ctx.controller.state.scenes.filter((s) => s.name === 'Min läsarscen' || s.name === 'Sagostund – Läsare')
          .length === 2,
      { message: 'rename and new scene seen' },
    );
    const plan = unwrap(await ctx.service.plan('builtin-story-time'));
    if (uuids) {
      expect(plan.scenes.find((s) => s.id === 'reader')).toEqual({
        id: 'reader',
        obsName: 'Min läsarscen',
        status: 'relink',
      });
      expect(plan.mutations).toBe(0);
      // Read through the service, the record already says the new name (from the mirror's UUIDs).
      expect(ctx.service.ownership('builtin-story-time').scenes.reader).toEqual({
        name: 'Min läsarscen',
        uuid: before,
      });
      expect(unwrap(await ctx.service.apply('builtin-story-time')).status).toBe('unchanged');
      expect(record().scenes.reader).toEqual({ name: 'Min läsarscen', uuid: before });
      expect((await raw((c) => c.call('GetSceneItemList', { sceneName: 'Sagostund – Läsare' }))).sceneItems).toEqual(
        [],
      );
    } else {
      // 5.1: a recorded name that exists is ours — the new scene under the old name is taken.
      expect(plan.scenes.find((s) => s.id === 'reader')).toEqual({
        id: 'reader',
        obsName: 'Sagostund – Läsare',
        status: 'keep',
      });
      expect(plan.mutations).toBeGreaterThan(0);
    }
    await raw(async (c) => {
      await c.call('RemoveScene', { sceneName: 'Sagostund – Läsare' });
      // OBS frees the name a moment after answering: try until it takes it.
      await waitFor(
        () =>
          c.call('SetSceneName', { sceneName: 'Min läsarscen', newSceneName: 'Sagostund – Läsare' }).then(() => true),
        { message: 'renamed back' },
      );
    });
    await waitFor(() => !ctx.controller.state.scenes.some((s) => s.name === 'Min läsarscen'), {
      message: 'renamed back',
    });
    await waitFor(
      async () =>
        (await raw((c) => c.call('GetSceneList'))).scenes.filter((s) => s.sceneName === 'Sagostund – Läsare').length ===
        1,
      { message: 'one scene of that name in OBS' },
    );
    const back = unwrap(await ctx.service.apply('builtin-story-time'));
    expect(back, JSON.stringify(back.applied)).toMatchObject({ status: 'unchanged' });
  });

  it('a scene deleted and made again by hand under our name is not ours on 5.3+: ours comes back as "(2)"', async () => {
    await raw(async (c) => {
      await c.call('RemoveScene', { sceneName: 'Sagostund – Tack' });
      // OBS 29 frees the name a moment after answering: try until it takes it.
      await waitFor(() => c.call('CreateScene', { sceneName: 'Sagostund – Tack' }).then(() => true), {
        message: 'scene made again by hand',
      });
      await c.call('CreateInput', {
        sceneName: 'Sagostund – Tack',
        inputName: 'Egen tacktext',
        inputKind: 'color_source_v3',
        inputSettings: { color: 4278190335 },
      });
    });
    await waitFor(() => ctx.controller.state.inputs.some((i) => i.name === 'Egen tacktext'), {
      message: 'hand-made scene seen',
    });
    const plan = unwrap(await ctx.service.plan('builtin-story-time'));
    if (!uuids) {
      // 5.1 has nothing to tell them apart: the name decides, and the scene is filled in.
      expect(plan.scenes.find((s) => s.id === 'thank-you')?.status).toBe('keep');
      return;
    }
    expect(plan.scenes.find((s) => s.id === 'thank-you')).toEqual({
      id: 'thank-you',
      obsName: 'Sagostund – Tack (2)',
      status: 'create',
    });
    expect(plan.warnings).toContainEqual({
      code: 'nameTaken',
      params: { name: 'Sagostund – Tack', instead: 'Sagostund – Tack (2)' },
    });
    expect(ctx.service.ownership('builtin-story-time').scenes['thank-you']).toBeUndefined(); // the checklist sees it missing
    expect(unwrap(await ctx.service.apply('builtin-story-time')).status).toBe('applied');
    expect(
      (await raw((c) => c.call('GetSceneItemList', { sceneName: 'Sagostund – Tack' }))).sceneItems.map(
        (i) => i.sourceName,
      ),
    ).toEqual(['Egen tacktext']);
    expect(record().scenes['thank-you']).toEqual({
      name: 'Sagostund – Tack (2)',
      uuid: await sceneUuid('Sagostund – Tack (2)'),
    });
    expect(unwrap(await ctx.service.apply('builtin-story-time')).status).toBe('unchanged');
  });

  it('an input renamed in OBS still gets the new details (by UUID on 5.3+)', async () => {
    await raw((c) => c.call('SetInputName', { inputName: 'Sagostund · Rubrik', newInputName: 'Min rubrik' }));
    await waitFor(() => ctx.controller.state.inputs.some((i) => i.name === 'Min rubrik'), {
      message: 'input rename seen',
    });
    const updated = unwrap(await ctx.service.setDetails('builtin-story-time', { title: 'Sagostund i kväll' }));
    const settings = (await raw((c) => c.call('GetInputSettings', { inputName: 'Min rubrik' }))).inputSettings;
    if (uuids) {
      expect(updated.updatedTexts).toBeGreaterThan(0);
      expect(String(settings.text)).toContain('Sagostund i kväll');
    }
    // On any version the next apply finds it by its marker, under its new name.
    unwrap(await ctx.service.apply('builtin-story-time'));
    expect(record().inputs.title?.name).toBe('Min rubrik');
    expect(
      String((await raw((c) => c.call('GetInputSettings', { inputName: 'Min rubrik' }))).inputSettings.text),
    ).toContain('Sagostund i kväll');
  });

  it('switches scenes by UUID on 5.3+: a stale name with the right UUID reaches the scene; an unknown UUID is OBS_SCENE_NOT_FOUND', async () => {
    const target = 'Sagostund – Startar snart';
    const programIs = async (name: string) =>
      (await raw((c) => c.call('GetCurrentProgramScene'))).currentProgramSceneName === name;
    if (!uuids) {
      expect(unwrap(await ctx.controller.switchScene(target))).toBeNull();
      expect(await programIs(target)).toBe(true);
      expect(await ctx.controller.switchScene('Ingen sådan scen')).toMatchObject({
        ok: false,
        error: { code: 'OBS_SCENE_NOT_FOUND' },
      });
      return;
    }
    const uuid = (await sceneUuid(target))!;
    expect(unwrap(await ctx.controller.switchScene('Ett gammalt namn', { sceneUuid: uuid }))).toBeNull();
    await waitFor(() => ctx.controller.state.programScene === target, { message: 'switched by UUID' });
    // From the mirror's UUID; and in studio mode, the preview.
    expect(unwrap(await ctx.controller.switchScene('Sagostund – Läsare'))).toBeNull();
    await waitFor(() => ctx.controller.state.programScene === 'Sagostund – Läsare', {
      message: 'switched by the mirror UUID',
    });
    expect(
      await ctx.controller.switchScene('Ett gammalt namn', { sceneUuid: '00000000-0000-0000-0000-000000000000' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'OBS_SCENE_NOT_FOUND', params: { sceneName: 'Ett gammalt namn' } },
    });
  });
});
