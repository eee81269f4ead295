import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRawObs, type RunningObs } from '../support/obs-studio';
import type { RtmpIngest } from '../support/rtmp-ingest';
import { waitFor } from '../support/wait-for';
import { expectAccessible } from './axe';
import { startE2eSession, type E2eSession } from './e2e-session';
import { addToneScene, applyPresetFromPrograms, expectLiveScene, expectText, sceneButton } from './page-helpers';
import { scaled } from '../support/timeouts';

/**
 * The live view in Chromium against real OBS: Sagostund applied, scenes switched by click and
 * by key, M for the main mic, a tone "mic" whose meter moves and warns while muted, the
 * privacy cut and its undo with P, and a second page that follows the first.
 */
describe('live view, in the browser', () => {
  let session: E2eSession;
  let obs: RunningObs;
  let page: Page;
  let ingest: RtmpIngest | null = null;
  const program = () =>
    withRawObs(obs.address, obs.password, (c) => c.call('GetCurrentProgramScene')).then(
      (r) => r.currentProgramSceneName,
    );
  /** Any scene button (preset or other), marked live from OBS's state. */
  const expectOnAir = (name: string) =>
    waitFor(
      async () =>
        (await page.locator(`li[data-scene="${name}"] > button`).getAttribute('aria-current', { timeout: 1_000 })) ===
        'true',
      {
        message: `scene "${name}" marked live`,
      },
    );
  const presetScenes = () =>
    page
      .getByTestId('scene-list')
      .locator('li[data-scene]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-scene')!));

  beforeAll(async () => {
    session = await startE2eSession({ dataDirPrefix: 'bibblan-e2e-live-' }, ({ obs, dataDir }) =>
      addToneScene(obs, dataDir),
    );
    ({ obs, page } = session);
    await applyPresetFromPrograms(page, /^Sagostund/);
  }, scaled(120_000));

  afterAll(() => session?.stop());

  it("lists the preset's scenes in order, other scenes apart, with key hints", async () => {
    const scenes = await presetScenes();
    expect(scenes[0]).toMatch(/^Sagostund – /);
    await page.getByTestId('other-scene-list').getByRole('button', { name: 'Extra', exact: true }).waitFor();
    expect(await page.getByTestId('scene-list').locator('kbd').first().textContent()).toBe('1');
    await expectAccessible(page, 'the live view');
  });

  it('switches by click and by the keys 1–9; the live marker follows OBS', async () => {
    const scenes = await presetScenes();
    await sceneButton(page, scenes[0]!).click();
    await expectLiveScene(page, scenes[0]!);
    await page.locator('body').press('3');
    await expectLiveScene(page, scenes[2]!);
    expect(await program()).toBe(scenes[2]);
    await page.locator('body').press('2');
    await expectLiveScene(page, scenes[1]!);
  });

  it('keys are silent while typing in a text field', async () => {
    const scenes = await presetScenes();
    await page.locator('.live-texts summary').click();
    const field = page.locator('.live-texts input[type="text"]').first();
    await field.fill('');
    await field.press('4');
    expect(await field.inputValue()).toBe('4');
    expect(await program()).toBe(scenes[1]);
    await field.fill('');
    await page.locator('.live-texts summary').click();
  });

  it('M mutes and unmutes the main mic', async () => {
    const mic = page.locator('li.mic').first();
    const before = await mic.getAttribute('data-muted');
    await page.locator('body').press('m');
    await waitFor(async () => (await mic.getAttribute('data-muted')) !== before, { message: 'mute flipped' });
    await page.locator('body').press('m');
    await waitFor(async () => (await mic.getAttribute('data-muted')) === before, { message: 'mute back' });
  });

  it("a tone mic's meter moves; muted, it warns that someone talks into it", async () => {
    await page.getByTestId('other-scene-list').getByRole('button', { name: 'Extra', exact: true }).click();
    await expectOnAir('Extra');
    const meter = page.getByTestId('meter-Ton');
    await waitFor(async () => (await meter.getAttribute('data-level')) === 'sound', {
      message: 'meter moving',
      timeoutMs: scaled(15_000),
    });
    const tone = page.getByTestId('mic-Ton');
    if ((await tone.getAttribute('data-muted')) === 'false') await tone.getByRole('button').click();
    await waitFor(async () => (await tone.getAttribute('data-muted')) === 'true', { message: 'Ton muted' });
    await tone.locator('[data-warning="talkingWhileMuted"]').waitFor();
    await tone.getByRole('button').click();
    await waitFor(async () => (await tone.getAttribute('data-muted')) === 'false', { message: 'Ton live' });
  });

  it('P cuts to the safe scene with every mic muted; P again restores', async () => {
    const scenes = await presetScenes();
    await sceneButton(page, scenes[1]!).click();
    await expectLiveScene(page, scenes[1]!);
    await page.locator('body').press('p');
    await page.getByTestId('privacy-active').waitFor();
    await waitFor(async () => (await program()) !== scenes[1], { message: 'safe scene on air' });
    await expectAccessible(page, 'the live view with picture and sound hidden');
    await waitFor(async () => (await page.locator('li.mic[data-muted="false"]').count()) === 0, {
      message: 'all mics muted',
    });
    await page.locator('body').press('p');
    await page.getByTestId('privacy-active').waitFor({ state: 'detached' });
    await expectLiveScene(page, scenes[1]!);
    await waitFor(async () => (await page.getByTestId('mic-Ton').getAttribute('data-muted')) === 'false', {
      message: 'Ton back live',
    });
  });

  it('a second page shows a switch made in the first, and one made in OBS', async () => {
    const scenes = await presetScenes();
    const second = await session.browser.newPage();
    try {
      await second.goto(session.host.url);
      await second.getByTestId('live-view').waitFor();
      await sceneButton(page, scenes[0]!).click();
      await expectLiveScene(second, scenes[0]!);
      await withRawObs(obs.address, obs.password, (c) => c.call('SetCurrentProgramScene', { sceneName: scenes[2]! }));
      await expectLiveScene(page, scenes[2]!);
      await expectLiveScene(second, scenes[2]!);
    } finally {
      await second.close();
    }
  });

  it('studio mode: a button sets the preview, Take puts it on air', async () => {
    const scenes = await presetScenes();
    // The switch shows OBS's state, so it flips when OBS says so: click, then wait.
    await page.getByRole('switch', { name: 'Studioläge' }).click();
    await page.getByTestId('take').waitFor();
    await sceneButton(page, scenes[3]!).click();
    await page.locator(`li[data-scene="${scenes[3]}"] [data-testid="preview-badge"]`).waitFor();
    expect(await program()).toBe(scenes[2]);
    await page.locator('body').press('Enter');
    await expectLiveScene(page, scenes[3]!);
    await page.getByRole('switch', { name: 'Studioläge' }).click();
    await page.getByTestId('take').waitFor({ state: 'detached' });
  });

  it('while streaming to a local ingest: bitrate and dropped frames shown; ending takes a second press', async () => {
    ingest = await session.startIngest();
    await withRawObs(obs.address, obs.password, async (c) => {
      await c.call('SetStreamServiceSettings', {
        streamServiceType: 'rtmp_custom',
        streamServiceSettings: { server: ingest!.server, key: 'live-e2e' },
      });
      await c.call('StartStream');
    });
    await expectText(page.getByTestId('health-bitrate'), /[1-9]\d* kbit\/s/, scaled(20_000));
    await expectText(page.getByTestId('health-dropped'), /^\d+([,.]\d)? %$/);
    await expectAccessible(page, 'the live view on air');
    const stop = page.getByTestId('stop-stream');
    await stop.click();
    await expectText(stop, /Tryck igen/);
    expect((await withRawObs(obs.address, obs.password, (c) => c.call('GetStreamStatus'))).outputActive).toBe(true);
    await stop.click();
    await waitFor(
      async () => !(await withRawObs(obs.address, obs.password, (c) => c.call('GetStreamStatus'))).outputActive,
      {
        timeoutMs: scaled(20_000),
        message: 'stream stopped',
      },
    );
  });
});
