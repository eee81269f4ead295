import { closeSync, fdatasync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { open as openAsync } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Entry, SceneSwitch } from '../../shared/broadcast-log/entry-schema';
import type { LogQuery } from '../../shared/broadcast-log/log-query';
import { appError, type AppError } from '../../shared/errors';
import { fail, ok, type Result } from '../../shared/result';
import { silentLogger, type Logger } from '../ports';
import { JOURNAL_RECORD_VERSION, parsePatchFields, type JournalRecord, type SnapshotHeader } from './journal-records';
import { loadLog } from './load-log';
import { indexEntry, runQuery, type IndexedEntry } from './log-index';
import { SampleStore } from './sample-store';

export const SNAPSHOT_FILE = 'entries.snapshot.jsonl';
export const JOURNAL_FILE = 'entries.journal.jsonl';

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
  readonly #index = new Map<string, IndexedEntry>();
  #sorted: IndexedEntry[] | null = null;
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
    for (const entry of loaded.entries.values()) this.#index.set(entry.id, indexEntry(entry));
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
    return this.#sortedIndex().map((it) => it.entry);
  }

  query(query: LogQuery): ReturnType<typeof runQuery> {
    return runQuery(this.#sortedIndex(), query);
  }

  programTypes(): string[] {
    const types = new Set<string>();
    for (const it of this.#index.values()) if (it.entry.programType) types.add(it.entry.programType);
    return [...types].sort((a, b) => a.localeCompare(b, 'sv'));
  }

  /** Adds or replaces a whole (validated) entry. `durable`: fsync before the promise of safety is made. */
  put(entry: Entry, durable = true): Result<Entry> {
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
    const written = this.#append({ v: JOURNAL_RECORD_VERSION, seq: this.#seq + 1, op: 'patch', id, set: changes }, durable);
    if (!written.ok) return written;
    const next = { ...current, ...changes } as Entry;
    this.#set(next);
    return ok(next);
  }

  /** Appends one scene switch to an entry's timeline: one short line, not the whole timeline. */
  addSwitch(id: string, sceneSwitch: SceneSwitch): Result<Entry> {
    const current = this.#index.get(id)?.entry;
    if (!current) return fail(appError('LOG_ENTRY_NOT_FOUND', { id }));
    const written = this.#append({ v: JOURNAL_RECORD_VERSION, seq: this.#seq + 1, op: 'switch', id, switch: sceneSwitch }, false);
    if (!written.ok) return written;
    const next = { ...current, timeline: [...current.timeline, sceneSwitch] };
    this.#set(next);
    return ok(next);
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
    this.#index.set(entry.id, indexEntry(entry));
    // Only a new entry or a new start time changes the order.
    if (!before || before.entry.actualStart !== entry.actualStart) this.#sorted = null;
    else if (this.#sorted) {
      const at = this.#sorted.indexOf(before);
      if (at >= 0) this.#sorted[at] = this.#index.get(entry.id)!;
    }
  }

  #sortedIndex(): IndexedEntry[] {
    this.#sorted ??= [...this.#index.values()].sort((a, b) => b.startMs - a.startMs || (a.entry.id < b.entry.id ? 1 : -1));
    return this.#sorted;
  }

  #append(record: JournalRecord, durable: boolean): Result<null> {
    if (this.#closed) return fail(appError('LOG_WRITE_FAILED', { file: JOURNAL_FILE }));
    const line = `${JSON.stringify(record)}\n`;
    try {
      writeSync(this.#journalFd, line);
    } catch (error) {
      this.#logger.error('Could not write the broadcast log', { error: String(error) });
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
    const entries = [...this.#index.values()].map((it) => it.entry);
    const lastSeq = this.#seq;
    this.#sinceCompactionStart = [];
    const snapshot = join(this.dir, SNAPSHOT_FILE);
    const temp = `${snapshot}.tmp`;
    try {
      // Serialised in slices, each followed by a turn of the event loop: never one long block.
      const hash = createHash('sha256');
      const chunks: string[] = [];
      for (let i = 0; i < entries.length; i += 250) {
        const chunk = `${entries.slice(i, i + 250).map((e) => JSON.stringify(e)).join('\n')}\n`;
        hash.update(chunk);
        chunks.push(chunk);
        await new Promise((resolve) => setImmediate(resolve));
      }
      const header: SnapshotHeader = {
        format: 'bibblan-live.broadcast-log.snapshot',
        v: 1,
        lastSeq,
        entries: entries.length,
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
      this.#syncDir();
      this.#rotateJournal(this.#sinceCompactionStart);
    } catch (error) {
      // The old snapshot and journal are untouched: nothing is lost, compaction is retried later.
      this.#logger.error('Could not compact the broadcast log', { error: String(error) });
    } finally {
      this.#sinceCompactionStart = null;
    }
  }

  /** A fresh journal holding only what was written during the compaction (synchronous: no gap). */
  #rotateJournal(kept: string[]): void {
    const journal = join(this.dir, JOURNAL_FILE);
    const temp = `${journal}.tmp`;
    const fd = openSync(temp, 'w');
    try {
      if (kept.length > 0) writeSync(fd, kept.join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, journal);
    this.#syncDir();
    closeSync(this.#journalFd);
    this.#journalFd = openSync(journal, 'a');
    this.#journalRecords = kept.length;
  }

  #syncDir(): void {
    try {
      const fd = openSync(this.dir, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      // Not every platform can fsync a folder (Windows); the rename itself is still atomic.
    }
  }
}
