import { z } from 'zod';
import { EntrySchema, HealthSampleSchema } from '../broadcast-log/entry-schema';
import { EntryUpdateSchema } from '../broadcast-log/entry-update';
import { isTimeZone } from '../broadcast-log/log-format';
import { DateRangeSchema, EntrySummarySchema, LogQuerySchema } from '../broadcast-log/log-query';
import { LogStatsSchema } from '../broadcast-log/stats';
import { TodoItemSchema, TodoKindSchema } from '../broadcast-log/todo';

const EntryIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/**
 * A CSV export is written for a person: column headers and words in the UI's language, times and
 * the date range in the UI's time zone (both optional: Swedish and the computer's zone).
 */
const CsvExportParamsSchema = z
  .object({
    from: DateRangeSchema.shape.from,
    to: DateRangeSchema.shape.to,
    language: z.enum(['sv', 'en']).optional(),
    timeZone: z.string().max(64).refine(isTimeZone, 'unknown time zone').optional(),
  })
  .strict();
const ExportFileSchema = z.object({ fileName: z.string(), content: z.string(), count: z.number().int() });

/** The broadcast log: entries, what is left to do after a broadcast, statistics, export and import. */
export const logRequests = {
  'log.list': {
    params: LogQuerySchema,
    result: z.object({
      total: z.number().int(),
      items: z.array(EntrySummarySchema),
      /** Every program type in the log, for the filter. */
      programTypes: z.array(z.string()),
    }),
  },
  'log.get': {
    params: z.object({ id: EntryIdSchema }).strict(),
    result: z.object({ entry: EntrySchema, samples: z.array(HealthSampleSchema) }),
  },
  'log.update': {
    params: z.object({ id: EntryIdSchema, changes: EntryUpdateSchema }).strict(),
    result: EntrySchema,
  },
  'log.todo': { params: z.undefined(), result: z.array(TodoItemSchema) },
  'log.markTodoDone': {
    params: z
      .object({
        entryId: EntryIdSchema,
        kind: TodoKindSchema,
        bookIndex: z.number().int().min(0).max(100).optional(),
        /** Who deleted the recording, kept with the book. */
        by: z.string().max(200).optional(),
      })
      .strict(),
    result: EntrySchema,
  },
  'log.stats': { params: DateRangeSchema, result: LogStatsSchema },
  'log.exportCsv': { params: CsvExportParamsSchema, result: ExportFileSchema },
  'log.exportJson': { params: DateRangeSchema, result: ExportFileSchema },
  /**
   * Restores entries from a JSON export, by id: an entry already in the log is skipped. The
   * UI sends the export's entries in batches (the browser host's messages are capped at 1 MB).
   */
  'log.importJson': {
    params: z.object({ entries: z.array(z.unknown()).min(1).max(2_000) }).strict(),
    result: z.object({
      added: z.number().int(),
      skipped: z.number().int(),
      rejected: z.array(z.object({ index: z.number().int(), details: z.string() })),
    }),
  },
} as const;

export const logEvents = {
  /** Entries added or changed (ids); the UI reloads what it shows. */
  'log.changed': z.object({ ids: z.array(z.string()) }),
} as const;
