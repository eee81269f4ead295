import type { Entry } from '../../shared/broadcast-log/entry-schema';
import type { EntrySummary, LogQuery } from '../../shared/broadcast-log/log-query';

/**
 * The in-memory index: each entry with what search and sort need precomputed, so a filter
 * over 10,000 entries is one pass of string `includes` (a few ms), with no parsing.
 */
export interface IndexedEntry {
  entry: Entry;
  startMs: number;
  /** Lowercased titles, books, people and notes, joined. */
  haystack: string;
}

const fold = (text: string): string => text.normalize('NFC').toLowerCase();

export function indexEntry(entry: Entry): IndexedEntry {
  const parts: string[] = [entry.title, entry.programType ?? '', entry.preset ?? '', entry.destination?.name ?? '', entry.notes];
  for (const role of entry.roles) parts.push(role.name);
  for (const book of entry.books) {
    parts.push(book.title, book.author ?? '', book.illustrator ?? '', book.translator ?? '', book.publisher ?? '', book.isbn ?? '');
  }
  return { entry, startMs: Date.parse(entry.actualStart), haystack: fold(parts.join('\n')) };
}

export function summaryOf(entry: Entry): EntrySummary {
  const summary: EntrySummary = {
    id: entry.id,
    title: entry.title,
    actualStart: entry.actualStart,
    durationSec: entry.durationSec,
    outcome: entry.outcome,
    rehearsal: entry.rehearsal,
    books: entry.books.length,
  };
  if (entry.programType) summary.programType = entry.programType;
  if (entry.destination) {
    summary.platform = entry.destination.platform;
    summary.destinationName = entry.destination.name;
  }
  return summary;
}

const dayStartMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const DAY_MS = 24 * 3_600_000;

export type SortKey = LogQuery['sort'];

const collator = new Intl.Collator('sv');

/** All entries in descending order of `key` (ties: newest first); the store caches these. */
export function sortIndex(entries: Iterable<IndexedEntry>, key: SortKey): IndexedEntry[] {
  const all = [...entries];
  const byStart = (a: IndexedEntry, b: IndexedEntry) => b.startMs - a.startMs || (a.entry.id < b.entry.id ? 1 : -1);
  if (key === 'duration') return all.sort((a, b) => (b.entry.durationSec ?? -1) - (a.entry.durationSec ?? -1) || byStart(a, b));
  if (key === 'title') return all.sort((a, b) => collator.compare(b.entry.title, a.entry.title) || byStart(a, b));
  return all.sort(byStart);
}

/**
 * Filters `sorted` (all entries, descending by `query.sort`: see `sortIndex`) and pages the
 * result; filtering keeps the order, so no query sorts. Pure.
 */
export function runQuery(sorted: readonly IndexedEntry[], query: LogQuery): { total: number; items: EntrySummary[] } {
  const from = query.from ? dayStartMs(query.from) : -Infinity;
  const to = query.to ? dayStartMs(query.to) + DAY_MS : Infinity;
  const words = query.text ? fold(query.text).split(/\s+/).filter(Boolean) : [];
  const matches = sorted.filter(
    (it) =>
      it.startMs >= from &&
      it.startMs < to &&
      (query.platform === undefined || it.entry.destination?.platform === query.platform) &&
      (query.programType === undefined || it.entry.programType === query.programType) &&
      (query.outcome === undefined || it.entry.outcome === query.outcome) &&
      (query.rehearsal === undefined || it.entry.rehearsal === query.rehearsal) &&
      words.every((word) => it.haystack.includes(word)),
  );
  if (query.direction === 'asc') matches.reverse();
  return {
    total: matches.length,
    items: matches.slice(query.offset, query.offset + query.limit).map((it) => summaryOf(it.entry)),
  };
}
