import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRawObs, type RunningObs } from '../support/obs-studio';
import type { RtmpIngest } from '../support/rtmp-ingest';
import { makeTempDir } from '../support/temp-dir';
import { makeToneFile, toneInput } from '../support/tone-file';
import { waitFor } from '../support/wait-for';
import { expectAccessible } from './axe';
import { startE2eSession, type E2eSession } from './e2e-session';
import { expectText } from './page-helpers';
import { scaled } from '../support/timeouts';

/**
 * Going live from the UI in real Chromium: the browser host, a real OBS and a real ingest
 * (nginx-rtmp on loopback). Add a destination by pasting a URL-with-key, fill the checklist,
 * go live after the confirmation, see the live state, end, see the after-broadcast list.
 */
const KEY = 'e2e-stream-key-0815';

describe('going live from the browser', () => {
  let session: E2eSession<{ ingest: true }>;
  let obs: RunningObs;
  let ingest: RtmpIngest;
  let page: Page;
  // The tone lives apart from the app's data folder.
  const toneDir = makeTempDir('bibblan-e2e-golive-tone-');

  beforeAll(async () => {
    session = await startE2eSession(
      { dataDirPrefix: 'bibblan-e2e-golive-', ingest: true, viewport: { width: 1280, height: 900 } },
      ({ obs }) =>
        withRawObs(obs.address, obs.password, async (raw) => {
          const { currentProgramSceneName } = await raw.call('GetCurrentProgramScene');
          // No audio device here: a looping tone in the live scene is a mic that OBS meters and hears.
          await raw.call('CreateInput', toneInput(currentProgramSceneName, 'Mikrofon', makeToneFile(toneDir.path)));
        }),
    );
    ({ obs, ingest, page } = session);
  });

  afterAll(async () => {
    await session?.stop();
    toneDir.remove();
  });

  it('adds a destination from a pasted URL-with-key, with the key masked and the not-encrypted note', async () => {
    await page.getByTestId('open-golive').click();
    await page.getByRole('heading', { name: 'Sänd', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Lägg till sändningsmål' }).click();
    await page.getByLabel('Namn', { exact: true }).fill('Lokal testserver');
    await page.getByLabel('Plattform').selectOption('custom');
    await page.getByLabel('Server', { exact: true }).fill(`${ingest.server}/${KEY}`);
    await expectText(page.getByText('Adressen innehöll en strömnyckel'), /flyttats/);
    expect(await page.getByLabel('Server', { exact: true }).inputValue()).toBe(ingest.server);
    expect(await page.getByLabel('Strömnyckel', { exact: true }).getAttribute('type')).toBe('password');
    await expectText(page.getByTestId('key-protection'), /inte krypterad/);
    await expectAccessible(page, 'Sänd: the destination form');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByLabel('Sänd till Lokal testserver').click();
    await waitFor(() => page.getByLabel('Sänd till Lokal testserver').isChecked(), { message: 'destination chosen' });
    expect(await page.content()).not.toContain(KEY);
  });

  it('keeps Go live disabled until the required items are ticked', async () => {
    const go = page.getByRole('button', { name: 'Börja sända', exact: true });
    await expectText(page.locator('.golive-ready'), /obligatoriska? punkt/);
    expect(await go.getAttribute('aria-disabled')).toBe('true');
    await expectAccessible(page, 'Sänd: the checklist, nothing ticked yet');
    const boxes = page.getByTestId('manual-items').getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i += 1) {
      // The tick shows when the core says so (a controlled checkbox): click, then wait.
      await boxes.nth(i).click();
      await waitFor(() => boxes.nth(i).isChecked(), { message: `item ${i} ticked` });
    }
    await page.getByLabel('Anteckning till: Roller fördelade', { exact: false }).fill('Anna värd, Bo tekniker');
    await page.getByLabel('Anteckning till: Roller fördelade', { exact: false }).blur();
    // The tone is heard: the mic check passes on its own (OBS meters the live scene).
    await waitFor(
      async () =>
        (await page
          .locator('[data-testid="auto-checks"] li[data-check="micReady"]')
          .getAttribute('data-status', { timeout: 1_000 })
          .catch(() => null)) === 'pass',
      {
        timeoutMs: scaled(20_000),
        message: 'micReady passes',
      },
    );
    await expectText(page.locator('.golive-ready'), /Allt obligatoriskt är klart/, scaled(15_000));
    expect(await go.getAttribute('aria-disabled')).toBe('false');
    await expectAccessible(page, 'Sänd: the checklist, ticked');
  });

  it('goes live after the confirmation and shows the live state with elapsed time', async () => {
    await page.getByRole('button', { name: 'Börja sända', exact: true }).click();
    await expectText(page.locator('.golive-confirm__text'), /Sänder till: Lokal testserver/);
    await page.getByRole('button', { name: 'Ja, börja sända' }).click();
    await page.getByRole('heading', { name: 'DU SÄNDER NU' }).waitFor({ timeout: scaled(20_000) });
    await expectText(page.getByTestId('elapsed'), /Sänt i 0:0[1-9]/);
    await waitFor(() => ingest.bytesIn(KEY), { message: 'bytes at the ingest' });
    expect(await page.content()).not.toContain(KEY);
    await expectAccessible(page, 'Sänd: on air');
  });

  it('ends after a confirmation and shows the after-broadcast list', async () => {
    await page.getByRole('button', { name: 'Avsluta sändningen' }).click();
    await page.getByRole('button', { name: 'Ja, avsluta' }).click();
    await expectText(page.locator('[data-phase="ended"]'), /avslutad och offline/, scaled(20_000));
    const after = page.getByTestId('after-broadcast');
    await expectText(after, /Skicka rapporter/);
    await expectText(after, /Kontrollera på Facebook eller YouTube/);
    await expectAccessible(page, 'Sänd: after the broadcast');
    const status = await withRawObs(obs.address, obs.password, (c) => c.call('GetStreamStatus'));
    expect(status.outputActive).toBe(false);
  });

  it("opens the broadcast log's to-do list from the after-broadcast list", async () => {
    await page.getByRole('button', { name: 'Öppna sändningsloggen (att göra)' }).click();
    await page.getByTestId('log-screen').waitFor();
    expect(await page.getByRole('tab', { name: 'Att göra' }).getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('log-todo').waitFor();
  });
});
