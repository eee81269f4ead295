import { z } from 'zod';
import { DaySchema, OutcomeSchema, PlatformSchema } from './entry-schema';

/** Filters, search, sort and paging of `log.list`. Days are inclusive, in UTC. */
export const LogQuerySchema = z
  .object({
    from: DaySchema.optional(),
    to: DaySchema.optional(),
    platform: PlatformSchema.optional(),
    programType: z.string().max(100).optional(),
    outcome: OutcomeSchema.optional(),
    rehearsal: z.boolean().optional(),
    /** Words that must all occur in titles, books, people or notes (case-insensitive). */
    text: z.string().max(200).optional(),
    sort: z.enum(['start', 'duration', 'title']).default('start'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type LogQuery = z.infer<typeof LogQuerySchema>;
export type LogQueryInput = z.input<typeof LogQuerySchema>;

export const DateRangeSchema = z.object({ from: DaySchema.optional(), to: DaySchema.optional() }).strict();
export type DateRange = z.infer<typeof DateRangeSchema>;

/** A list row: enough to show and sort, without the timeline or books. */
export const EntrySummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  programType: z.string().optional(),
  platform: PlatformSchema.optional(),
  destinationName: z.string().optional(),
  actualStart: z.string(),
  durationSec: z.number().nullable(),
  outcome: OutcomeSchema.nullable(),
  rehearsal: z.boolean(),
  startedIn: z.enum(['app', 'obs']),
  books: z.number().int(),
});
export type EntrySummary = z.infer<typeof EntrySummarySchema>;
