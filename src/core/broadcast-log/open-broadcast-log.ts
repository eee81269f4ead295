import type { AppError } from '../../shared/errors';
import type { Logger } from '../ports';
import { BroadcastLogStore } from './broadcast-log-store';
import { generateEntries } from './generate-entries';

export { BroadcastLogStore, generateEntries };

/** Opens the log in `dir`; if it cannot be opened at all, the app still starts (without a log) and says why. */
export function openBroadcastLog(
  dir: string,
  logger: Logger,
): { store: BroadcastLogStore | null; notices: AppError[] } {
  try {
    return BroadcastLogStore.open(dir, { logger });
  } catch (error) {
    logger.error('Could not open the broadcast log', { dir, error: String(error) });
    return { store: null, notices: [{ code: 'LOG_WRITE_FAILED', params: { file: dir } }] };
  }
}

/** Fills a fresh log folder with N generated entries (for the benchmark). */
export async function seedBroadcastLog(dir: string, count: number): Promise<void> {
  const { store } = BroadcastLogStore.open(dir);
  for (const entry of generateEntries(count)) {
    const put = store.put(entry, false);
    if (!put.ok) throw new Error(`seeding the log failed at ${entry.id}: ${put.error.code}`);
  }
  await store.compact();
  await store.close();
}
