import { type OBSWebSocket } from 'obs-websocket-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextLanguage } from '../../../src/shared/presets/preset-details';
import { startObs, withRawObs, type RunningObs } from '../../support/obs-studio';
import { connectedPresets } from './presets-helpers';

/**
 * The program's language, not the UI's, decides what viewers see; story time shows its
 * reader's name on the reader scene and changes it live. Against a real OBS.
 */
describe('the program’s language and the reader’s name, in a real OBS', () => {
  let obs: RunningObs;
  let ctx: Awaited<ReturnType<typeof connectedPresets>>;
  let uiLanguage: TextLanguage = 'sv';
  const raw = <T>(work: (c: OBSWebSocket) => Promise<T>) => withRawObs(obs.address, obs.password, work);
  const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
    if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
    return result.value;
  };
  const textOf = async (inputName: string) =>
    (await raw((c) => c.call('GetInputSettings', { inputName }))).inputSettings.text;
  const allTexts = async () => {
    const { inputs } = await raw((c) => c.call('GetInputList'));
    const texts: Record<string, unknown> = {};
    for (const input of inputs) {
      const name = String(input.inputName);
      if (String(input.inputKind).startsWith('text_')) texts[name] = await textOf(name);
    }
    return texts;
  };

  beforeAll(async () => {
    obs = await startObs();
    ctx = await connectedPresets(obs.address, obs.password, { language: () => uiLanguage });
  });
  afterAll(async () => {
    await ctx?.controller.close();
    await obs?.stop();
  });

  it('story time shows the reader’s name in a name bar on the reader scene', async () => {
    unwrap(
      await ctx.service.setDetails('builtin-story-time', {
        title: 'Sagostund',
        libraryName: 'Stadsbiblioteket',
        reader: 'Anna Berg',
        bookTitle: 'Gruffalon',
      }),
    );
    expect(unwrap(await ctx.service.apply('builtin-story-time')).status).toBe('applied');
    expect(await textOf('Sagostund · Namnskylt läsare')).toBe('Läsare: Anna Berg');
    const items = await raw((c) => c.call('GetSceneItemList', { sceneName: 'Sagostund – Läsare' }));
    expect(items.sceneItems.map((i) => i.sourceName)).toEqual(
      expect.arrayContaining(['Sagostund · Namnskylt', 'Sagostund · Namnskylt läsare']),
    );
  });

  it('a new reader’s name reaches OBS at once, as the other details do', async () => {
    const entry = unwrap(ctx.service.find('builtin-story-time'));
    const saved = unwrap(await ctx.service.setDetails('builtin-story-time', { ...entry.details, reader: 'Bo Ek' }));
    expect(saved.updatedTexts).toBeGreaterThanOrEqual(1);
    expect(await textOf('Sagostund · Namnskylt läsare')).toBe('Läsare: Bo Ek');
  });

  it('switching the UI to English changes nothing in OBS: the plan is empty and the texts stay', async () => {
    const before = await allTexts();
    uiLanguage = 'en';
    const plan = unwrap(await ctx.service.plan('builtin-story-time'));
    expect(plan.mutations).toBe(0);
    expect(unwrap(await ctx.service.apply('builtin-story-time'))).toMatchObject({
      status: 'unchanged',
      mutatingRequests: 0,
    });
    // Saving a detail in an English UI still writes Swedish texts.
    const entry = unwrap(ctx.service.find('builtin-story-time'));
    unwrap(await ctx.service.setDetails('builtin-story-time', { ...entry.details }));
    expect(await allTexts()).toEqual(before);
    expect(before['Sagostund · Tacktext']).toBe('Tack för i dag!\nStadsbiblioteket');
  });

  it('a program set to English gets English slides, whatever the UI says', async () => {
    uiLanguage = 'sv';
    const entry = unwrap(ctx.service.find('builtin-story-time'));
    const saved = unwrap(await ctx.service.setDetails('builtin-story-time', { ...entry.details, language: 'en' }));
    expect(saved.entry.preset.name).toBe('Story time');
    // The texts already in OBS follow at once; the scenes it made keep their names (owned by id).
    expect(await textOf('Sagostund · Namnskylt läsare')).toBe('Reader: Bo Ek');
    expect(await textOf('Sagostund · Tacktext')).toBe('Thank you for today!\nStadsbiblioteket');
    // Applying brings the rest (the cameras' "missing" placeholders); then OBS matches.
    expect(unwrap(await ctx.service.apply('builtin-story-time')).status).toBe('applied');
    expect(await textOf('Sagostund · Läsarkamera – platshållartext')).toBe('Reader camera: camera missing');
    expect(unwrap(await ctx.service.plan('builtin-story-time')).mutations).toBe(0);
    const { scenes } = await raw((c) => c.call('GetSceneList'));
    expect(scenes.map((s) => s.sceneName)).toContain('Sagostund – Läsare');
  });
});
