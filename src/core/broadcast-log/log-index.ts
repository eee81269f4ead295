import type { Entry } from '../../shared/broadcast-log/entry-schema';
import type { EntrySummary, LogQuery } from '../../shared/broadcast-log/log-query';

/**
 * The in-memory index: each entry with what search, filters, sort and the list rows need,
 * precomputed, so a filter over 10,000 entries is one pass of string `includes` (a few ms),
 * with no parsing. The full entry is parsed only when something reads `entry` (a detail view,
 * an export): opening a trusted snapshot builds these from its index line alone.
 */
export class IndexedEntry {
  /** The entry, once parsed; `null` while only its snapshot line is held. */
  #entry: Entry | null;
  /** Where the unparsed entry is: a line of a checksum-verified snapshot (`load` parses it). */
  raw: { buffer: Buffer; start: number; end: number; load: (text: string) => Entry } | null;

  constructor(
    entry: Entry | null,
    readonly id: string,
    readonly actualStart: string,
    readonly startMs: number,
    readonly title: string,
    readonly durationSec: number | null,
    readonly outcome: Entry['outcome'],
    readonly rehearsal: boolean,
    readonly programType: string | undefined,
    readonly platform: NonNullable<Entry['destination']>['platform'] | undefined,
    readonly destinationName: string | undefined,
    readonly books: number,
    /** Lowercased titles, books, people and notes, joined. */
    readonly haystack: string,
    readonly startedIn: Entry['startedIn'] = 'app',
  ) {
    this.#entry = entry;
    this.raw = null;
  }

  get parsed(): boolean {
    return this.#entry !== null;
  }

  get entry(): Entry {
    if (this.#entry === null) {
      const raw = this.raw!;
      this.#entry = raw.load(raw.buffer.toString('utf8', raw.start, raw.end));
      this.raw = null;
    }
    return this.#entry;
  }
}

/** One row of a snapshot's index line: the fields of `IndexedEntry` but the entry itself. */
export type IndexRow = [
  id: string,
  actualStart: string,
  startMs: number,
  title: string,
  durationSec: number | null,
  outcome: Entry['outcome'],
  rehearsal: 0 | 1,
  programType: string | null,
  platform: string | null,
  destinationName: string | null,
  books: number,
  haystack: string,
  /** Added later: rows written before it have 12 fields and mean 'app'. */
  startedIn?: Entry['startedIn'],
];

export function toRow(it: IndexedEntry): IndexRow {
  return [
    it.id,
    it.actualStart,
    it.startMs,
    it.title,
    it.durationSec,
    it.outcome,
    it.rehearsal ? 1 : 0,
    it.programType ?? null,
    it.platform ?? null,
    it.destinationName ?? null,
    it.books,
    it.haystack,
    it.startedIn,
  ];
}

export function fromRow(r: IndexRow): IndexedEntry {
  return new IndexedEntry(
    null,
    r[0],
    r[1],
    r[2],
    r[3],
    r[4],
    r[5],
    r[6] === 1,
    r[7] ?? undefined,
    (r[8] ?? undefined) as IndexedEntry['platform'],
    r[9] ?? undefined,
    r[10],
    r[11],
    r[12] === 'obs' ? 'obs' : 'app',
  );
}

/** A plausible row (a cheap shape check: the line is checksummed, this guards against our own bugs). */
export function isRow(r: unknown): r is IndexRow {
  return (
    Array.isArray(r) &&
    (r.length === 12 || r.length === 13) &&
    typeof r[0] === 'string' &&
    typeof r[1] === 'string' &&
    typeof r[2] === 'number' &&
    typeof r[3] === 'string' &&
    typeof r[11] === 'string'
  );
}

const fold = (text: string): string => text.normalize('NFC').toLowerCase();

export function indexEntry(entry: Entry): IndexedEntry {
  const parts: string[] = [
    entry.title,
    entry.programType ?? '',
    entry.preset ?? '',
    entry.destination?.name ?? '',
    entry.notes,
  ];
  for (const role of entry.roles) parts.push(role.name);
  for (const book of entry.books) {
    parts.push(
      book.title,
      book.author ?? '',
      book.illustrator ?? '',
      book.translator ?? '',
      book.publisher ?? '',
      book.isbn ?? '',
    );
  }
  return new IndexedEntry(
    entry,
    entry.id,
    entry.actualStart,
    Date.parse(entry.actualStart),
    entry.title,
    entry.durationSec,
    entry.outcome,
    entry.rehearsal,
    entry.programType,
    entry.destination?.platform,
    entry.destination?.name,
    entry.books.length,
    fold(parts.join('\n')),
    entry.startedIn,
  );
}

export function summaryOf(it: IndexedEntry): EntrySummary {
  const summary: EntrySummary = {
    id: it.id,
    title: it.title,
    actualStart: it.actualStart,
    durationSec: it.durationSec,
    outcome: it.outcome,
    rehearsal: it.rehearsal,
    startedIn: it.startedIn,
    books: it.books,
  };
  if (it.programType) summary.programType = it.programType;
  if (it.platform !== undefined) {
    summary.platform = it.platform;
    summary.destinationName = it.destinationName ?? '';
  }
  return summary;
}

const dayStartMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const DAY_MS = 24 * 3_600_000;

export type SortKey = LogQuery['sort'];
export const SORT_KEYS: readonly SortKey[] = ['start', 'duration', 'title'];

const collator = new Intl.Collator('sv');

/** Descending by start (ties: by id, descending); 0 only for the same id. */
const byStart = (a: IndexedEntry, b: IndexedEntry): number =>
  b.startMs - a.startMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The order of each sort key (descending): a total order, so an entry's place can be found by bisection. */
export const COMPARE: Record<SortKey, (a: IndexedEntry, b: IndexedEntry) => number> = {
  start: byStart,
  duration: (a, b) => (b.durationSec ?? -1) - (a.durationSec ?? -1) || byStart(a, b),
  title: (a, b) => collator.compare(b.title, a.title) || byStart(a, b),
};

/** All entries in descending order of `key` (ties: newest first); the store keeps these up to date. */
export function sortIndex(entries: Iterable<IndexedEntry>, key: SortKey): IndexedEntry[] {
  return [...entries].sort(COMPARE[key]);
}

function lowerBound(
  order: readonly IndexedEntry[],
  item: IndexedEntry,
  cmp: (a: IndexedEntry, b: IndexedEntry) => number,
): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(order[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where `item` is in `order` (bisection, then a scan should the order not be exact), or -1. */
export function findIn(order: readonly IndexedEntry[], item: IndexedEntry, key: SortKey): number {
  const at = lowerBound(order, item, COMPARE[key]);
  return order[at] === item ? at : order.indexOf(item);
}

/** Puts `item` in its place in `order` (O(log n) to find, one splice). */
export function insertInto(order: IndexedEntry[], item: IndexedEntry, key: SortKey): void {
  order.splice(lowerBound(order, item, COMPARE[key]), 0, item);
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
      (query.platform === undefined || it.platform === query.platform) &&
      (query.programType === undefined || it.programType === query.programType) &&
      (query.outcome === undefined || it.outcome === query.outcome) &&
      (query.rehearsal === undefined || it.rehearsal === query.rehearsal) &&
      words.every((word) => it.haystack.includes(word)),
  );
  if (query.direction === 'asc') matches.reverse();
  return {
    total: matches.length,
    items: matches.slice(query.offset, query.offset + query.limit).map(summaryOf),
  };
}
