/**
 * `npm run bench -- [--quick] [--json FILE] [--markdown] [--obs 30|32]`
 *
 * Starts its own OBS Studio (Xvfb, software GL) and nginx-rtmp, measures every bench figure of
 * the issues in one run (side by side with the raw obs-websocket-js floor where there is one),
 * prints a table and, with --json, writes one flat JSON object of numbers. Benchmarks are not
 * tests: nothing here passes or fails on a timing. A phase that fails is reported and skipped;
 * the exit code is then 1.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startObs, withRawObs, type RunningObs } from '../../tests/support/obs-studio';
import { startRtmpIngest, type RtmpIngest } from '../../tests/support/rtmp-ingest';
import { measureBroadcastLog } from './broadcast-log';
import { measureBundleSize } from './bundle-size';
import { measureHostCpu } from './host-cpu';
import { measurePhoneRemote } from './phone-remote';
import { measurePresetApply } from './preset-apply';
import { measureProgramPicture } from './program-picture';
import { measureReconnect } from './reconnect';
import { measureSceneSwitch } from './scene-switch';
import { formatMarkdown, formatTable, type PhaseResult, type Row } from './table';

interface Options {
  quick: boolean;
  json: string | null;
  markdown: boolean;
  /** The OBS to measure against: null for the machine's own, else a newer major version (30, 32). */
  obs: string | null;
}

const USAGE = 'usage: npm run bench -- [--quick] [--json FILE] [--markdown] [--obs 30|32]';

function parseArgs(argv: string[]): Options {
  const options: Options = { quick: false, json: null, markdown: false, obs: null };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--markdown') options.markdown = true;
    else if (arg === '--json') {
      const file = argv[++i];
      if (!file) throw new Error(`--json needs a file\n${USAGE}`);
      options.json = file;
    } else if (arg === '--obs') {
      const version = argv[++i];
      if (!version || !/^\d+$/.test(version)) throw new Error(`--obs needs a major version such as 32\n${USAGE}`);
      options.obs = version;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  return options;
}

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const log = (message: string): void => void process.stderr.write(`${message}\n`);

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  // The test harness's startObs runs the OBS that BIBBLAN_OBS names (scripts/setup-obs-versions.sh).
  if (options.obs) process.env.BIBBLAN_OBS = options.obs;
  let obsName = "the machine's OBS";
  // Ctrl+C / SIGTERM: exit through process.exit so every 'exit' handler of the helpers runs
  // (OBS process groups, nginx, the host process and Chromium are killed there).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      log(`\nbench: ${signal}, stopping everything`);
      process.exit(130);
    });
  }
  const started = Date.now();
  const figures: Record<string, number> = {};
  const rows: Row[] = [];
  const failed: { phase: string; error: string }[] = [];

  const phase = async (name: string, run: () => PhaseResult | Promise<PhaseResult>): Promise<void> => {
    const t0 = Date.now();
    log(`bench: ${name}…`);
    try {
      const result = await run();
      Object.assign(figures, result.figures);
      rows.push(...result.rows);
      for (const error of result.errors ?? []) {
        failed.push({ phase: `${name} (partly)`, error });
        log(`bench: ${name}: ${error}`);
      }
      log(`bench: ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failed.push({ phase: name, error: message.split('\n')[0] ?? message });
      log(`bench: ${name} FAILED after ${((Date.now() - t0) / 1000).toFixed(1)} s:\n${message}`);
    }
  };

  const quick = { quick: options.quick, log };
  // No OBS needed: first, on a quiet machine (as quiet as it gets).
  await phase('renderer bundle size', () => measureBundleSize(projectRoot));
  await phase('broadcast log', () => measureBroadcastLog(projectRoot, quick));

  let obs: RunningObs | null = null;
  let rtmp: RtmpIngest | null = null;
  try {
    const t0 = Date.now();
    const [o, r] = await Promise.allSettled([startObs(), startRtmpIngest()]);
    if (o.status === 'fulfilled') obs = o.value;
    if (r.status === 'fulfilled') rtmp = r.value;
    if (o.status === 'rejected') {
      failed.push({
        phase: 'start OBS (scene switch, host CPU, presets, reconnect skipped)',
        error: String(o.reason).split('\n')[0]!,
      });
      log(`bench: OBS did not start: ${String(o.reason)}`);
    } else {
      obsName = await obsVersionName(obs!);
      log(`bench: ${obsName} at ${obs!.address} up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    if (r.status === 'rejected') {
      failed.push({ phase: 'start nginx-rtmp (host CPU skipped)', error: String(r.reason).split('\n')[0]! });
      log(`bench: nginx-rtmp did not start: ${String(r.reason)}`);
    }
    if (obs) {
      const running = obs;
      await phase('scene switch', () => measureSceneSwitch(running, quick));
      if (rtmp) {
        const ingest = rtmp;
        await phase('host CPU on air', () => measureHostCpu(running, ingest, projectRoot, quick));
      }
      await phase('preset apply', () => measurePresetApply(running, quick));
      await phase('program monitor', () => measureProgramPicture(running, quick));
      await phase('phone remote', () => measurePhoneRemote(running, projectRoot, quick));
      await phase('reconnect after OBS restart', () => measureReconnect(running, quick));
    }
  } finally {
    await obs?.stop().catch((error: unknown) => log(`bench: stopping OBS: ${String(error)}`));
    await rtmp?.stop().catch((error: unknown) => log(`bench: stopping nginx: ${String(error)}`));
  }

  const durationS = (Date.now() - started) / 1000;
  figures.bench_duration_s = durationS;
  figures.bench_quick = options.quick ? 1 : 0;
  figures.bench_failed_phases = failed.length;

  process.stdout.write(
    `\nBibblan Live benchmark${options.quick ? ' (--quick)' : ''}, ${obsName}, ${new Date().toISOString()}, ${durationS.toFixed(0)} s\n\n`,
  );
  process.stdout.write(`${formatTable(rows)}\n`);
  if (options.markdown) process.stdout.write(`\n${formatMarkdown(rows)}\n`);
  if (failed.length > 0) {
    process.stdout.write(`\nFailed phases (their figures are omitted):\n`);
    for (const f of failed) process.stdout.write(`  - ${f.phase}: ${f.error}\n`);
  }
  if (options.json) {
    const rounded = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
    writeFileSync(options.json, `${JSON.stringify(rounded, null, 2)}\n`);
    process.stdout.write(`\nWrote ${Object.keys(rounded).length} figures to ${options.json}\n`);
  }
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);

/** "OBS 32.2.2 (obs-websocket 5.7.4)", for the table's heading. */
async function obsVersionName(obs: RunningObs): Promise<string> {
  const version = await withRawObs(obs.address, obs.password, (client) => client.call('GetVersion'));
  return `OBS ${version.obsVersion} (obs-websocket ${version.obsWebSocketVersion})`;
}
