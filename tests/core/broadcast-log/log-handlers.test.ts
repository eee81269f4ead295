import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../src/core/app-core';
import { generateEntries } from '../../../src/core/broadcast-log/generate-entries';
import { MemoryDocumentStore } from '../../../src/core/settings/memory-document-store';
import { CSV_BOM, csvHeaders, parseCsv } from '../../../src/shared/broadcast-log/csv';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { makeTempDir } from '../../support/temp-dir';

/** The log.* requests through the core, the way every side calls them (params untrusted). */
describe('log requests', () => {
  let core: AppCore | undefined;
  const dirs: Array<{ path: string; remove(): void }> = [];
  const tempDir = () => {
    const d = makeTempDir('bibblan-loghandlers-');
    dirs.push(d);
    return d;
  };
  const dir = tempDir();
  afterEach(async () => {
    await core?.stop();
    core = undefined;
  });
  afterAll(() => dirs.forEach((d) => d.remove()));

  const make = (logDir = tempDir().path) => {
    core = createAppCore({
      settings: new MemoryDocumentStore(),
      secrets: new MemorySecretStore(),
      version: '0',
      logDir,
    });
    return core;
  };

  it('imports a JSON export by id: a second import adds nothing', async () => {
    const c = make(dir.path);
    const entries = generateEntries(30);
    const events: unknown[] = [];
    c.subscribe((name, payload) => name === 'log.changed' && events.push(payload));
    expect(await c.handle('log.importJson', { entries })).toEqual({
      ok: true,
      value: { added: 30, skipped: 0, rejected: [] },
    });
    expect(await c.handle('log.importJson', { entries })).toEqual({
      ok: true,
      value: { added: 0, skipped: 30, rejected: [] },
    });
    expect(events).toHaveLength(1);
    const exported = await c.handle('log.exportJson', {});
    expect(exported.ok && JSON.parse((exported.value as { content: string }).content).entries).toHaveLength(30);
  });

  it('imports what is valid and says what was not; a file of nothing valid is refused', async () => {
    const c = make();
    const [good] = generateEntries(1);
    const bad = [{ ...good, id: 'x1', actualStart: '1066-10-14T09:00:00Z' }, { hello: 'world' }, 42];
    const result = await c.handle('log.importJson', { entries: [good, ...bad] });
    expect(result).toMatchObject({ ok: true, value: { added: 1, skipped: 0 } });
    expect(result.ok && (result.value as { rejected: unknown[] }).rejected).toHaveLength(3);
    expect(await c.handle('log.importJson', { entries: bad })).toMatchObject({
      ok: false,
      error: { code: 'LOG_IMPORT_INVALID' },
    });
    expect(await c.handle('log.importJson', { entries: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('refuses a 10 MB note with VALIDATION_FAILED naming the field, and keeps the entry as it was', async () => {
    const c = make();
    const [entry] = generateEntries(1);
    await c.handle('log.importJson', { entries: [entry] });
    const result = await c.handle('log.update', { id: entry!.id, changes: { notes: 'x'.repeat(10 * 1024 * 1024) } });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(result.ok ? '' : String(result.error.params?.details)).toContain('notes');
    const got = await c.handle('log.get', { id: entry!.id });
    expect(got.ok && (got.value as { entry: { notes: string } }).entry.notes).toBe(entry!.notes);
  });

  it('updates notes, video link and books, and marks to-dos done', async () => {
    const c = make();
    const [entry] = generateEntries(1);
    const books = [{ title: 'Mamma Mu', deleteBy: '2026-01-01', reportRequired: true }];
    await c.handle('log.importJson', { entries: [entry] });
    const updated = await c.handle('log.update', {
      id: entry!.id,
      changes: { notes: 'שלום 📚 ÅÄÖ', videoUrl: 'https://youtu.be/abc', books },
    });
    expect(updated).toMatchObject({ ok: true, value: { notes: 'שלום 📚 ÅÄÖ', videoUrl: 'https://youtu.be/abc' } });
    const todo = await c.handle('log.todo', undefined);
    expect(todo.ok && (todo.value as Array<{ kind: string }>).map((t) => t.kind)).toEqual([
      'delete-recording',
      'report-publisher',
    ]);
    await c.handle('log.markTodoDone', { entryId: entry!.id, kind: 'delete-recording', bookIndex: 0, by: 'Åsa' });
    await c.handle('log.markTodoDone', { entryId: entry!.id, kind: 'report-publisher', bookIndex: 0 });
    expect(await c.handle('log.todo', undefined)).toEqual({ ok: true, value: [] });
    const got = await c.handle('log.get', { id: entry!.id });
    expect(got.ok && (got.value as { entry: { books: Array<Record<string, unknown>> } }).entry.books[0]).toMatchObject({
      deletedBy: 'Åsa',
    });
    // Each change touched only its own fields: the link, the notes and the roles are all still there.
    expect(got.ok && got.value).toMatchObject({
      entry: { notes: 'שלום 📚 ÅÄÖ', videoUrl: 'https://youtu.be/abc', roles: entry!.roles },
    });
    await c.handle('log.update', { id: entry!.id, changes: { title: 'Sagostund med Anna' } });
    const again = await c.handle('log.get', { id: entry!.id });
    expect(again.ok && again.value).toMatchObject({
      entry: { title: 'Sagostund med Anna', notes: 'שלום 📚 ÅÄÖ', videoUrl: 'https://youtu.be/abc' },
    });
  });

  it('exports CSV for a date range, with BOM and Swedish characters', async () => {
    const c = make();
    await c.handle('log.importJson', { entries: generateEntries(12) });
    const result = await c.handle('log.exportCsv', { from: '2026-10-30', to: '2026-10-31' });
    expect(result.ok).toBe(true);
    const { content, count, fileName } = (result as { value: { content: string; count: number; fileName: string } })
      .value;
    expect(content.startsWith(CSV_BOM)).toBe(true);
    expect(fileName).toBe('sandningslogg-2026-10-30--2026-10-31.csv');
    expect(count).toBe(8);
    expect(parseCsv(content)).toHaveLength(9);
    expect(content).toContain('Författarsamtal');
    expect(parseCsv(content)[0]).toEqual(csvHeaders('sv'));
  });

  it('exports CSV in the UI language and time zone it is asked for', async () => {
    const c = make();
    await c.handle('log.importJson', { entries: generateEntries(3) });
    const result = await c.handle('log.exportCsv', { language: 'en', timeZone: 'Europe/Stockholm' });
    const rows = parseCsv((result as { value: { content: string } }).value.content);
    expect(rows[0]).toEqual(csvHeaders('en'));
    const start = rows[0]!.indexOf('Start');
    expect(rows[1]![start]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(await c.handle('log.exportCsv', { timeZone: 'Mars/Olympus' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('answers LOG_UNAVAILABLE without a log folder', async () => {
    core = createAppCore({ settings: new MemoryDocumentStore(), secrets: new MemorySecretStore(), version: '0' });
    expect(await core.handle('log.todo', undefined)).toEqual({ ok: false, error: { code: 'LOG_UNAVAILABLE' } });
  });
});
