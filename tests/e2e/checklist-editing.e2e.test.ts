import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { waitFor } from '../support/wait-for';
import { startE2eSession, type E2eSession } from './e2e-session';
import { expectText, statusText } from './page-helpers';
import { scaled } from '../support/timeouts';

/**
 * Editing the checklist template in real Chromium: an own item in Swedish and English, made
 * required and moved up, an automatic check made recommended; the edits survive a restarted
 * host (stored on disk) and read in English; then removed, and the template reset.
 */
describe('editing the checklist template', () => {
  let session: E2eSession;
  let page: Page;

  const items = () => page.getByTestId('manual-items').locator('li');
  const itemTexts = async () => (await items().allTextContents()).map((t) => t.trim());
  const micCheck = () => page.locator('[data-check="micReady"]');

  beforeAll(async () => {
    session = await startE2eSession({
      dataDirPrefix: 'bibblan-e2e-checklist-',
      viewport: { width: 1280, height: 900 },
    });
    page = session.page;
    await page.getByTestId('open-golive').click();
    await page.getByRole('heading', { name: 'Sänd', exact: true }).waitFor();
  });

  afterAll(() => session?.stop());

  it('adds an own item in both languages, makes it required and moves it up', async () => {
    await page.getByRole('button', { name: 'Ändra checklistan' }).click();
    const before = await items().count();
    await page.getByLabel('Ny punkt (på svenska)').fill('Bokvagnen står framme');
    await page.getByLabel('Samma punkt på engelska (valfritt)').fill('The book trolley is in place');
    await page.getByRole('button', { name: 'Lägg till punkt' }).click();
    await waitFor(async () => (await items().count()) === before + 1, { message: 'item added' });
    const added = items().last();
    await expectText(added, /Bokvagnen står framme.*Rekommenderad/);
    // The field empties when the core's answer arrives, which may come after the item's event.
    await waitFor(async () => (await page.getByLabel('Ny punkt (på svenska)').inputValue()) === '', {
      message: 'the new-item field emptied',
    });

    // Controlled checkboxes: the tick shows when the core says so. Click, then wait.
    await page.getByLabel('Obligatorisk: Bokvagnen står framme').click();
    await expectText(items().last(), /Bokvagnen står framme.*Obligatorisk/);
    await page.getByRole('button', { name: 'Flytta upp: Bokvagnen står framme' }).click();
    await waitFor(async () => (await itemTexts())[before - 1]?.startsWith('Bokvagnen står framme'), {
      message: 'moved up one place',
    });
  });

  it('makes an automatic check recommended instead of required', async () => {
    await expectText(micCheck(), /Obligatorisk/);
    await page.getByLabel('Obligatorisk: Mikrofonen är på och hörs').click();
    await expectText(micCheck(), /Rekommenderad/);
    await page.getByRole('button', { name: 'Klar', exact: true }).click();
  });

  it(
    'keeps the edits on disk: a restarted host shows them, in English too',
    async () => {
      await session.restartHost();
      await page.goto(session.host.url);
      await expectText(statusText(page), /Ansluten till OBS \d+\.\d+/, scaled(15_000));
      await page.getByTestId('open-golive').click();
      await page.getByRole('heading', { name: 'Sänd', exact: true }).waitFor();
      await waitFor(
        async () =>
          (await itemTexts()).some((t) => t.startsWith('Bokvagnen står framme') && t.includes('Obligatorisk')),
        { message: 'item kept' },
      );
      await expectText(micCheck(), /Rekommenderad/);

      await page.getByRole('button', { name: 'Tillbaka' }).click();
      await page.getByRole('button', { name: 'Inställningar' }).click();
      await page.getByRole('radio', { name: 'English' }).check();
      await expectText(statusText(page), /Connected to OBS \d+\.\d+/);
      await page.getByRole('button', { name: 'Back' }).click();
      await page.getByTestId('open-golive').click();
      await waitFor(async () => (await itemTexts()).some((t) => t.startsWith('The book trolley is in place')), {
        message: 'English text',
      });
      await page.getByRole('button', { name: 'Back' }).click();
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('radio', { name: 'Svenska' }).check();
      await expectText(statusText(page), /Ansluten till OBS \d+\.\d+/);
      await page.getByRole('button', { name: 'Tillbaka' }).click();
      await page.getByTestId('open-golive').click();
    },
    scaled(90_000),
  );

  it('removes the item, and resetting the template brings the defaults back', async () => {
    await page.getByRole('button', { name: 'Ändra checklistan' }).click();
    await page.getByRole('button', { name: 'Ta bort: Bokvagnen står framme' }).click();
    await waitFor(async () => !(await itemTexts()).some((t) => t.startsWith('Bokvagnen')), { message: 'item removed' });
    await page.getByRole('button', { name: 'Återställ mallen' }).click();
    await expectText(micCheck(), /Obligatorisk/);
  });
});
