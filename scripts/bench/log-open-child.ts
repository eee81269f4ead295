/**
 * Child process of the broadcast-log benchmark, so every open is from cold (fresh process:
 * no JIT, no module or object caches). Usage:
 *   node --import tsx scripts/bench/log-open-child.ts seed DIR COUNT
 *   node --import tsx scripts/bench/log-open-child.ts measure DIR UPDATES
 * Prints one line of JSON on stdout.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { BroadcastLogStore, seedBroadcastLog } from '../../src/core/broadcast-log/open-broadcast-log';
import type { LogQuery } from '../../src/shared/broadcast-log/log-query';

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)] ?? Number.NaN;

async function measure(dir: string, updates: number): Promise<Record<string, number>> {
  const t0 = performance.now();
  const { store, notices } = BroadcastLogStore.open(dir);
  const openMs = performance.now() - t0;
  if (notices.length > 0) throw new Error(`open reported notices: ${JSON.stringify(notices)}`);

  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  let longestOpMs = 0;
  const timed = <T>(work: () => T): [T, number] => {
    const s = performance.now();
    const value = work();
    const ms = performance.now() - s;
    longestOpMs = Math.max(longestOpMs, ms);
    return [value, ms];
  };
  const query = (q: Partial<LogQuery>): LogQuery => ({ sort: 'start', direction: 'desc', offset: 0, limit: 100, ...q });

  // Search: full text over titles, books, people and notes; first one separately (cold).
  const words = ['Lindgren', 'Mamma Mu', 'bra ljud', 'Pippi', 'Bergström', 'nr 42', 'Nordqvist', 'saknas-helt'];
  const [, searchFirstMs] = timed(() => store.query(query({ text: 'Astrid' })));
  await yieldToLoop();
  const searches: number[] = [];
  for (let i = 0; i < 24; i += 1) {
    searches.push(timed(() => store.query(query({ text: words[i % words.length]! })))[1]);
    await yieldToLoop();
  }
  // Filters: outcome, rehearsal, a date range, sorting by another key.
  const filters: Partial<LogQuery>[] = [
    { outcome: 'interrupted' },
    { rehearsal: true },
    { from: '2025-01-01', to: '2025-06-30' },
    { sort: 'duration', direction: 'asc' },
    { sort: 'title' },
    { platform: 'youtube' },
  ];
  const filterMs: number[] = [];
  for (let i = 0; i < 24; i += 1) {
    filterMs.push(timed(() => store.query(query(filters[i % filters.length]!)))[1]);
    await yieldToLoop();
  }

  // The live entry: the newest, updated the way the recorder does (health summary, not durable).
  const [first] = store.query(query({ limit: 1 })).items;
  if (!first) throw new Error('empty log');
  const live = store.get(first.id)!;
  const updateMs: number[] = [];
  for (let i = 0; i < updates; i += 1) {
    const health = {
      ...live.health,
      samples: live.health.samples + i,
      avgKbps: 2500 + (i % 7),
      lastSeenAt: new Date().toISOString(),
    };
    const [result, ms] = timed(() => store.patch(live.id, { health }, false));
    if (!result.ok) throw new Error(`patch failed: ${JSON.stringify(result.error)}`);
    updateMs.push(ms);
    if (i % 10 === 0) await yieldToLoop();
  }
  // Let the background journal fsync run while we still watch the loop.
  await new Promise((resolve) => setTimeout(resolve, 300));
  loop.disable();
  await store.close();
  return {
    entries: store.size,
    open_ms: openMs,
    search_first_ms: searchFirstMs,
    search_ms: median(searches),
    filter_ms: median(filterMs),
    update_ms: median(updateMs),
    update_max_ms: Math.max(...updateMs),
    longest_op_ms: longestOpMs,
    event_loop_max_ms: Math.max(loop.max / 1e6, longestOpMs),
    rss_mb: process.memoryUsage().rss / (1024 * 1024),
  };
}

async function main(): Promise<void> {
  const [mode, dir, arg] = process.argv.slice(2);
  if (!dir || !arg) throw new Error('usage: log-open-child.ts seed|measure DIR N');
  if (mode === 'seed') {
    const t0 = performance.now();
    // Throws if any generated entry is refused, so a figure is never taken on a short log.
    await seedBroadcastLog(dir, Number(arg));
    process.stdout.write(`${JSON.stringify({ seed_ms: performance.now() - t0 })}\n`);
  } else if (mode === 'measure') {
    process.stdout.write(`${JSON.stringify(await measure(dir, Number(arg)))}\n`);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
