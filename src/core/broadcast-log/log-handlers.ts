import { parseEntry, type Entry } from '../../shared/broadcast-log/entry-schema';
import { csvHeader, csvRows } from '../../shared/broadcast-log/csv';
import { exportFileName, LOG_EXPORT_FORMAT } from '../../shared/broadcast-log/export-format';
import { localDay } from '../../shared/broadcast-log/log-format';
import type { DateRange } from '../../shared/broadcast-log/log-query';
import { computeStats } from '../../shared/broadcast-log/stats';
import { computeTodo } from '../../shared/broadcast-log/todo';
import type { logRequests } from '../../shared/contract/broadcast-log';
import { appError } from '../../shared/errors';
import { fail, ok } from '../../shared/result';
import type { RequestHandlers } from '../request-handlers';
import { describeIssues } from '../validation-details';
import type { BroadcastLogStore } from './broadcast-log-store';

const today = (): string => new Date().toISOString().slice(0, 10);

/** Exports of thousands of entries are built a few hundred at a time, yielding in between. */
async function inSlices<T>(entries: Entry[], work: (slice: Entry[]) => T, size = 200): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < entries.length; i += size) {
    out.push(work(entries.slice(i, i + size)));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}

/** The entries that started within the range's days (UTC days, or those of `timeZone`). */
function inRange(entries: Entry[], { from, to }: DateRange, timeZone?: string): Entry[] {
  return entries.filter((e) => {
    const day = timeZone ? localDay(e.actualStart, timeZone) : e.actualStart.slice(0, 10);
    return (!from || day >= from) && (!to || day <= to);
  });
}

/** The `log.*` requests, answered from the store; `changed` tells subscribers what moved. */
export function createLogHandlers(
  store: BroadcastLogStore,
  changed: (ids: string[]) => void,
): RequestHandlers<typeof logRequests> {
  return {
    'log.list': async (query) => ok({ ...store.query(query), programTypes: store.programTypes() }),
    'log.get': async ({ id }) => {
      const entry = store.get(id);
      if (!entry) return fail(appError('LOG_ENTRY_NOT_FOUND', { id }));
      return ok({ entry, samples: store.samples.read(id) });
    },
    'log.update': async ({ id, changes }) => {
      const set: Partial<Entry> = {};
      for (const [key, value] of Object.entries(changes)) {
        // null clears an optional date
        (set as Record<string, unknown>)[key] = value === null ? undefined : value;
      }
      const result = store.patch(id, set, true);
      if (result.ok) changed([id]);
      return result;
    },
    'log.todo': async () => ok(computeTodo(store.entries(), Date.now())),
    'log.markTodoDone': async ({ entryId, kind, bookIndex, by }) => {
      const entry = store.get(entryId);
      if (!entry) return fail(appError('LOG_ENTRY_NOT_FOUND', { id: entryId }));
      let set: Partial<Entry>;
      if (kind === 'captions') {
        set = { captionsDoneOn: today() };
      } else {
        const book = bookIndex === undefined ? undefined : entry.books[bookIndex];
        if (!book || bookIndex === undefined) return fail(appError('LOG_TODO_NOT_FOUND'));
        const books = [...entry.books];
        books[bookIndex] =
          kind === 'delete-recording'
            ? { ...book, deletedOn: today(), ...(by ? { deletedBy: by } : {}) }
            : { ...book, reportedToPublisherOn: today() };
        set = { books };
      }
      const result = store.patch(entryId, set, true);
      if (result.ok) changed([entryId]);
      return result;
    },
    'log.stats': async (range) => ok(computeStats(inRange(store.entries(), range))),
    'log.exportCsv': async ({ language, timeZone, ...range }) => {
      // Written for a person: the UI's language and time zone (Swedish and this computer's by default).
      const options = { language, timeZone };
      const entries = inRange(store.entries(), range, timeZone);
      const content = csvHeader(options) + (await inSlices(entries, (slice) => csvRows(slice, options))).join('');
      return ok({ fileName: exportFileName('csv', range.from, range.to), content, count: entries.length });
    },
    'log.exportJson': async (range) => {
      const entries = inRange(store.entries(), range);
      const head = JSON.stringify({ format: LOG_EXPORT_FORMAT, exportedAt: new Date().toISOString() }).slice(0, -1);
      const body = await inSlices(entries, (slice) => slice.map((e) => JSON.stringify(e)).join(',\n'));
      const content = `${head},"entries":[\n${body.filter(Boolean).join(',\n')}\n]}\n`;
      return ok({ fileName: exportFileName('json', range.from, range.to), content, count: entries.length });
    },
    'log.importJson': async ({ entries }) => {
      let added = 0;
      let skipped = 0;
      const rejected: Array<{ index: number; details: string }> = [];
      const ids: string[] = [];
      for (const [index, raw] of entries.entries()) {
        const parsed = parseEntry(raw);
        if (!parsed.success) {
          rejected.push({ index, details: describeIssues(parsed.error, 2) });
          continue;
        }
        // By id: what is already in the log is kept as it is, never duplicated or overwritten.
        if (store.get(parsed.data.id)) {
          skipped += 1;
          continue;
        }
        const written = store.put(parsed.data, false);
        if (!written.ok) return written;
        added += 1;
        ids.push(parsed.data.id);
      }
      if (added === 0 && skipped === 0) {
        return fail(appError('LOG_IMPORT_INVALID', { details: rejected[0]?.details ?? '' }));
      }
      if (ids.length > 0) {
        store.sync();
        changed(ids);
      }
      return ok({ added, skipped, rejected: rejected.slice(0, 20) });
    },
  };
}
