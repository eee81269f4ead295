import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BroadcastLogStore, SNAPSHOT_FILE } from '../../../src/core/broadcast-log/broadcast-log-store';
import { generateEntries } from '../../../src/core/broadcast-log/generate-entries';
import { loadLog } from '../../../src/core/broadcast-log/load-log';
import { entryToSnapshotLine } from '../../../src/core/broadcast-log/snapshot-codec';
import { silentLogger } from '../../../src/core/ports';
import { LogQuerySchema } from '../../../src/shared/broadcast-log/log-query';
import { makeTempDir } from '../../support/temp-dir';

const q = (input: object = {}) => LogQuerySchema.parse(input);

/** Format 2: header, index line, entries newest first; the index is read at open, entries on first read. */
describe('the snapshot index (format 2)', () => {
  const dirs: Array<{ remove(): void }> = [];
  const stores: BroadcastLogStore[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const d of dirs.splice(0)) d.remove();
  });
  const fresh = () => {
    const dir = makeTempDir('bibblan-log-idx-');
    dirs.push(dir);
    return dir.path;
  };
  const open = (dir: string) => {
    const opened = BroadcastLogStore.open(dir);
    stores.push(opened.store);
    return opened;
  };
  const seeded = async (n: number) => {
    const { store } = BroadcastLogStore.open(fresh());
    for (const e of generateEntries(n)) store.put(e, false);
    await store.compact();
    await store.close();
    return store.dir;
  };
  const lines = (dir: string) => readFileSync(join(dir, SNAPSHOT_FILE), 'utf8').split('\n');
  const rewriteWithChecksum = (dir: string, body: string[], header: Record<string, unknown>) => {
    const text = `${body.join('\n')}\n`;
    const sha256 = createHash('sha256').update(text).digest('hex');
    writeFileSync(join(dir, SNAPSHOT_FILE), `${JSON.stringify({ ...header, sha256 })}\n${text}`);
  };

  it('writes an index line and opens without parsing entries, parsing each on first read', async () => {
    const dir = await seeded(30);
    const [head, index] = lines(dir);
    expect(JSON.parse(head!)).toMatchObject({ v: 2, entries: 30 });
    expect(JSON.parse(index!).rows).toHaveLength(30);
    const loaded = loadLog(dir, silentLogger);
    expect([...loaded.index.values()].every((it) => !it.parsed)).toBe(true);
    const one = loaded.index.get('gen-0000003')!;
    expect(one.entry).toEqual(generateEntries(30)[3]);
    expect(one.parsed).toBe(true);
  });

  it('answers queries from the index and keeps the sort orders through edits and reopen', async () => {
    const dir = await seeded(40);
    const { store, notices } = open(dir);
    expect(notices).toEqual([]);
    expect(store.query(q({ text: 'astrid' })).total).toBe(14);
    const byTitle = store.query(q({ sort: 'title', limit: 500 })).items.map((i) => i.title);
    expect(byTitle).toEqual([...byTitle].sort((a, b) => b.localeCompare(a, 'sv')));
    store.patch('gen-0000039', { title: 'Ööö sist', durationSec: 99_999 });
    store.patch('gen-0000010', { notes: 'unikt ord' });
    expect(store.query(q({ sort: 'title', limit: 1 })).items[0]!.id).toBe('gen-0000039');
    expect(store.query(q({ sort: 'duration', limit: 1 })).items[0]!.id).toBe('gen-0000039');
    await store.compact();
    await store.close();
    stores.splice(0);
    const { store: again } = open(dir);
    expect(again.query(q({ sort: 'title', limit: 1 })).items[0]!.id).toBe('gen-0000039');
    expect(again.query(q({ text: 'unikt' })).items.map((i) => i.id)).toEqual(['gen-0000010']);
    expect(again.get('gen-0000039')!.durationSec).toBe(99_999);
    expect(again.entries().map((e) => e.id)).toEqual(store.entries().map((e) => e.id));
    expect(again.newest()!.id).toBe('gen-0000000');
  });

  it('replays the journal over the snapshot orders (new, moved and edited entries)', async () => {
    const dir = await seeded(20);
    const { store } = open(dir);
    const [extra] = generateEntries(1, { endMs: Date.UTC(2026, 10, 5) });
    store.put({ ...extra!, id: 'newest-one' });
    store.patch('gen-0000005', { actualStart: '2009-01-01T00:00:00.000Z' });
    await store.close();
    stores.splice(0);
    const { store: again } = open(dir);
    const ids = again.query(q({ limit: 500 })).items.map((i) => i.id);
    expect(ids[0]).toBe('newest-one');
    expect(ids.at(-1)).toBe('gen-0000005');
    expect(ids).toHaveLength(21);
  });

  it('rebuilds a damaged index line from the entries (checksum still right), losing nothing', async () => {
    const dir = await seeded(12);
    const [head, , ...body] = lines(dir);
    rewriteWithChecksum(
      dir,
      ['{"rows":[["oops"]],"byDuration":[],"byTitle":[]}', ...body.filter(Boolean)],
      JSON.parse(head!),
    );
    const { store, notices } = open(dir);
    expect(notices).toEqual([]);
    expect(store.size).toBe(12);
    expect(store.query(q({ sort: 'title', limit: 500 })).total).toBe(12);
    await store.compact();
    expect(JSON.parse(lines(dir)[1]!).rows).toHaveLength(12);
  });

  it('validates every line of a snapshot whose checksum fails, the index line ignored', async () => {
    const dir = await seeded(6);
    const all = lines(dir);
    all[1] = '{"rows": [garbage';
    writeFileSync(join(dir, SNAPSHOT_FILE), all.join('\n'));
    const { store, notices } = open(dir);
    expect(store.size).toBe(6);
    expect(notices).toEqual([]);
    expect(store.get('gen-0000004')).toEqual(generateEntries(6)[4]);
  });

  it('still reads a format-1 snapshot, and writes format 2 from it', async () => {
    const dir = fresh();
    const entries = generateEntries(8);
    rewriteWithChecksum(dir, entries.map(entryToSnapshotLine), {
      format: 'bibblan-live.broadcast-log.snapshot',
      v: 1,
      lastSeq: 8,
      entries: 8,
      writtenAt: new Date().toISOString(),
    });
    const { store, notices } = open(dir);
    expect(notices).toEqual([]);
    expect(store.size).toBe(8);
    expect(store.get('gen-0000007')).toEqual(entries[7]);
    await store.compact();
    expect(JSON.parse(lines(dir)[0]!).v).toBe(2);
    expect(readdirSync(dir).some((f) => f.includes('.corrupt-'))).toBe(false);
  });
});
