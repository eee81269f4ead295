import { join } from 'node:path';
import { parseEntry, type Entry } from '../../shared/broadcast-log/entry-schema';
import { appError, type AppError } from '../../shared/errors';
import type { Logger } from '../ports';
import { JournalRecordSchema, parsePatchFields, SnapshotHeaderSchema, type JournalRecord } from './journal-records';
import {
  bodySha256,
  readJsonl,
  readJsonlBytes,
  splitJsonl,
  truncateTo,
  type JsonlBytes,
  type JsonlRead,
} from './jsonl-file';
import { fromRow, indexEntry, isRow, type IndexedEntry, type SortKey } from './log-index';
import { copyAside, moveAside } from './set-aside';
import { snapshotLineToEntry, snapshotLineToRaw, type SnapshotIndex } from './snapshot-codec';

export interface LoadedLog {
  index: Map<string, IndexedEntry>;
  /** The sort orders as the snapshot holds them (before the journal), when it had them. */
  orders: Map<SortKey, IndexedEntry[]> | null;
  /** Ids the journal changed, each with its snapshot-time index entry (null: new since). */
  replaced: Map<string, IndexedEntry | null>;
  lastSeq: number;
  journalRecords: number;
  notices: AppError[];
  /** Something was read around (or an older format read): a clean snapshot should be written. */
  needsCompaction: boolean;
}

const SNAPSHOT = 'entries.snapshot.jsonl';
const JOURNAL = 'entries.journal.jsonl';

const loadTrustedLine = (text: string): Entry =>
  snapshotLineToEntry(JSON.parse(text) as Parameters<typeof snapshotLineToEntry>[0]);

/**
 * Snapshot, then the journal's records newer than it. Whatever cannot be read is kept aside
 * (a copy, or the file moved), the user is told once, and everything readable loads.
 */
export function loadLog(dir: string, logger: Logger): LoadedLog {
  const index = new Map<string, IndexedEntry>();
  const notices: AppError[] = [];
  let orders: Map<SortKey, IndexedEntry[]> | null = null;
  let lastSeq = 0;
  let needsCompaction = false;

  const snapshotPath = join(dir, SNAPSHOT);
  const snapshot = safeRead(snapshotPath, readJsonlBytes, notices, logger);
  if (snapshot) {
    const firstLine = snapshot.firstNewline < 0 ? null : snapshot.buffer.toString('utf8', 0, snapshot.firstNewline);
    const header =
      firstLine !== null && firstLine.trim() !== '' ? SnapshotHeaderSchema.safeParse(tryJson(firstLine)) : null;
    if (!header?.success) {
      // Without its header we cannot tell which journal records it holds: keep it aside whole.
      notices.push(setAside(snapshotPath, 'move', logger));
    } else {
      lastSeq = header.data.lastSeq;
      const trusted =
        snapshot.tornTail === null && header.data.sha256 !== undefined && header.data.sha256 === bodySha256(snapshot);
      // Byte for byte what this app wrote from validated entries (see SnapshotHeaderSchema):
      // the index comes from the index line, each entry is parsed when first read.
      orders = trusted && header.data.v === 2 ? readIndexed(snapshot, header.data.entries, index) : null;
      if (!orders) {
        if (trusted && header.data.v === 2)
          logger.warn('The broadcast log snapshot index did not match its entries: reading every entry');
        index.clear();
        // An older format, or the index could not be used: read every line (validated unless trusted).
        if (header.data.v !== 2 || trusted) needsCompaction = true;
        let bad = snapshot.tornTail !== null ? 1 : 0;
        const [, ...rest] = splitJsonl(snapshot);
        // In format 2 the first body line is the index: derived from the entries, rebuilt from them.
        for (const line of header.data.v === 2 ? rest.slice(1) : rest) {
          if (trusted) {
            const entry = loadTrustedLine(line.text);
            index.set(entry.id, indexEntry(entry));
            continue;
          }
          const parsed = parseEntry(snapshotLineToRaw(tryJson(line.text)));
          if (parsed.success) index.set(parsed.data.id, indexEntry(parsed.data));
          else bad += 1;
        }
        if (bad > 0) {
          notices.push(setAside(snapshotPath, 'copy', logger, bad));
          needsCompaction = true;
        }
      }
    }
  }

  const replaced = new Map<string, IndexedEntry | null>();
  const journalPath = join(dir, JOURNAL);
  const journal = safeRead(journalPath, readJsonl, notices, logger);
  let journalRecords = 0;
  if (journal) {
    let bad = 0;
    let seq = lastSeq;
    for (const line of journal.lines) {
      const record = JournalRecordSchema.safeParse(tryJson(line.text));
      if (!record.success) {
        bad += 1;
        continue;
      }
      journalRecords += 1;
      const r = record.data;
      if (r.seq <= lastSeq) continue; // already in the snapshot (a crash right after compaction)
      seq = Math.max(seq, r.seq);
      if (!applyRecord(index, replaced, r)) bad += 1;
    }
    lastSeq = seq;
    if (journal.tornTail !== null) {
      // A crash cut the last write short: that record never happened. Cut it off so the
      // next append starts a clean line, and say so (the lost part is at most a few seconds).
      logger.warn('The last write to the broadcast log was incomplete and is ignored');
      notices.push(appError('LOG_LAST_WRITE_TORN'));
      truncateTo(journalPath, journal.validBytes);
    }
    if (bad > 0) {
      notices.push(setAside(journalPath, 'copy', logger, bad));
      needsCompaction = true;
    }
  }
  return { index, orders, replaced, lastSeq, journalRecords, notices, needsCompaction };
}

/**
 * Format 2 from a verified snapshot: the index from its index line, each entry left as a
 * slice of the file until read. Null (and `index` to be refilled) if the line does not match.
 */
function readIndexed(
  snapshot: JsonlBytes,
  count: number,
  index: Map<string, IndexedEntry>,
): Map<SortKey, IndexedEntry[]> | null {
  const { buffer, validBytes } = snapshot;
  const indexStart = snapshot.firstNewline + 1;
  const indexEnd = buffer.indexOf(0x0a, indexStart);
  if (indexEnd < 0 || indexEnd >= validBytes) return null;
  let parsed: SnapshotIndex;
  try {
    parsed = JSON.parse(buffer.toString('utf8', indexStart, indexEnd)) as SnapshotIndex;
  } catch {
    return null;
  }
  const { rows, byDuration, byTitle } = parsed ?? {};
  if (!Array.isArray(rows) || rows.length !== count || !Array.isArray(byDuration) || !Array.isArray(byTitle))
    return null;
  if (byDuration.length !== count || byTitle.length !== count) return null;
  const start: IndexedEntry[] = new Array<IndexedEntry>(count);
  let at = indexEnd + 1;
  for (let i = 0; i < count; i += 1) {
    const row: unknown = rows[i];
    const end = at < validBytes ? buffer.indexOf(0x0a, at) : -1;
    if (!isRow(row) || end < 0 || end >= validBytes) return null;
    const it = fromRow(row);
    it.raw = { buffer, start: at, end, load: loadTrustedLine };
    index.set(it.id, it);
    start[i] = it;
    at = end + 1;
  }
  if (at !== validBytes || index.size !== count) return null;
  const pick = (positions: unknown[]): IndexedEntry[] | null => {
    const out = new Array<IndexedEntry>(count);
    const seen = new Uint8Array(count);
    for (let i = 0; i < count; i += 1) {
      const p = positions[i];
      if (typeof p !== 'number' || !(p >= 0 && p < count) || seen[p]) return null;
      seen[p] = 1;
      out[i] = start[p]!;
    }
    return out;
  };
  const duration = pick(byDuration);
  const title = pick(byTitle);
  if (!duration || !title) return null;
  return new Map<SortKey, IndexedEntry[]>([
    ['start', start],
    ['duration', duration],
    ['title', title],
  ]);
}

function applyRecord(
  index: Map<string, IndexedEntry>,
  replaced: Map<string, IndexedEntry | null>,
  record: JournalRecord,
): boolean {
  const note = (id: string): void => {
    if (!replaced.has(id)) replaced.set(id, index.get(id) ?? null);
  };
  if (record.op === 'put') {
    const parsed = parseEntry(record.entry);
    if (!parsed.success) return false;
    note(parsed.data.id);
    index.set(parsed.data.id, indexEntry(parsed.data));
    return true;
  }
  const current = index.get(record.id)?.entry;
  if (!current) return false;
  if (record.op === 'switch') {
    note(record.id);
    index.set(record.id, indexEntry({ ...current, timeline: [...current.timeline, record.switch] }));
    return true;
  }
  const set = parsePatchFields(record.set);
  if (!set.success) return false;
  const next = { ...current, ...set.data } as Entry;
  for (const key of record.unset ?? [])
    if (key !== 'id' && key !== 'schemaVersion') delete (next as Record<string, unknown>)[key];
  note(record.id);
  index.set(record.id, indexEntry(next));
  return true;
}

function safeRead<T>(path: string, read: (path: string) => T | null, notices: AppError[], logger: Logger): T | null {
  try {
    return read(path);
  } catch (error) {
    logger.error('Could not read a broadcast log file', { file: path, error: String(error) });
    try {
      notices.push(
        appError('LOG_FILE_SET_ASIDE', {
          file: path.split(/[\\/]/).pop() ?? path,
          movedTo: moveAside(path, 'unreadable'),
          lines: 0,
        }),
      );
    } catch {
      notices.push(appError('LOG_WRITE_FAILED', { file: path }));
    }
    return null;
  }
}

function setAside(path: string, how: 'move' | 'copy', logger: Logger, lines = 0): AppError {
  const file = path.split(/[\\/]/).pop() ?? path;
  try {
    const movedTo = how === 'move' ? moveAside(path) : copyAside(path);
    logger.warn('A damaged broadcast log file was set aside', { file, movedTo, lines });
    return appError('LOG_FILE_SET_ASIDE', { file, movedTo, lines });
  } catch {
    return appError('LOG_WRITE_FAILED', { file });
  }
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type { JsonlRead };
