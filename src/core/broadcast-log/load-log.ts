import { join } from 'node:path';
import { parseEntry, type Entry } from '../../shared/broadcast-log/entry-schema';
import { appError, type AppError } from '../../shared/errors';
import type { Logger } from '../ports';
import { JournalRecordSchema, parsePatchFields, SnapshotHeaderSchema } from './journal-records';
import { readJsonl, truncateTo, type JsonlRead } from './jsonl-file';
import { copyAside, moveAside } from './set-aside';
import { snapshotLineToEntry, snapshotLineToRaw } from './snapshot-codec';

export interface LoadedLog {
  entries: Map<string, Entry>;
  lastSeq: number;
  journalRecords: number;
  notices: AppError[];
  /** Something was read around: a clean snapshot should be written. */
  needsCompaction: boolean;
}

const SNAPSHOT = 'entries.snapshot.jsonl';
const JOURNAL = 'entries.journal.jsonl';

/**
 * Snapshot, then the journal's records newer than it. Whatever cannot be read is kept aside
 * (a copy, or the file moved), the user is told once, and everything readable loads.
 */
export function loadLog(dir: string, logger: Logger): LoadedLog {
  const entries = new Map<string, Entry>();
  const notices: AppError[] = [];
  let lastSeq = 0;
  let needsCompaction = false;

  const snapshotPath = join(dir, SNAPSHOT);
  const snapshot = safeRead(snapshotPath, notices, logger);
  if (snapshot) {
    const [first, ...rest] = snapshot.lines;
    const header = first ? SnapshotHeaderSchema.safeParse(tryJson(first.text)) : null;
    if (!header?.success) {
      // Without its header we cannot tell which journal records it holds: keep it aside whole.
      notices.push(setAside(snapshotPath, 'move', logger));
    } else {
      lastSeq = header.data.lastSeq;
      let bad = snapshot.tornTail !== null ? 1 : 0;
      const trusted = snapshot.tornTail === null && header.data.sha256 !== undefined && header.data.sha256 === snapshot.bodySha256;
      for (const line of rest) {
        if (trusted) {
          // Byte for byte what this app wrote from validated entries (see SnapshotHeaderSchema).
          const entry = snapshotLineToEntry(JSON.parse(line.text) as Parameters<typeof snapshotLineToEntry>[0]);
          entries.set(entry.id, entry);
          continue;
        }
        const parsed = parseEntry(snapshotLineToRaw(tryJson(line.text)));
        if (parsed.success) entries.set(parsed.data.id, parsed.data);
        else bad += 1;
      }
      if (bad > 0) {
        notices.push(setAside(snapshotPath, 'copy', logger, bad));
        needsCompaction = true;
      }
    }
  }

  const journalPath = join(dir, JOURNAL);
  const journal = safeRead(journalPath, notices, logger);
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
      if (!applyRecord(entries, r)) bad += 1;
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
  return { entries, lastSeq, journalRecords, notices, needsCompaction };
}

function applyRecord(entries: Map<string, Entry>, record: import('./journal-records').JournalRecord): boolean {
  if (record.op === 'put') {
    const parsed = parseEntry(record.entry);
    if (!parsed.success) return false;
    entries.set(parsed.data.id, parsed.data);
    return true;
  }
  const current = entries.get(record.id);
  if (!current) return false;
  if (record.op === 'switch') {
    entries.set(record.id, { ...current, timeline: [...current.timeline, record.switch] });
    return true;
  }
  const set = parsePatchFields(record.set);
  if (!set.success) return false;
  const next = { ...current, ...set.data } as Entry;
  for (const key of record.unset ?? []) if (key !== 'id' && key !== 'schemaVersion') delete (next as Record<string, unknown>)[key];
  entries.set(record.id, next);
  return true;
}

function safeRead(path: string, notices: AppError[], logger: Logger): JsonlRead | null {
  try {
    return readJsonl(path);
  } catch (error) {
    logger.error('Could not read a broadcast log file', { file: path, error: String(error) });
    try {
      notices.push(appError('LOG_FILE_SET_ASIDE', { file: path.split(/[\\/]/).pop() ?? path, movedTo: moveAside(path, 'unreadable'), lines: 0 }));
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
