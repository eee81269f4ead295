import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckStatus } from '../../src/shared/checklist/checklist-schema';
import { withRawObs, type RunningObs } from '../support/obs-studio';
import type { RtmpIngest } from '../support/rtmp-ingest';
import { waitFor } from '../support/wait-for';
import { scaled } from '../support/timeouts';
import { startE2eSession, type E2eSession } from './e2e-session';
import { expectText, statusText } from './page-helpers';

/**
 * Preparing a story time in real Chromium against the browser host, a real OBS and a real
 * ingest: Sagostund with a reader's name (on OBS's name bar, changed live), the next steps
 * after applying, the only destination chosen without a click, the checklist naming what is
 * left with 24 px targets, an English UI that changes nothing in OBS, and after the broadcast
 * the roles in the log entry and a checklist that starts clean.
 */
const KEY = 'e2e-prep-key-0815';
const SLOW_MS = 60_000;
const ROLES = 'Anna (värd), Bo (tekniker)';

describe('preparing a story time, from the browser', () => {
  let session: E2eSession<{ ingest: true }>;
  let obs: RunningObs;
  let ingest: RtmpIngest;
  let page: Page;

  const raw = <T>(work: Parameters<typeof withRawObs<T>>[2]) => withRawObs(obs.address, obs.password, work);
  const inputText = async (inputName: string) =>
    String((await raw((c) => c.call('GetInputSettings', { inputName }))).inputSettings.text);
  /** Every text source in OBS with what it shows. */
  const allTexts = () =>
    raw(async (c) => {
      const { inputs } = await c.call('GetInputList');
      const texts: Record<string, string> = {};
      for (const input of inputs) {
        if (!String(input.inputKind).startsWith('text_')) continue;
        const name = String(input.inputName);
        texts[name] = String((await c.call('GetInputSettings', { inputName: name })).inputSettings.text);
      }
      return texts;
    });
  const programScene = async () => (await raw((c) => c.call('GetCurrentProgramScene'))).currentProgramSceneName;
  const row = (id: string): Locator => page.getByTestId('auto-checks').locator(`li[data-check="${id}"]`);
  const expectStatus = (id: string, status: CheckStatus, timeoutMs = scaled(15_000)) =>
    waitFor(
      async () =>
        (await row(id)
          .getAttribute('data-status', { timeout: 1_000 })
          .catch(() => null)) === status,
      { timeoutMs, message: `check ${id} is ${status}` },
    );
  const switchLanguage = async (from: 'sv' | 'en', to: 'Svenska' | 'English') => {
    await page.getByRole('button', { name: from === 'sv' ? 'Tillbaka' : 'Back', exact: true }).click();
    await page.getByRole('button', { name: from === 'sv' ? 'Inställningar' : 'Settings' }).click();
    await page.getByRole('radio', { name: to }).check();
    await expectText(statusText(page), to === 'English' ? /Connected to OBS/ : /Ansluten till OBS/);
    await page.getByRole('button', { name: to === 'English' ? 'Back' : 'Tillbaka', exact: true }).click();
    await page.getByTestId('open-golive').click();
  };

  beforeAll(async () => {
    session = await startE2eSession({
      dataDirPrefix: 'bibblan-e2e-program-prep-',
      ingest: true,
      viewport: { width: 1280, height: 900 },
    });
    ({ obs, ingest, page } = session);
  });

  afterAll(() => session?.stop());

  it(
    "applies Sagostund with a reader's name: OBS's name bar shows it, and the next steps follow",
    { timeout: scaled(SLOW_MS + 60_000) },
    async () => {
      await page.getByTestId('open-programs').click();
      await page
        .getByTestId('preset-list')
        .getByRole('button', { name: /^Sagostund/ })
        .click();
      // The slides' language is the program's: Swedish unless chosen otherwise.
      expect(await page.getByLabel('Språk på bilderna').inputValue()).toBe('sv');
      await page.getByLabel('Programmets titel').fill('Sagostund med Anna');
      await page.getByLabel('Bibliotekets namn').fill('Stadsbiblioteket');
      await page.getByLabel('Läsare', { exact: true }).fill('Anna Berg');
      await expectText(page.getByTestId('details-status'), /Sparat/);
      await page.getByRole('button', { name: 'Tillämpa i OBS' }).click();
      await waitFor(
        async () =>
          (await page
            .getByTestId('apply-result')
            .getAttribute('data-status', { timeout: 1_000 })
            .catch(() => null)) === 'applied',
        { timeoutMs: scaled(SLOW_MS), message: 'preset applied' },
      );
      expect(await inputText('Sagostund · Namnskylt läsare')).toBe('Läsare: Anna Berg');
      const reader = await raw((c) => c.call('GetSceneItemList', { sceneName: 'Sagostund – Läsare' }));
      expect(reader.sceneItems.map((i) => i.sourceName)).toContain('Sagostund · Namnskylt läsare');

      // Next step 1: the starting slide on air, with one press.
      const next = page.getByTestId('next-steps');
      expect(await programScene()).not.toBe('Sagostund – Startar snart');
      await next.getByRole('button', { name: 'Sätt ”Sagostund – Startar snart” i sändning' }).click();
      await waitFor(async () => (await programScene()) === 'Sagostund – Startar snart', {
        message: 'starting scene on air',
      });
      await expectText(next.getByTestId('starting-on-air'), /”Sagostund – Startar snart” visas nu\./);

      // A new reader reaches OBS at once, as every detail does (also live).
      await page.getByLabel('Läsare', { exact: true }).fill('Bo Ek');
      await waitFor(async () => (await inputText('Sagostund · Namnskylt läsare')) === 'Läsare: Bo Ek', {
        message: 'new reader in OBS',
      });

      // Next step 2: the checklist.
      await next.getByRole('button', { name: 'Öppna checklistan' }).click();
      await page.getByRole('heading', { name: 'Sänd', exact: true }).waitFor();
    },
  );

  it('chooses the only destination without a click; the checklist names what is left, with 24 px targets', async () => {
    await page.getByRole('button', { name: 'Lägg till sändningsmål' }).click();
    const testBox = await page.locator('.golive-form input[type="checkbox"]').boundingBox();
    expect(testBox && Math.min(testBox.width, testBox.height)).toBeGreaterThanOrEqual(24);
    await page.getByLabel('Namn', { exact: true }).fill('Lokal testserver');
    await page.getByLabel('Plattform').selectOption('custom');
    await page.getByLabel('Server', { exact: true }).fill(ingest.server);
    await page.getByLabel('Strömnyckel', { exact: true }).fill(KEY);
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await waitFor(() => page.getByLabel('Sänd till Lokal testserver').isChecked(), {
      message: 'the only destination chosen by itself',
    });
    await expectStatus('destinationReady', 'pass');
    await expectStatus('presetScenes', 'pass', scaled(SLOW_MS));
    await expectStatus('startingSceneLive', 'pass');

    const remaining = page.getByTestId('checklist-remaining');
    await expectText(remaining, /^Kvar: .*Mikrofonen är på och hörs/);
    await expectText(remaining, /Roller fördelade/);
    expect(await remaining.textContent()).not.toMatch(/Programmets scener/);

    const targets = [
      ...(await page.getByTestId('manual-items').getByRole('checkbox').all()),
      ...(await page.locator('.golive-checklist .golive-session input[type="checkbox"]').all()),
      page.getByLabel('Sänd till Lokal testserver'),
    ];
    expect(targets.length).toBeGreaterThan(6);
    for (const target of targets) {
      const box = await target.boundingBox();
      expect(box && Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
    }
  });

  it(
    "switching the UI to English leaves OBS's texts untouched and the checklist passing",
    { timeout: scaled(SLOW_MS + 30_000) },
    async () => {
      const before = await allTexts();
      expect(before['Sagostund · Tacktext']).toBe('Tack för i dag!\nStadsbiblioteket');
      await switchLanguage('sv', 'English');
      await page.getByRole('button', { name: 'Check again' }).click();
      await expectStatus('presetScenes', 'pass', scaled(SLOW_MS));
      await expectStatus('startingSceneLive', 'pass');
      // The Programs view's plan in an English UI: nothing to change.
      await page.getByRole('button', { name: 'Back', exact: true }).click();
      await page.getByTestId('open-programs').click();
      await page
        .getByTestId('preset-list')
        .getByRole('button', { name: /^Sagostund/ })
        .click();
      await page.getByRole('button', { name: 'Review changes' }).click();
      await expectText(page.getByTestId('preset-plan'), /OBS already matches the program/, scaled(SLOW_MS));
      expect(await allTexts()).toEqual(before);
      await page.getByRole('button', { name: 'Back to the scenes' }).click();
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('radio', { name: 'Svenska' }).check();
      await expectText(statusText(page), /Ansluten till OBS/);
      await page.getByRole('button', { name: 'Tillbaka', exact: true }).click();
      await page.getByTestId('open-golive').click();
      await page.getByRole('heading', { name: 'Sänd', exact: true }).waitFor();
      expect(await allTexts()).toEqual(before);
    },
  );

  it(
    'takes the roles typed in the checklist to the log entry; the next broadcast starts clean',
    { timeout: scaled(120_000) },
    async () => {
      const boxes = page.getByTestId('manual-items').getByRole('checkbox');
      for (let i = 0; i < (await boxes.count()); i += 1) {
        await boxes.nth(i).click();
        await waitFor(() => boxes.nth(i).isChecked(), { message: `item ${i} ticked` });
      }
      const note = page.getByLabel(/^Anteckning till: Roller fördelade/);
      await note.fill(ROLES);
      await note.press('Tab');
      await waitFor(
        async () => (await page.getByTestId('checklist-remaining').textContent())?.includes('Roller') === false,
        { message: 'roles ticked' },
      );

      // The mic is never heard here (no sound device): go live anyway, with a reason.
      await page.getByRole('button', { name: 'Sänd ändå…' }).click();
      await page.getByLabel('Varför? (sparas i loggen)').fill('Mikrofonen testad i rummet i förväg');
      const goLive = page.getByRole('button', { name: 'Börja sända', exact: true });
      await waitFor(async () => (await goLive.getAttribute('aria-disabled')) === 'false', { message: 'reason ok' });
      await goLive.click();
      await page.getByRole('button', { name: 'Ja, börja sända' }).click();
      await page.getByRole('heading', { name: 'DU SÄNDER NU' }).waitFor({ timeout: scaled(30_000) });
      await waitFor(() => ingest.bytesIn(KEY), { timeoutMs: scaled(30_000), message: 'bytes at the ingest' });

      await page.getByRole('button', { name: 'Avsluta sändningen' }).first().click();
      await page.getByRole('button', { name: 'Ja, avsluta' }).click();
      await expectText(page.locator('[data-phase="ended"]'), /avslutad och offline/, scaled(30_000));

      // The log entry has the roles.
      await page.getByTestId('open-log-entry').click();
      const detail = page.getByTestId('log-detail');
      await detail.waitFor();
      const names = await Promise.all((await detail.locator('.log-role input').all()).map((l) => l.inputValue()));
      expect(names).toEqual(['Anna', 'Bo']);
      const kinds = await Promise.all((await detail.locator('.log-role select').all()).map((l) => l.inputValue()));
      expect(kinds).toEqual(['host', 'producer']);

      // A paste over the 20,000-character note limit is kept whole, said in words, and not saved.
      const notes = detail.getByLabel('Anteckningar', { exact: true });
      await notes.fill('a'.repeat(20_010));
      expect((await notes.inputValue()).length).toBe(20_010);
      await expectText(detail.getByTestId('log-notes-over'), /10 tecken för långa \(högst 20[\s\u00a0]?000\)/);
      await detail.getByRole('button', { name: 'Spara', exact: true }).click();
      expect(await detail.getByTestId('log-save-status').textContent()).toBe('');
      await notes.fill('Gick bra.');
      expect(await detail.getByTestId('log-notes-over').count()).toBe(0);
      await detail.getByRole('button', { name: 'Spara', exact: true }).click();
      await expectText(detail.getByTestId('log-save-status'), /Sparat/);

      // Back to Sänd, the after-broadcast list done: the next broadcast starts clean.
      await page.getByRole('button', { name: 'Tillbaka', exact: true }).click();
      await page.getByRole('button', { name: 'Klar', exact: true }).click();
      await page.getByTestId('manual-items').waitFor();
      await waitFor(async () => !(await Promise.all((await boxes.all()).map((b) => b.isChecked()))).includes(true), {
        message: 'no ticks left',
      });
      expect(await page.getByLabel(/^Anteckning till: Roller fördelade/).inputValue()).toBe('');
    },
  );
});
