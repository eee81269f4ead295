import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRawObs, type RunningObs } from '../support/obs-studio';
import { waitFor } from '../support/wait-for';
import { expectAccessible } from './axe';
import { startE2eSession, type E2eSession } from './e2e-session';
import { expectText, sceneButton } from './page-helpers';
import { scaled } from '../support/timeouts';

/**
 * A librarian prepares a story time: connects, opens Programs, picks Sagostund, fills in
 * the details, reviews the plan, applies it and finds the scenes in the scene list.
 */
describe('scene presets, in the browser', () => {
  let session: E2eSession;
  let obs: RunningObs;
  let page: Page;
  const inputText = async (inputName: string) =>
    String(
      (await withRawObs(obs.address, obs.password, (c) => c.call('GetInputSettings', { inputName }))).inputSettings
        .text,
    );

  beforeAll(async () => {
    session = await startE2eSession({ dataDirPrefix: 'bibblan-e2e-presets-' });
    ({ obs, page } = session);
  });

  afterAll(() => session?.stop());

  it('opens Programs from the header with the keyboard and lists the built-in presets', async () => {
    await page.getByRole('button', { name: 'Program', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('programs').waitFor();
    await page.getByRole('heading', { name: 'Program', exact: true }).waitFor();
    const list = page.getByTestId('preset-list');
    for (const name of ['Sagostund', 'Författarsamtal', 'Babyrytmik', 'Språkcafé', 'Digital informationsdisk']) {
      await list.getByRole('button', { name: new RegExp(`^${name}`) }).waitFor();
    }
    await expectAccessible(page, 'Programs');
  });

  it('picks Sagostund and fills in the details; they are saved', async () => {
    await page
      .getByTestId('preset-list')
      .getByRole('button', { name: /^Sagostund/ })
      .click();
    expect(
      await page
        .getByTestId('preset-list')
        .getByRole('button', { name: /^Sagostund/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await page.getByLabel('Programmets titel').fill('Sagostund med Anna');
    await page.getByLabel('Starttid').fill('10.00');
    await page.getByLabel('Bibliotekets namn').fill('Stadsbiblioteket');
    await page.getByLabel('Bokens titel').fill('Gruffalon');
    await page.getByLabel('Bokens författare').fill('Julia Donaldson');
    await expectText(page.getByTestId('details-status'), /Sparat/);
  });

  it('reviews the plan: the scenes to create, before anything changes in OBS', async () => {
    await page.getByRole('button', { name: 'Granska ändringar' }).click();
    const plan = page.getByTestId('preset-plan');
    // In a person's words first; every step only on demand.
    const summary = page.getByTestId('preset-plan-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/^6 scener skapas\. \d+ källor skapas[.,]/);
    expect(await summary.textContent()).not.toMatch(/anrop|\bms\b|mutation/);
    expect(await plan.locator('details').getAttribute('open')).toBeNull();
    await plan.getByText(/^Visa detaljer \(\d+ steg\)$/).click();
    await plan.locator('details[open]').waitFor();
    await expectText(plan, /Skapas · Scen · Sagostund – Läsare/);
    await expectText(plan, /Skapas · Scen · Sagostund – Tack/);
    await expectAccessible(page, 'Programs: the plan review');
    const { scenes } = await withRawObs(obs.address, obs.password, (c) => c.call('GetSceneList'));
    expect(scenes.map((s) => s.sceneName)).not.toContain('Sagostund – Läsare');
  });

  it('applies to OBS, shows the result, and the scenes appear in the scene list', async () => {
    await page.getByRole('button', { name: 'Tillämpa i OBS' }).click();
    const result = page.getByTestId('apply-result');
    await waitFor(
      async () => (await result.getAttribute('data-status', { timeout: 1_000 }).catch(() => null)) === 'applied',
      {
        timeoutMs: scaled(30_000),
        message: 'apply result "applied"',
      },
    );
    await expectText(result, /Klart!/);
    // No camera on this machine: the result says a placeholder shows.
    await expectText(result, /hittar ingen kamera/);
    await expectAccessible(page, 'Programs: the apply result');
    expect(await inputText('Sagostund · Rubrik')).toBe('Sagostund med Anna\nStadsbiblioteket');

    await page.getByRole('button', { name: 'Tillbaka till scenerna' }).click();
    await page.getByTestId('main-screen').waitFor();
    for (const name of ['Startar snart', 'Läsare', 'Bok i närbild', 'Läsare + bok', 'Kort paus', 'Tack']) {
      await sceneButton(page, `Sagostund – ${name}`).waitFor();
    }
    // Back from Programs, the keyboard focus is on the button that opened it.
    await waitFor(() => page.getByTestId('open-programs').evaluate((el) => el === el.ownerDocument.activeElement), {
      message: 'focus back on Programs',
    });
  });

  it('a changed detail reaches the text in OBS at once; applying again changes nothing', async () => {
    await page.getByTestId('open-programs').click();
    await page.getByLabel('Programmets titel').fill('Sagostund med Bo');
    await expectText(page.getByTestId('details-status'), /texter i OBS uppdaterades|text i OBS uppdaterades/);
    await waitFor(async () => (await inputText('Sagostund · Rubrik')) === 'Sagostund med Bo\nStadsbiblioteket', {
      message: 'title text in OBS',
    });
    await page.getByRole('button', { name: 'Tillämpa i OBS' }).click();
    // On failure, say what the apply did instead: its status and the steps it lists.
    let seen = '';
    await waitFor(
      async () => {
        const result = page.getByTestId('apply-result');
        const status = await result.getAttribute('data-status', { timeout: 1_000 }).catch(() => null);
        seen = `${status}: ${await result.textContent({ timeout: 1_000 }).catch(() => '')}`;
        return status === 'unchanged';
      },
      { timeoutMs: scaled(20_000), message: 'apply result "unchanged"' },
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}; the apply said ${seen}`);
    });
  });

  it('an invalid import lists its problems and stores nothing', async () => {
    const before = await page.getByTestId('preset-list').getByRole('button').count();
    await page.getByLabel('Importera program (JSON-fil)').setInputFiles({
      name: 'trasig.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ schemaVersion: 1, id: 'x', name: 'A\u0007B' })),
    });
    const problems = page.getByTestId('import-problems');
    await expectText(problems, /name: /);
    expect(await page.getByTestId('preset-list').getByRole('button').count()).toBe(before);
  });

  it('duplicates a built-in into an own preset, then deletes the copy after a confirmation', async () => {
    await page.getByRole('button', { name: 'Gör en kopia', exact: true }).click();
    const copy = page.getByTestId('preset-list').getByRole('button', { name: /^Sagostund \(kopia\)/ });
    // The list may show the copy a moment before the copy is chosen (a slow machine saw both).
    await waitFor(async () => (await copy.getAttribute('aria-pressed')) === 'true', { message: 'the copy chosen' });
    await page.getByRole('button', { name: 'Ta bort' }).click();
    await page.getByRole('button', { name: 'Ja, ta bort' }).click();
    await waitFor(
      async () => (await page.getByTestId('preset-list').getByRole('button', { name: /kopia/ }).count()) === 0,
      { message: 'copy deleted' },
    );
    expect(session.consoleErrors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED/.test(e))).toEqual([]);
  });
});
