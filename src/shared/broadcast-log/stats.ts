import { z } from 'zod';
import type { Entry } from './entry-schema';

export const StatsRowSchema = z.object({ key: z.string(), broadcasts: z.number().int(), hours: z.number() });
export type StatsRow = z.infer<typeof StatsRowSchema>;
export const LogStatsSchema = z.object({
  byMonth: z.array(StatsRowSchema),
  byProgramType: z.array(StatsRowSchema),
});
export type LogStats = z.infer<typeof LogStatsSchema>;

/**
 * Broadcasts and hours per month (YYYY-MM) and per program type, for the library's annual
 * statistics. Rehearsals and failed starts are not programs and are left out.
 */
export function computeStats(entries: Iterable<Entry>): LogStats {
  const months = new Map<string, StatsRow>();
  const types = new Map<string, StatsRow>();
  const add = (map: Map<string, StatsRow>, key: string, hours: number) => {
    const row = map.get(key) ?? { key, broadcasts: 0, hours: 0 };
    row.broadcasts += 1;
    row.hours += hours;
    map.set(key, row);
  };
  for (const entry of entries) {
    if (entry.rehearsal || entry.outcome === 'failed-to-start') continue;
    const hours = (entry.durationSec ?? 0) / 3600;
    add(months, entry.actualStart.slice(0, 7), hours);
    add(types, entry.programType || '', hours);
  }
  const round = (row: StatsRow): StatsRow => ({ ...row, hours: Math.round(row.hours * 100) / 100 });
  return {
    byMonth: [...months.values()].sort((a, b) => a.key.localeCompare(b.key)).map(round),
    byProgramType: [...types.values()].sort((a, b) => b.hours - a.hours).map(round),
  };
}
