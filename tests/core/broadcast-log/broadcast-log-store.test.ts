import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BroadcastLogStore, JOURNAL_FILE, SNAPSHOT_FILE } from '../../../src/core/broadcast-log/broadcast-log-store';
import { generateEntries } from '../../../src/core/broadcast-log/generate-entries';
import { LogQuerySchema } from '../../../src/shared/broadcast-log/log-query';
import { makeTempDir } from '../../support/temp-dir';

const q = (input: object = {}) => LogQuerySchema.parse(input);

describe('the broadcast log store', () => {
  const dirs: Array<{ remove(): void }> = [];
  const stores: BroadcastLogStore[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const d of dirs.splice(0)) d.remove();
  });
  const fresh = () => {
    const dir = makeTempDir('bibblan-log-');
    dirs.push(dir);
    return dir.path;
  };
  const open = (dir: string, options = {}) => {
    const opened = BroadcastLogStore.open(dir, options);
    stores.push(opened.store);
    return opened;
  };
  const reopen = async (store: BroadcastLogStore) => {
    await store.close();
    stores.splice(stores.indexOf(store), 1);
    return open(store.dir);
  };

  it('appends changes to a journal and replays them at the next open', async () => {
    const { store } = open(fresh());
    const [entry] = generateEntries(1);
    expect(store.put({ ...entry!, outcome: null, end: null }).ok).toBe(true);
    store.addSwitch(entry!.id, { at: new Date().toISOString(), scene: 'Läsare', source: 'app' });
    store.patch(entry!.id, { notes: 'Bra ljud 👍', outcome: 'completed' });
    const journal = readFileSync(join(store.dir, JOURNAL_FILE), 'utf8').trim().split('\n');
    expect(journal.map((l) => JSON.parse(l).op)).toEqual(['put', 'switch', 'patch']);

    const { store: again, notices } = await reopen(store);
    expect(notices).toEqual([]);
    const loaded = again.get(entry!.id)!;
    expect(loaded.notes).toBe('Bra ljud 👍');
    expect(loaded.outcome).toBe('completed');
    expect(loaded.timeline.at(-1)).toMatchObject({ scene: 'Läsare', source: 'app' });
  });

  it('compacts into a snapshot and a fresh journal, losing nothing, changing nothing twice', async () => {
    const { store } = open(fresh(), { compactAfter: 10 });
    for (const e of generateEntries(25)) store.put(e, false);
    store.addSwitch('gen-0000001', { at: new Date().toISOString(), scene: 'Sist', source: 'obs' });
    await store.compact();
    const { store: again } = await reopen(store);
    expect(again.size).toBe(25);
    expect(again.get('gen-0000001')!.timeline).toHaveLength(21);
    // A crash right after the snapshot's rename leaves the old journal: replay must skip it.
    const snapshotSeq = JSON.parse(readFileSync(join(again.dir, SNAPSHOT_FILE), 'utf8').split('\n')[0]!).lastSeq;
    appendFileSync(
      join(again.dir, JOURNAL_FILE),
      `${JSON.stringify({ v: 1, seq: snapshotSeq, op: 'switch', id: 'gen-0000001', switch: { at: new Date().toISOString(), scene: 'Dubbel', source: 'obs' } })}\n`,
    );
    const { store: third } = await reopen(again);
    expect(third.get('gen-0000001')!.timeline).toHaveLength(21);
  });

  it('ignores a torn last line (a crash mid-write) with a notice, and appends cleanly after it', async () => {
    const { store } = open(fresh());
    const [a, b] = generateEntries(2);
    store.put(a!);
    await store.close();
    stores.splice(0);
    appendFileSync(join(store.dir, JOURNAL_FILE), JSON.stringify({ v: 1, seq: 2, op: 'put', entry: b }).slice(0, 120));
    const { store: again, notices } = open(store.dir);
    expect(notices.map((n) => n.code)).toEqual(['LOG_LAST_WRITE_TORN']);
    expect(again.size).toBe(1);
    again.put(b!);
    const { store: third, notices: later } = await reopen(again);
    expect(later).toEqual([]);
    expect(third.size).toBe(2);
  });

  it('sets a damaged snapshot aside (kept, not deleted), tells the user, and loads the rest', async () => {
    const { store } = open(fresh());
    for (const e of generateEntries(5)) store.put(e, false);
    await store.compact();
    await store.close();
    stores.splice(0);
    const path = join(store.dir, SNAPSHOT_FILE);
    const lines = readFileSync(path, 'utf8').split('\n');
    // Entry lines (after the header and the index line): break two of them.
    const at = (id: string): number =>
      lines.findIndex((l) => l.startsWith('{"schemaVersion"') && l.includes(`"id":"${id}"`));
    lines[at('gen-0000001')] = lines[at('gen-0000001')]!.replace('"completed"', '"great"'); // a hand edit that breaks an entry
    lines[at('gen-0000002')] = '{"truncated": ';
    writeFileSync(path, lines.join('\n'));
    const { store: again, notices } = open(store.dir);
    expect(again.size).toBe(3);
    expect(notices[0]).toMatchObject({ code: 'LOG_FILE_SET_ASIDE', params: { file: SNAPSHOT_FILE, lines: 2 } });
    const aside = readdirSync(store.dir).filter((f) => f.startsWith(`${SNAPSHOT_FILE}.corrupt-`));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(store.dir, aside[0]!), 'utf8')).toContain('"great"');
    await again.compact();
    const { notices: later, store: third } = await reopen(again);
    expect(later).toEqual([]);
    expect(third.size).toBe(3);
  });

  it('moves an unreadable snapshot (no header) aside whole and still opens', async () => {
    const dir = fresh();
    writeFileSync(join(dir, SNAPSHOT_FILE), '\u0000\u0001garbage\n');
    const { store, notices } = open(dir);
    expect(store.size).toBe(0);
    expect(notices[0]?.code).toBe('LOG_FILE_SET_ASIDE');
    expect(readdirSync(dir).some((f) => f.startsWith(`${SNAPSHOT_FILE}.corrupt-`))).toBe(true);
  });

  it('changes only the fields a patch names: the checklist, roles, notes, link and books stay', async () => {
    const { store } = open(fresh());
    const [entry] = generateEntries(1);
    const kept = {
      checklist: [
        {
          id: 'auto:micReady',
          label: 'Mikrofonen',
          done: false,
          overridden: true,
          overrideReason: 'Ingen mikrofon i rummet i dag',
        },
      ],
      roles: [{ role: 'host' as const, name: 'Anna' }],
      notes: 'Bra ljud',
      videoUrl: 'https://www.youtube.com/watch?v=abc',
      books: [{ title: 'Gruffalon', creditLineSaid: true, archiveAllowed: true, reportRequired: true }],
    };
    expect(store.put({ ...entry!, ...kept, outcome: null, end: null }).ok).toBe(true);
    expect(store.patch(entry!.id, { outcome: 'completed' }).ok).toBe(true);
    const journal = readFileSync(join(store.dir, JOURNAL_FILE), 'utf8').trim().split('\n');
    expect(Object.keys(JSON.parse(journal.at(-1)!).set).sort()).toEqual(['outcome', 'updatedAt']);
    expect(store.get(entry!.id)).toMatchObject({ ...kept, outcome: 'completed' });
    const { store: again } = await reopen(store);
    expect(again.get(entry!.id)).toMatchObject({ ...kept, outcome: 'completed' });
  });

  it('keeps a cleared optional field cleared after a restart', async () => {
    const { store } = open(fresh());
    const [entry] = generateEntries(1);
    store.put({ ...entry!, captionsDue: '2026-12-01' });
    store.patch(entry!.id, { captionsDue: undefined });
    expect(store.get(entry!.id)!.captionsDue).toBeUndefined();
    const { store: again } = await reopen(store);
    expect(again.get(entry!.id)!.captionsDue).toBeUndefined();
  });

  it('refuses bad patches without writing anything', () => {
    const { store } = open(fresh());
    const [entry] = generateEntries(1);
    store.put(entry!);
    const before = readFileSync(join(store.dir, JOURNAL_FILE), 'utf8');
    expect(store.patch(entry!.id, { notes: 'x'.repeat(10 * 1024 * 1024) }).ok).toBe(false);
    expect(store.patch(entry!.id, { actualStart: '1900-01-01T00:00:00Z' }).ok).toBe(false);
    expect(store.patch('nope', { notes: 'x' })).toMatchObject({ ok: false, error: { code: 'LOG_ENTRY_NOT_FOUND' } });
    expect(readFileSync(join(store.dir, JOURNAL_FILE), 'utf8')).toBe(before);
  });

  it('filters, searches (all words, any case, å ä ö) and sorts', () => {
    const { store } = open(fresh());
    for (const e of generateEntries(60)) store.put(e, false);
    expect(store.query(q()).items[0]!.id).toBe('gen-0000000'); // newest first
    expect(store.query(q({ direction: 'asc' })).items[0]!.id).toBe('gen-0000059');
    expect(store.query(q({ platform: 'youtube' })).total).toBe(30);
    expect(store.query(q({ rehearsal: true })).total).toBe(6);
    expect(store.query(q({ outcome: 'interrupted' })).total).toBe(2);
    expect(store.query(q({ programType: 'storytime' })).total).toBe(12);
    expect(store.query(q({ text: 'LINDGREN östen' })).total).toBeGreaterThan(0);
    expect(store.query(q({ text: 'lindgren östen' })).items.every((i) => i.books === 1)).toBe(true);
    expect(store.query(q({ text: 'finns-inte' })).total).toBe(0);
    const day = generateEntries(2)[1]!.actualStart.slice(0, 10); // 31 Oct: entries 1 to 4
    expect(store.query(q({ from: day, to: day })).total).toBe(4); // 6-hourly entries
    const byDuration = store.query(q({ sort: 'duration', direction: 'desc', limit: 500 })).items;
    expect(byDuration[0]!.durationSec).toBeGreaterThanOrEqual(byDuration.at(-1)!.durationSec!);
    expect(store.query(q({ offset: 50, limit: 20 })).items).toHaveLength(10);
  });
});
