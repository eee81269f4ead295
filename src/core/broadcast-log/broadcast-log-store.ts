import {
  closeSync,
  fdatasync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { open as openAsync } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parseEntry, SceneSwitchSchema, type Entry, type SceneSwitch } from '../../shared/broadcast-log/entry-schema';
import { describeIssues } from '../validation-details';
import type { LogQuery } from '../../shared/broadcast-log/log-query';
import { appError, type AppError } from '../../shared/errors';
import { fail, ok, type Result } from '../../shared/result';
import { silentLogger, type Logger } from '../ports';
import { JOURNAL_RECORD_VERSION, parsePatchFields, type JournalRecord, type SnapshotHeader } from './journal-records';
import { loadLog } from './load-log';
import {
  COMPARE,
  findIn,
  indexEntry,
  insertInto,
  runQuery,
  SORT_KEYS,
  sortIndex,
  toRow,
  type IndexedEntry,
  type SortKey,
} from './log-index';
import { SampleStore } from './sample-store';
import { entryToSnapshotLine } from './snapshot-codec';

export const SNAPSHOT_FILE = 'entries.snapshot.jsonl';
export const JOURNAL_FILE = 'entries.journal.jsonl';
/** Entries serialised per turn of the event loop while compacting: a few ms each. */
const COMPACT_SLICE = 100;
/** Index rows (or sort positions) built per turn of the event loop while compacting. */
const INDEX_SLICE = 2_000;
const NEWLINE = Buffer.from('\n');

export interface LogStoreOptions {
  logger?: Logger;
  /** Journal records after which the log is compacted into a new snapshot; default 5,000. */
  compactAfter?: number;
  sampleFlushMs?: number;
}

type Patch = Partial<Omit<Entry, 'id' | 'schemaVersion'>>;

/**
 * The broadcast log on disk and in memory. Every change is one appended journal line (never a
 * rewrite of the whole log); the journal is replayed over the last snapshot at open and
 * folded into a new snapshot (written to a temp file, fsync'd, renamed) now and then.
 * Writes go to disk first and reach the index only if they succeeded.
 */
export class BroadcastLogStore {
  readonly dir: string;
  readonly samples: SampleStore;
  readonly #logger: Logger;
  readonly #compactAfter: number;
  readonly #index: Map<string, IndexedEntry>;
  /** All entries in each sort order, read from the snapshot (or sorted) at open and kept in order by `#set`. */
  readonly #orders: Map<SortKey, IndexedEntry[]>;
  #journalFd: number;
  #seq: number;
  #journalRecords: number;
  /** Lines written while a compaction runs: they go into the fresh journal. */
  #sinceCompactionStart: string[] | null = null;
  #compacting: Promise<void> | null = null;
  #compactAgain: Promise<void> | null = null;
  #syncQueued = false;
  #closed = false;

  private constructor(dir: string, loaded: ReturnType<typeof loadLog>, options: LogStoreOptions) {
    this.dir = dir;
    this.#logger = options.logger ?? silentLogger;
    this.#compactAfter = options.compactAfter ?? 5_000;
    this.#index = loaded.index;
    this.#orders = BroadcastLogStore.#ordersAtOpen(loaded);
    this.#seq = loaded.lastSeq;
    this.#journalRecords = loaded.journalRecords;
    this.#journalFd = openSync(join(dir, JOURNAL_FILE), 'a');
    this.samples = new SampleStore(dir, this.#logger, options.sampleFlushMs);
  }

  /** Opens (creating) the log in `dir`. Damaged files are set aside and reported in `notices`. */
  static open(dir: string, options: LogStoreOptions = {}): { store: BroadcastLogStore; notices: AppError[] } {
    mkdirSync(dir, { recursive: true });
    const loaded = loadLog(dir, options.logger ?? silentLogger);
    const store = new BroadcastLogStore(dir, loaded, options);
    // A damaged file was read around: write the clean state now so the damage is not read again.
    if (loaded.needsCompaction) void store.compact();
    return { store, notices: loaded.notices };
  }

  get size(): number {
    return this.#index.size;
  }

  get(id: string): Entry | undefined {
    return this.#index.get(id)?.entry;
  }

  /** Newest first. */
  entries(): Entry[] {
    return this.#order('start').map((it) => it.entry);
  }

  /** The newest entry (by actual start), without reading the others. */
  newest(): Entry | undefined {
    return this.#order('start')[0]?.entry;
  }

  query(query: LogQuery): ReturnType<typeof runQuery> {
    return runQuery(this.#order(query.sort), query);
  }

  programTypes(): string[] {
    const types = new Set<string>();
    for (const it of this.#index.values()) if (it.programType) types.add(it.programType);
    return [...types].sort((a, b) => a.localeCompare(b, 'sv'));
  }

  /**
   * Adds or replaces a whole entry, validated here: nothing goes into the journal that would
   * not replay. `durable`: fsync soon (the start and end of a broadcast, edits).
   */
  put(input: Entry, durable = true): Result<Entry> {
    const parsed = parseEntry(input);
    if (!parsed.success) return fail(appError('VALIDATION_FAILED', { details: describeIssues(parsed.error) }));
    const entry = parsed.data;
    const written = this.#append({ v: JOURNAL_RECORD_VERSION, seq: this.#seq + 1, op: 'put', entry }, durable);
    if (!written.ok) return written;
    this.#set(entry);
    return ok(entry);
  }

  /** Replaces top-level fields of an entry; the fields are validated here. */
  patch(id: string, set: Patch, durable = false): Result<Entry> {
    const current = this.#index.get(id)?.entry;
    if (!current) return fail(appError('LOG_ENTRY_NOT_FOUND', { id }));
    const parsed = parsePatchFields(set);
    if (!parsed.success) return fail(appError('VALIDATION_FAILED', { details: parsed.error.issues[0]?.message ?? '' }));
    const changes = { ...parsed.data, updatedAt: new Date().toISOString() };
    const unset = Object.keys(set).filter((key) => (set as Record<string, unknown>)[key] === undefined);
    const record: JournalRecord = { v: JOURNAL_RECORD_VERSION, seq: this.#seq + 1, op: 'patch', id, set: changes };
    if (unset.length > 0) record.unset = unset;
    const written = this.#append(record, durable);
    if (!written.ok) return written;
    const next = { ...current, ...changes } as Entry;
    for (const key of unset) delete (next as Record<string, unknown>)[key];
    this.#set(next);
    return ok(next);
  }

  /** Appends one scene switch to an entry's timeline: one short line, not the whole timeline. */
  addSwitch(id: string, input: SceneSwitch): Result<Entry> {
    const current = this.#index.get(id)?.entry;
    if (!current) return fail(appError('LOG_ENTRY_NOT_FOUND', { id }));
    const parsed = SceneSwitchSchema.safeParse({ ...input, scene: input.scene.slice(0, 512) });
    if (!parsed.success) return fail(appError('VALIDATION_FAILED', { details: describeIssues(parsed.error) }));
    const sceneSwitch = parsed.data;
    const written = this.#append(
      { v: JOURNAL_RECORD_VERSION, seq: this.#seq + 1, op: 'switch', id, switch: sceneSwitch },
      false,
    );
    if (!written.ok) return written;
    const next = { ...current, timeline: [...current.timeline, sceneSwitch] };
    this.#set(next);
    return ok(next);
  }

  /** Asks for the journal to reach the disk (after a batch of non-durable writes, e.g. an import). */
  sync(): void {
    this.#syncSoon();
  }

  /**
   * Writes every entry into a new snapshot and starts a fresh journal. Runs in slices so the
   * event loop is never held long; writes made meanwhile are kept for the new journal.
   */
  compact(): Promise<void> {
    if (this.#compacting) {
      // One is running: asked again means "include what was written since", so queue one more.
      this.#compactAgain ??= this.#compacting.then(() => {
        this.#compactAgain = null;
        return this.compact();
      });
      return this.#compactAgain;
    }
    this.#compacting = this.#compact().finally(() => {
      this.#compacting = null;
    });
    return this.#compacting;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    await this.#compactAgain;
    await this.#compacting;
    await this.samples.flush();
    this.#closed = true;
    fsyncSync(this.#journalFd);
    closeSync(this.#journalFd);
  }

  // ---- internals ---------------------------------------------------------------------------

  #set(entry: Entry): void {
    const before = this.#index.get(entry.id);
    const indexed = indexEntry(entry);
    this.#index.set(entry.id, indexed);
    // Each order stays sorted: the entry moves (bisection, one splice) only if its key changed;
    // the live entry's health and timeline change every few seconds and it is swapped in place.
    for (const key of SORT_KEYS) {
      const order = this.#orders.get(key)!;
      const at = before ? findIn(order, before, key) : -1;
      if (at >= 0 && COMPARE[key](before!, indexed) === 0) {
        order[at] = indexed;
        continue;
      }
      if (at >= 0) order.splice(at, 1);
      insertInto(order, indexed, key);
    }
  }

  #order(key: SortKey): IndexedEntry[] {
    return this.#orders.get(key)!;
  }

  /** The snapshot's orders with the journal's changes moved into place, or (many changes, no snapshot orders) sorted. */
  static #ordersAtOpen(loaded: ReturnType<typeof loadLog>): Map<SortKey, IndexedEntry[]> {
    const { index, orders, replaced } = loaded;
    if (orders && replaced.size <= Math.max(256, index.size / 8)) {
      for (const [id, old] of replaced) {
        const now = index.get(id);
        for (const key of SORT_KEYS) {
          const order = orders.get(key)!;
          if (old) {
            const at = findIn(order, old, key);
            if (at >= 0) order.splice(at, 1);
          }
          if (now) insertInto(order, now, key);
        }
      }
      if (SORT_KEYS.every((key) => orders.get(key)!.length === index.size)) return orders;
    }
    return new Map(SORT_KEYS.map((key) => [key, sortIndex(index.values(), key)]));
  }

  #append(record: JournalRecord, durable: boolean): Result<null> {
    if (this.#closed) return fail(appError('LOG_WRITE_FAILED', { file: JOURNAL_FILE }));
    const line = `${JSON.stringify(record)}\n`;
    if (!writeWhole(this.#journalFd, Buffer.from(line, 'utf8'), this.#logger)) {
      return fail(appError('LOG_WRITE_FAILED', { file: JOURNAL_FILE }));
    }
    this.#seq = record.seq;
    this.#journalRecords += 1;
    this.#sinceCompactionStart?.push(line);
    if (durable) this.#syncSoon();
    if (this.#journalRecords >= this.#compactAfter && !this.#compacting) void this.compact();
    return ok(null);
  }

  /** fdatasync on the thread pool: the line is on disk within milliseconds, without blocking. */
  #syncSoon(): void {
    if (this.#syncQueued) return;
    this.#syncQueued = true;
    const fd = this.#journalFd;
    setImmediate(() => {
      this.#syncQueued = false;
      if (this.#closed || fd !== this.#journalFd) return;
      fdatasync(fd, (error) => {
        if (error && !this.#closed) this.#logger.warn('fsync of the broadcast log failed', { error: String(error) });
      });
    });
  }

  async #compact(): Promise<void> {
    if (this.#closed) return;
    // The orders as they are now (later writes go to the fresh journal); entries newest first.
    const byStart = this.#order('start').slice();
    const byDuration = this.#order('duration').slice();
    const byTitle = this.#order('title').slice();
    const lastSeq = this.#seq;
    this.#sinceCompactionStart = [];
    const snapshot = join(this.dir, SNAPSHOT_FILE);
    const temp = `${snapshot}.tmp`;
    const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
    try {
      // Built in slices, each followed by a turn of the event loop: never one long block.
      const position = new Map<IndexedEntry, number>();
      const rows: string[] = [];
      for (let i = 0; i < byStart.length; i += INDEX_SLICE) {
        const slice = byStart.slice(i, i + INDEX_SLICE);
        slice.forEach((it, k) => position.set(it, i + k));
        rows.push(JSON.stringify(slice.map(toRow)).slice(1, -1));
        await turn();
      }
      const positions = async (order: IndexedEntry[]): Promise<string> => {
        const parts: string[] = [];
        for (let i = 0; i < order.length; i += INDEX_SLICE) {
          parts.push(
            order
              .slice(i, i + INDEX_SLICE)
              .map((it) => position.get(it)!)
              .join(','),
          );
          await turn();
        }
        return parts.join(',');
      };
      const indexLine = `{"rows":[${rows.join(',')}],"byDuration":[${await positions(byDuration)}],"byTitle":[${await positions(byTitle)}]}\n`;
      const hash = createHash('sha256');
      hash.update(indexLine);
      const chunks: Buffer[] = [Buffer.from(indexLine)];
      for (let i = 0; i < byStart.length; i += COMPACT_SLICE) {
        const parts: Buffer[] = [];
        for (const it of byStart.slice(i, i + COMPACT_SLICE)) {
          // An entry never parsed since the last snapshot is copied as it was written.
          const raw = it.parsed ? null : it.raw;
          parts.push(
            raw ? raw.buffer.subarray(raw.start, raw.end) : Buffer.from(entryToSnapshotLine(it.entry)),
            NEWLINE,
          );
        }
        const chunk = Buffer.concat(parts);
        hash.update(chunk);
        chunks.push(chunk);
        await turn();
      }
      const header: SnapshotHeader = {
        format: 'bibblan-live.broadcast-log.snapshot',
        v: 2,
        lastSeq,
        entries: byStart.length,
        writtenAt: new Date().toISOString(),
        sha256: hash.digest('hex'),
      };
      const handle = await openAsync(temp, 'w');
      try {
        await handle.write(`${JSON.stringify(header)}\n`);
        for (const chunk of chunks) await handle.write(chunk);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      if (this.#closed) return;
      renameSync(temp, snapshot);
      await this.#syncDir();
      await this.#rotateJournal();
    } catch (error) {
      // The old snapshot and journal are untouched: nothing is lost, compaction is retried later.
      this.#logger.error('Could not compact the broadcast log', { error: String(error) });
    } finally {
      this.#sinceCompactionStart = null;
    }
  }

  /**
   * A fresh journal holding only what was written during the compaction. The lines so far are
   * written and fsync'd off the event loop; the swap itself (the few lines added meanwhile,
   * rename, new descriptor) is one synchronous step, so no append can fall in a gap.
   */
  async #rotateJournal(): Promise<void> {
    const kept = this.#sinceCompactionStart ?? [];
    const journal = join(this.dir, JOURNAL_FILE);
    const temp = `${journal}.tmp`;
    const handle = await openAsync(temp, 'w');
    const written = kept.length;
    try {
      if (written > 0) await handle.write(kept.slice(0, written).join(''));
      await handle.datasync();
    } finally {
      await handle.close();
    }
    if (this.#closed) return;
    const late = kept.slice(written);
    const fd = openSync(temp, 'a');
    try {
      if (late.length > 0) writeSync(fd, late.join(''));
    } finally {
      closeSync(fd);
    }
    renameSync(temp, journal);
    closeSync(this.#journalFd);
    this.#journalFd = openSync(journal, 'a');
    this.#journalRecords = kept.length;
    this.#sinceCompactionStart = null;
    await this.#syncDir();
  }

  async #syncDir(): Promise<void> {
    try {
      const handle = await openAsync(this.dir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // Not every platform can fsync a folder (Windows); the rename itself is still atomic.
    }
  }
}

/**
 * Appends all of `bytes` or nothing: a full disk may accept part of a line, which would lose an
 * acknowledged change and corrupt the next record. On failure the file is cut back to where it was.
 */
function writeWhole(fd: number, bytes: Buffer, logger: Logger): boolean {
  let start: number;
  try {
    start = fstatSync(fd).size;
  } catch (error) {
    logger.error('Could not write the broadcast log', { error: String(error) });
    return false;
  }
  let offset = 0;
  try {
    while (offset < bytes.length) {
      const written = writeSync(fd, bytes, offset, bytes.length - offset);
      if (written <= 0) throw new Error('no bytes written');
      offset += written;
    }
    return true;
  } catch (error) {
    logger.error('Could not write the broadcast log', { error: String(error) });
    try {
      ftruncateSync(fd, start);
    } catch {
      // The torn tail is then ignored at the next open, with a notice.
    }
    return false;
  }
}
