import { create } from 'zustand';
import type { BibblanApi } from '../../shared/api-bridge';
import type { EntrySummary, LogQueryInput } from '../../shared/broadcast-log/log-query';
import type { AppError } from '../../shared/errors';
import { feedStore, type FeedOptions } from './feed-store';

export const LOG_PAGE_SIZE = 100;

/** The broadcast log as the list shows it: the query, its total, and the pages loaded so far. */
export interface LogStore {
  query: LogQueryInput;
  total: number | null;
  /** Rows by position in the result; pages load as the list scrolls to them. */
  rows: Record<number, EntrySummary>;
  programTypes: string[];
  /** Bumped by every `log.changed`: open views reload what they show. */
  revision: number;
  error: AppError | null;
}

export const useLogStore = create<LogStore>()(() => ({
  query: {},
  total: null,
  rows: {},
  programTypes: [],
  revision: 0,
  error: null,
}));

const loadingPages = new Set<number>();
let generation = 0;

/** Loads the page holding `index` unless it is loaded or on its way. */
export async function ensureRows(api: BibblanApi, first: number, last: number): Promise<void> {
  const { rows } = useLogStore.getState();
  const pages = new Set<number>();
  for (let i = Math.max(0, first); i <= last; i += 1) if (!rows[i]) pages.add(Math.floor(i / LOG_PAGE_SIZE));
  await Promise.all([...pages].map((page) => loadPage(api, page)));
}

async function loadPage(api: BibblanApi, page: number, replace = false): Promise<void> {
  if (loadingPages.has(page) && !replace) return;
  loadingPages.add(page);
  const gen = generation;
  const { query } = useLogStore.getState();
  const result = await api.log.list({ ...query, offset: page * LOG_PAGE_SIZE, limit: LOG_PAGE_SIZE });
  loadingPages.delete(page);
  if (gen !== generation) return; // the query changed meanwhile: this page is stale
  if (!result.ok) {
    useLogStore.setState({ error: result.error });
    return;
  }
  // A reload replaces every page at once, so the list never flashes empty while live.
  const rows = replace ? {} : { ...useLogStore.getState().rows };
  result.value.items.forEach((item, i) => (rows[page * LOG_PAGE_SIZE + i] = item));
  useLogStore.setState({ rows, total: result.value.total, programTypes: result.value.programTypes, error: null });
}

/** A new query (or a change in the log): drop the pages and load the first one again. */
export async function reloadLog(api: BibblanApi, query?: LogQueryInput): Promise<void> {
  generation += 1;
  loadingPages.clear();
  if (query) useLogStore.setState({ query, rows: {}, total: null });
  await loadPage(api, 0, true);
}

/**
 * Feeds the list while the log is open (see feed-store.ts). `log.changed` bumps the revision, so
 * open views reload what they show, and reloads the list at most a few times a second while live.
 * The list pages itself (a newer query drops older pages), so it loads in its own way; when the
 * host link returns, the revision is bumped too: changes made meanwhile sent no event.
 */
export function connectLogStore(api: BibblanApi, options?: FeedOptions): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const bumpRevision = () => useLogStore.setState((s) => ({ revision: s.revision + 1 }));
  const stop = feedStore(
    [
      {
        on: api.log.onChanged,
        set: () => {
          bumpRevision();
          timer ??= setTimeout(() => {
            timer = null;
            void reloadLog(api);
          }, 250);
        },
        refresh: (again) => {
          if (again) bumpRevision();
          return reloadLog(api);
        },
      },
    ],
    options,
  ).stop;
  return () => {
    stop();
    if (timer) clearTimeout(timer);
  };
}
