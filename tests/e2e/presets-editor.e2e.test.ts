import type { OBSWebSocket } from 'obs-websocket-js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRawObs, type RunningObs } from '../support/obs-studio';
import { waitFor } from '../support/wait-for';
import { expectAccessible } from './axe';
import { startE2eSession, type E2eSession } from './e2e-session';
import { expectText } from './page-helpers';
import { scaled } from '../support/timeouts';

/**
 * A librarian makes the story time her own: copies the built-in, renames the reader scene
 * and moves it first, changes the welcome text and where it sits, saves, and applies. OBS
 * then has the scenes in the new order, under the new name, with the new text.
 */
describe('the preset editor, in the browser', () => {
  let session: E2eSession;
  let obs: RunningObs;
  let page: Page;
  const copyName = 'Sagostund (kopia)';
  const raw = <T>(fn: (client: OBSWebSocket) => Promise<T>) => withRawObs(obs.address, obs.password, fn);
  const editor = () => page.getByTestId('preset-editor');
  const sceneEditor = (id: string) => editor().getByTestId(`scene-editor-${id}`);

  beforeAll(async () => {
    session = await startE2eSession({
      dataDirPrefix: 'bibblan-e2e-preset-editor-',
      viewport: { width: 560, height: 900 },
    });
    ({ obs, page } = session);
    await page.getByTestId('open-programs').click();
    await page.getByTestId('programs').waitFor();
  });

  afterAll(() => session?.stop());

  it('a built-in cannot be edited: "Gör en kopia för att ändra" makes an own copy that can', async () => {
    await page
      .getByTestId('preset-list')
      .getByRole('button', { name: /^Sagostund/ })
      .click();
    expect(await page.getByRole('button', { name: 'Ändra scener och texter' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Gör en kopia för att ändra' }).click();
    const copy = page
      .getByTestId('preset-list')
      .getByRole('button', { name: new RegExp(`^${copyName.replace(/[()]/g, '\\$&')}`) });
    await waitFor(
      async () => (await copy.getAttribute('aria-pressed', { timeout: 1_000 }).catch(() => null)) === 'true',
      { message: 'copy picked' },
    );
    // The details the texts use: the title fills the welcome text.
    await page.getByLabel('Programmets titel').fill('Sagostund med Anna');
    await expectText(page.getByTestId('details-status'), /Sparat/);
  });

  it('renames a scene and moves it up with the keyboard; an empty name is refused with its place', async () => {
    await page.getByRole('button', { name: 'Ändra scener och texter' }).click();
    await editor().waitFor();
    await sceneEditor('reader').locator('summary').click();
    const name = sceneEditor('reader').getByLabel('Scenens namn');
    await name.fill('');
    await editor().getByRole('button', { name: 'Spara', exact: true }).click();
    await expectText(page.getByTestId('editor-problems'), /Scen 2 › Namn: får inte vara tomt/);
    await expectAccessible(page, 'the preset editor, with a problem');
    expect(await name.getAttribute('aria-invalid')).toBe('true');

    await name.fill('Högläsning');
    await waitFor(async () => (await page.getByTestId('editor-problems').count()) === 0, { message: 'problems gone' });
    const up = sceneEditor('reader').getByRole('button', { name: 'Flytta upp ”Högläsning”' });
    await up.focus();
    await page.keyboard.press('Enter');
    await expectText(sceneEditor('reader').locator('summary'), /^Scen 1: Högläsning$/);
    // At the top the up button is disabled: the focus moved to its neighbour, still on this scene.
    await waitFor(
      () =>
        sceneEditor('reader')
          .getByRole('button', { name: 'Flytta ned ”Högläsning”' })
          .evaluate((el) => el === el.ownerDocument.activeElement),
      { message: 'focus on the moved scene' },
    );
  });

  it('changes the welcome text and where it sits; the preview follows', async () => {
    const soon = sceneEditor('starting-soon');
    await soon.locator('summary').click();
    const title = soon.getByTestId('source-title');
    await title.getByLabel('Text', { exact: true }).fill('Välkommen till {{title}}!');
    await expect(title.getByText('{{creditLine}}', { exact: false }).count()).resolves.toBeGreaterThan(0);
    await title.getByLabel('Från vänster (%)').fill('5');
    await title.getByLabel('Bredd (%)').fill('90');
    const preview = soon.getByRole('img', { name: 'Förhandsvisning av scenen ”Startar snart”' });
    await waitFor(async () => (await preview.locator('rect').nth(2).getAttribute('x')) === '8', {
      message: 'preview box moved',
    });
  });

  it('Cancel with changes asks first; "Fortsätt ändra" keeps them; Save stores and closes, with the closing scene tagged', async () => {
    await editor().getByRole('button', { name: 'Avbryt', exact: true }).click();
    await page.getByTestId('editor-leave').waitFor();
    await page.getByRole('button', { name: 'Fortsätt ändra' }).click();
    expect(await sceneEditor('reader').getByLabel('Scenens namn').inputValue()).toBe('Högläsning');
    await editor().getByLabel('Avslutningsscen', { exact: true }).selectOption({ label: 'Kort paus' });
    await editor().getByRole('button', { name: 'Spara', exact: true }).click();
    await expectText(page.getByTestId('editor-status'), /Ändringarna sparades/);
    expect(await editor().count()).toBe(0);
    const overview = page.getByTestId('preset-panel').locator('.preset-scenes');
    await expectText(overview, /^Högläsning.*Startar snart \(scen före start\)/);
    await expectText(overview, /Kort paus \(säker scen, avslutningsscen\)/);
    expect(await overview.textContent()).not.toMatch(/Tack \(/);
    await expectText(page.getByTestId('preset-program-type'), /^Checklista: Sagostund$/);
  });

  it('applies the edited copy: OBS has the renamed scene first, the new text and position', async () => {
    await page.getByRole('button', { name: 'Tillämpa i OBS' }).click();
    await waitFor(
      async () =>
        (await page
          .getByTestId('apply-result')
          .getAttribute('data-status', { timeout: 1_000 })
          .catch(() => null)) === 'applied',
      {
        timeoutMs: scaled(45_000),
        message: 'apply result "applied"',
      },
    );
    const { scenes } = await raw((c) => c.call('GetSceneList'));
    // sceneIndex counts from the bottom of OBS's scene list: the top (created first) has the highest.
    const ours = [...scenes]
      .sort((a, b) => Number(b.sceneIndex) - Number(a.sceneIndex))
      .map((s) => String(s.sceneName))
      .filter((n) => n.startsWith(`${copyName} – `));
    expect(ours.slice(0, 3)).toEqual([
      `${copyName} – Högläsning`,
      `${copyName} – Startar snart`,
      `${copyName} – Bok i närbild`,
    ]);
    expect(ours).not.toContain(`${copyName} – Läsare`);

    const settings = await raw((c) => c.call('GetInputSettings', { inputName: `${copyName} · Rubrik` }));
    expect(settings.inputSettings.text).toBe('Välkommen till Sagostund med Anna!');
    const [video, item] = await raw(async (c) => {
      const v = await c.call('GetVideoSettings');
      const { sceneItemId } = await c.call('GetSceneItemId', {
        sceneName: `${copyName} – Startar snart`,
        sourceName: `${copyName} · Rubrik`,
      });
      const t = await c.call('GetSceneItemTransform', { sceneName: `${copyName} – Startar snart`, sceneItemId });
      return [v, t.sceneItemTransform] as const;
    });
    expect(item.positionX).toBeCloseTo(0.05 * video.baseWidth, 0);
    expect(item.boundsWidth).toBeCloseTo(0.9 * video.baseWidth, 0);
    expect(session.consoleErrors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED/.test(e))).toEqual([]);
  });

  it('leaving with unsaved changes (Escape, another preset) asks; discarding keeps what was saved', async () => {
    await page.getByRole('button', { name: 'Ändra scener och texter' }).click();
    await sceneEditor('reader').locator('summary').click();
    await sceneEditor('reader').getByLabel('Scenens namn').fill('Inte sparat');
    await page.keyboard.press('Escape');
    await page.getByTestId('editor-leave').waitFor();
    // Escape again closes the question, not Programs.
    await page.keyboard.press('Escape');
    await waitFor(async () => (await page.getByTestId('editor-leave').count()) === 0, { message: 'question closed' });
    await page.getByTestId('programs').waitFor();
    await page
      .getByTestId('preset-list')
      .getByRole('button', { name: /^Babyrytmik/ })
      .click();
    await page.getByTestId('editor-leave').waitFor();
    await page.getByRole('button', { name: 'Släng ändringarna' }).click();
    await waitFor(
      async () =>
        (await page
          .getByTestId('preset-list')
          .getByRole('button', { name: /^Babyrytmik/ })
          .getAttribute('aria-pressed')) === 'true',
      {
        message: 'Babyrytmik picked',
      },
    );
    expect(await editor().count()).toBe(0);
    await page
      .getByTestId('preset-list')
      .getByRole('button', { name: /^Sagostund \(kopia\)/ })
      .click();
    await expectText(page.getByTestId('preset-panel').locator('.preset-scenes'), /^Högläsning/);
  });
});
