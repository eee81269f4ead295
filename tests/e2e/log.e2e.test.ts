import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BroadcastLogStore } from '../../src/core/broadcast-log/broadcast-log-store';
import { generateEntries } from '../../src/core/broadcast-log/generate-entries';
import { silentLogger } from '../../src/core/ports';
import { openConfStore } from '../../src/core/settings/open-document-store';
import { SettingsService } from '../../src/core/settings/settings-service';
import { FileSecretStore } from '../../src/host/file-secret-store';
import { CSV_BOM, CSV_COLUMNS, csvHeaders, parseCsv } from '../../src/shared/broadcast-log/csv';
import { localDateTime } from '../../src/shared/broadcast-log/log-format';
import { waitFor } from '../support/wait-for';
import { expectAccessible } from './axe';
import { startE2eSession, type E2eSession } from './e2e-session';
import { expectText } from './page-helpers';

const SPECIAL_ID = 'e2e-pippi';

/** Seeds the host's data folder: a saved connection (nowhere: no OBS needed) and 300 broadcasts. */
async function seed(dataDir: string): Promise<void> {
  new SettingsService(
    openConfStore(dataDir, 'settings').store,
    new FileSecretStore(dataDir),
    silentLogger,
  ).saveConnection('ws://127.0.0.1:9', { action: 'keep' });
  const { store } = BroadcastLogStore.open(join(dataDir, 'broadcast-log'));
  const entries = generateEntries(299);
  for (const entry of entries) store.put(entry, false);
  const start = Date.parse('2026-11-20T10:00:00Z');
  store.put({
    ...entries[0]!,
    id: SPECIAL_ID,
    title: 'Sagostund med Pippi på Åby 📚',
    actualStart: new Date(start).toISOString(),
    end: new Date(start + 1_800_000).toISOString(),
    durationSec: 1800,
    notes: 'Barnen älskade den; "mer" sa de',
    programType: 'storytime',
    outcome: 'completed',
    health: { ...entries[0]!.health, droppedPct: 0.5, skippedPct: 12.25 },
    checklist: [
      { id: 'auto.presetScenes', label: 'auto:presetScenes (pass)', done: true, overridden: false },
      {
        id: 'auto.micReady',
        label: 'auto:micReady (fail)',
        done: false,
        overridden: true,
        overrideReason: 'Mikrofonen testades i rummet',
      },
      { id: 'phones', label: 'Telefoner på ljudlöst', done: true, overridden: false },
    ],
    // A publisher's delete-by date that has passed: the to-do panel must say so.
    books: [{ ...entries[0]!.books[0]!, deleteBy: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10) }],
  });
  await store.samples.write(
    SPECIAL_ID,
    Array.from({ length: 30 }, (_, i) => ({
      at: new Date(start + i * 2000).toISOString(),
      kbps: 2400 + (i % 5) * 100,
      droppedPct: 0,
      skippedPct: 0,
      congestion: 0,
      reconnecting: false,
    })),
  );
  await store.compact();
  await store.close();
}

describe('the broadcast log, in the browser', () => {
  let session: E2eSession<{ obs: false }>;
  let page: Page;

  const rowCount = () => page.getByTestId('log-row').count();
  const countText = () => page.getByTestId('log-count');

  beforeAll(async () => {
    session = await startE2eSession({ dataDirPrefix: 'bibblan-log-e2e-', obs: false }, ({ dataDir }) => seed(dataDir));
    page = session.page;
    await page.getByTestId('main-screen').waitFor();
  });

  afterAll(() => session?.stop());

  it('opens the log from the header with the keyboard and lists every broadcast, newest first, virtualized', async () => {
    await page.getByRole('button', { name: 'Sändningslogg' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('log-screen').waitFor();
    await expectText(countText(), /^300 sändningar$/);
    await expectText(page.getByTestId('log-row').first(), /Sagostund med Pippi/);
    // Only the rows in view are in the DOM, also after scrolling to the end.
    expect(await rowCount()).toBeLessThan(40);
    await page.getByTestId('log-list').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await waitFor(async () => (await page.locator('[data-index="299"]').count()) === 1, {
      message: 'last row rendered',
    });
    await expectText(page.locator('[data-index="299"]'), /nr 298/);
    expect(await rowCount()).toBeLessThan(40);
    await expectAccessible(page, 'the log list');
  });

  it('filters by platform and searches titles, books and notes', async () => {
    await page.getByLabel('Plattform').selectOption('youtube');
    await expectText(countText(), /^151 sändningar$/); // every other generated one, and Pippi
    await page.getByLabel('Plattform').selectOption('');
    await expectText(countText(), /^300 sändningar$/);
    await page.getByLabel('Sök i titlar, böcker, personer och anteckningar').fill('barnen ÄLSKADE');
    await expectText(countText(), /^1 sändning$/);
    await page.getByLabel('Sök i titlar, böcker, personer och anteckningar').fill('Gunilla Bergström');
    await expectText(countText(), /^100 sändningar$/);
    await page.getByLabel('Sök i titlar, böcker, personer och anteckningar').fill('Pippi Åby');
    await expectText(countText(), /^1 sändning$/);
  });

  it('opens the detail view with the scene timeline and the bitrate chart', async () => {
    await page.getByRole('row', { name: /Öppna Sagostund med Pippi/ }).click();
    await page.getByTestId('log-detail').waitFor();
    await page.getByRole('heading', { name: 'Sagostund med Pippi på Åby 📚' }).waitFor();
    expect(await page.getByTestId('timeline-chart').locator('rect').count()).toBe(20);
    expect(await page.getByTestId('bitrate-chart').locator('path').getAttribute('d')).toMatch(
      /^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+){29}$/,
    );
    await expectAccessible(page, 'the log detail');
  });

  it('says program types, checklist items, durations and numbers in words, never codes', async () => {
    const detail = page.getByTestId('log-detail');
    const facts = await detail.locator('.log-facts').textContent({ timeout: 5_000 });
    expect(facts).toMatch(/ProgramtypSagostund/);
    expect(facts).toMatch(/Längd30 min 00 s/);
    const checklist = (await page.getByTestId('log-checklist').textContent({ timeout: 5_000 })) ?? '';
    expect(checklist).toContain('Programmets scener finns i OBS och stämmer (Klart)');
    expect(checklist).toContain('Mikrofonen är på och hörs (Inte klart) – hoppades över: Mikrofonen testades i rummet');
    expect(checklist).toContain('Telefoner på ljudlöst (Klart)');
    const health =
      (await detail.getByRole('region', { name: 'Sändningens hälsa' }).textContent({ timeout: 5_000 })) ?? '';
    expect(health).toContain('Tappade bildrutor 0,5 %');
    expect(health).toContain('Hoppade bildrutor 12,3 %');
    const everything = (await detail.textContent({ timeout: 5_000 })) ?? '';
    expect(everything).not.toMatch(/storytime|auto:|\((pass|fail)\)/);
    const typeField = detail.getByLabel('Programtyp', { exact: true });
    expect(
      await typeField.evaluate(
        (el) => (el as unknown as { selectedOptions: Array<{ textContent: string }> }).selectedOptions[0]?.textContent,
        undefined,
        { timeout: 5_000 },
      ),
    ).toBe('Sagostund');
  });

  it('edits the notes and keeps them', async () => {
    const notes = page.getByLabel('Anteckningar', { exact: true });
    await notes.fill('Ljudet bra. مرحبا 👋 – nästa gång: fler kuddar', { timeout: 5_000 });
    await page.getByRole('button', { name: 'Spara', exact: true }).click({ timeout: 5_000 });
    await expectText(page.getByTestId('log-save-status'), /Sparat/);
    await page.getByRole('button', { name: 'Tillbaka till listan' }).click({ timeout: 5_000 });
    await page.getByRole('row', { name: /Öppna Sagostund med Pippi/ }).click();
    await waitFor(
      async () =>
        (await page.getByLabel('Anteckningar', { exact: true }).inputValue()) ===
        'Ljudet bra. مرحبا 👋 – nästa gång: fler kuddar',
      {
        message: 'saved notes shown',
      },
    );
    await page.getByRole('button', { name: 'Tillbaka till listan' }).click();
  });

  it('exports CSV that Excel reads: BOM, semicolons, Swedish characters intact', async () => {
    await page.getByLabel('Sök i titlar, böcker, personer och anteckningar').fill('');
    await expectText(countText(), /^300 sändningar$/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportera CSV (Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('sandningslogg.csv');
    const content = readFileSync((await download.path())!, 'utf8');
    expect(content.startsWith(CSV_BOM)).toBe(true);
    const rows = parseCsv(content);
    // Swedish headers and words for the Swedish UI, times in the browser's own time zone.
    expect(rows[0]).toEqual(csvHeaders('sv'));
    expect(rows[0]!.slice(0, 3)).toEqual(['Id', 'Titel', 'Programtyp']);
    expect(rows).toHaveLength(301);
    const pippi = rows.find((r) => r[0] === SPECIAL_ID)!;
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(pippi[CSV_COLUMNS.indexOf('programType')]).toBe('Sagostund');
    expect(pippi[CSV_COLUMNS.indexOf('outcome')]).toBe('Avslutad');
    expect(pippi[CSV_COLUMNS.indexOf('droppedPct')]).toBe('0,5');
    expect(pippi[CSV_COLUMNS.indexOf('actualStart')]).toBe(localDateTime('2026-11-20T10:00:00.000Z', zone));
    expect(pippi[CSV_COLUMNS.indexOf('title')]).toBe('Sagostund med Pippi på Åby 📚');
    expect(pippi[CSV_COLUMNS.indexOf('notes')]).toBe('Ljudet bra. مرحبا 👋 – nästa gång: fler kuddar');
    await expectText(page.getByTestId('log-exchange-status'), /300 sändningar exporterade/);
  });

  it('imports its own JSON export without duplicating anything', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportera JSON' }).click(),
    ]);
    const file = (await download.path())!;
    expect(JSON.parse(readFileSync(file, 'utf8')).entries).toHaveLength(300);
    await page
      .getByTestId('log-import-file')
      .setInputFiles({ name: 'sandningslogg.json', mimeType: 'application/json', buffer: readFileSync(file) });
    await expectText(page.getByTestId('log-exchange-status'), /Importerade 0, fanns redan 300, kunde inte läsas 0/);
    await expectText(countText(), /^300 sändningar$/);
    await page
      .getByTestId('log-import-file')
      .setInputFiles({ name: 'fel.json', mimeType: 'application/json', buffer: Buffer.from('{"not":"an export"}') });
    await page.locator('[data-error-code="LOG_IMPORT_INVALID"]').waitFor();
    // An export with one damaged entry: the rest are imported, and what is wrong is said in words.
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { entries: Array<Record<string, unknown>> };
    const damaged = { ...exported.entries[0]!, id: 'e2e-damaged', title: 'Trasig sändning', actualStart: 'igår' };
    await page.getByTestId('log-import-file').setInputFiles({
      name: 'trasig.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...exported, entries: [exported.entries[1], damaged] })),
    });
    await expectText(page.getByTestId('log-exchange-status'), /Importerade 0, fanns redan 1, kunde inte läsas 1/);
    await expectText(
      page.getByTestId('log-import-problems'),
      /Sändning 2 \(”Trasig sändning”\) › Start: har ett värde som inte går att läsa/,
    );
    await expectAccessible(page, 'the log list after an import');
  });

  it('shows the to-do panel and marks a recording deleted', async () => {
    await page.getByRole('tab', { name: 'Att göra' }).click();
    const item = page.getByTestId('log-todo').getByRole('listitem');
    await expectText(item.first(), /Radera inspelningen \(”Pippi Långstrump”\).*Försenad/);
    await page.getByLabel('Ditt namn (vem som raderade)').fill('Åsa Öberg');
    await page.getByRole('button', { name: /Markera som klar: Radera inspelningen/ }).click();
    await expectText(page.getByTestId('log-todo'), /Inget att göra just nu/);
    await expectAccessible(page, 'the log to-do list');
  });

  it('draws the statistics per month and program type', async () => {
    await page.getByRole('tab', { name: 'Statistik' }).click();
    await page.getByRole('img', { name: 'Sändningar och timmar per månad' }).waitFor();
    await page.getByRole('img', { name: 'Sändningar och timmar per programtyp' }).waitFor();
    // One row per program type, by its name: the generated story times and Pippi's together.
    const rows = page.getByTestId('log-stats').getByRole('row', { name: /sagostund/i });
    expect(await rows.count()).toBe(1);
    await expectText(rows, /^Sagostund/);
    // One year for the annual statistics: the months shown are that year's.
    await page.getByLabel('År', { exact: true }).selectOption('2026');
    await expectText(page.getByTestId('log-stats-total'), /^\d+ sändningar, \d[\d\s]*(,\d)? timmar\.$/u);
    const months = await page.getByTestId('log-stats').locator('table').first().locator('tbody th').allTextContents();
    expect(months.length).toBeGreaterThan(0);
    expect(months.every((m) => m.startsWith('2026-'))).toBe(true);
    await expectAccessible(page, 'the log statistics');
  });
});
