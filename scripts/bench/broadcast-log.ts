import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onExit } from './on-exit';
import { median } from './stats';
import type { PhaseResult, Row } from './table';

const CHILD = join('scripts', 'bench', 'log-open-child.ts');

/** Runs the child script in a fresh Node process and parses its one JSON line. */
function runChild(projectRoot: string, args: string[], timeoutMs: number): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const forget = onExit(() => child.kill('SIGKILL'));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      forget();
      if (code !== 0)
        return reject(new Error(`log child ${args.join(' ')} exited ${code ?? signal}: ${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as Record<string, number>);
      } catch {
        reject(new Error(`log child printed no JSON: ${out.slice(-500)} ${err.slice(-500)}`));
      }
    });
  });
}

const label = (n: number): string => (n >= 1000 ? `${n / 1000}k` : String(n));

/** Issue #6: open from cold, search/filter, live-entry update and event-loop block at 1k/10k/100k entries. */
export async function measureBroadcastLog(
  projectRoot: string,
  opts: { quick: boolean; log: (m: string) => void },
): Promise<PhaseResult> {
  const counts = opts.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const figures: Record<string, number> = {};
  const rows: Row[] = [];
  const errors: string[] = [];
  const root = mkdtempSync(join(tmpdir(), 'bibblan-bench-log-'));
  const forgetRoot = onExit(() => rmSync(root, { recursive: true, force: true }));
  try {
    for (const n of counts) {
      try {
        await measureCount(n);
      } catch (error) {
        errors.push(`${n} entries: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
    forgetRoot();
  }
  return { figures, rows, errors };

  async function measureCount(n: number): Promise<void> {
    {
      const dir = join(root, `log-${n}`);
      const seeded = await runChild(projectRoot, ['seed', dir, String(n)], 600_000);
      opts.log(`  log: seeded ${n} entries in ${Math.round(seeded.seed_ms ?? 0)} ms`);
      // Several cold processes (not --quick): the median of each figure, less at the mercy of load.
      const runs: Record<string, number>[] = [];
      for (let r = 0; r < (opts.quick ? 1 : 3); r += 1)
        runs.push(await runChild(projectRoot, ['measure', dir, '200'], 300_000));
      const m: Record<string, number> = Object.fromEntries(
        Object.keys(runs[0]!).map((key) => [key, median(runs.map((run) => run[key]!))]),
      );
      m.cold_runs = runs.length;
      if (m.entries !== n) {
        figures[`log_loaded_entries_${label(n)}`] = m.entries!;
        throw new Error(
          `seeded ${n} entries, BroadcastLogStore.open loaded ${m.entries} (no notice): figures at ${label(n)} omitted`,
        );
      }
      const k = label(n);
      const add = (key: string, value: number | undefined): void => {
        if (value !== undefined) figures[`log_${key}_${k}_ms`] = value;
      };
      add('open', m.open_ms);
      add('search', m.search_ms);
      add('search_first', m.search_first_ms);
      add('filter', m.filter_ms);
      add('update', m.update_ms);
      add('update_max', m.update_max_ms);
      add('max_event_loop_block', m.event_loop_max_ms);
      add('longest_sync_op', m.longest_op_ms);
      if (m.rss_mb !== undefined) figures[`log_rss_${k}_mb`] = m.rss_mb;
      const at10k = n === 10_000;
      rows.push(
        {
          figure: `log: open from cold, ${n} entries (median of ${m.cold_runs} processes)`,
          value: m.open_ms!,
          unit: 'ms',
          target: at10k ? '≤ 300 ms at 10k' : '',
        },
        {
          figure: `log: text search, ${n} entries (median)`,
          value: m.search_ms!,
          unit: 'ms',
          floor: `first ${m.search_first_ms!.toFixed(1)} ms`,
          target: at10k ? '≤ 30 ms at 10k' : '',
        },
        {
          figure: `log: filter/sort, ${n} entries (median)`,
          value: m.filter_ms!,
          unit: 'ms',
          target: at10k ? '≤ 30 ms at 10k' : '',
        },
        {
          figure: `log: update live entry, ${n} entries (median of 200)`,
          value: m.update_ms!,
          unit: 'ms',
          floor: `max ${m.update_max_ms!.toFixed(2)} ms`,
          target: at10k ? '≤ 2 ms at 10k' : '',
        },
        {
          figure: `log: longest event-loop block, ${n} entries`,
          value: m.event_loop_max_ms!,
          unit: 'ms',
          floor: `longest log call ${m.longest_op_ms!.toFixed(1)} ms`,
          target: at10k ? '≤ 16 ms at 10k' : '',
        },
      );
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
