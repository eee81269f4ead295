import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { withRawObs, type RunningObs } from '../../tests/support/obs-studio';
import type { RtmpIngest } from '../../tests/support/rtmp-ingest';
import { makeTempDir } from '../../tests/support/temp-dir';
import { onExit } from './on-exit';
import { cpuPercent, rssMb } from './proc-stat';
import { sleep, until } from './stats';
import type { PhaseResult } from './table';
import { startUiSession } from './ui-session';

const STREAM_KEY = 'bench';

/** Starts the raw-floor child and waits for its "ready". */
async function startRawClient(projectRoot: string, obs: RunningObs): Promise<{ pid: number; stop(): void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join('scripts', 'bench', 'raw-client-child.ts'), obs.address, obs.password ?? ''],
    {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stop = (): void => {
    forget();
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const forget = onExit(() => child.kill('SIGKILL'));
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`raw client not ready: ${stderr}`)), 30_000);
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line === 'ready') {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`raw client exited ${code}: ${stderr}`)));
    });
  } catch (error) {
    stop();
    throw error;
  }
  return { pid: child.pid!, stop };
}

/**
 * Issue #4: the browser host's CPU while OBS streams to the local nginx-rtmp, with the UI open
 * in Chromium, a test-tone "mic" feeding the meters; against a bare obs-websocket-js process.
 */
export async function measureHostCpu(
  obs: RunningObs,
  rtmp: RtmpIngest,
  projectRoot: string,
  opts: { quick: boolean; log: (m: string) => void },
): Promise<PhaseResult> {
  const durationMs = opts.quick ? 5_000 : 15_000;
  const tmp = makeTempDir('bibblan-bench-tone-');
  let streaming = false;
  const forgetTmp = onExit(() => tmp.remove());
  const cleanups: (() => Promise<void> | void)[] = [() => tmp.remove(), forgetTmp];
  try {
    // A looping tone behaves like a live microphone (environment.md): meters have levels.
    const tone = join(tmp.path, 'tone.wav');
    const made = spawnSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:duration=5',
      tone,
    ]);
    const haveTone = made.status === 0;
    await withRawObs(obs.address, obs.password, async (c) => {
      const { currentProgramSceneName } = await c.call('GetCurrentProgramScene');
      if (haveTone) {
        await c
          .call('CreateInput', {
            sceneName: currentProgramSceneName,
            inputName: 'Bench tone',
            inputKind: 'ffmpeg_source',
            inputSettings: { local_file: tone, looping: true },
          })
          .catch(() => {}); // already there from an earlier run of this OBS
      }
      await c.call('SetStreamServiceSettings', {
        streamServiceType: 'rtmp_custom',
        streamServiceSettings: { server: rtmp.server, key: STREAM_KEY },
      });
    });

    const ui = await startUiSession(obs);
    cleanups.unshift(() => ui.stop());
    const raw = await startRawClient(projectRoot, obs);
    cleanups.unshift(() => raw.stop());

    // Preparing: not streaming yet, the checklist listening to the mic's meter.
    await sleep(2_000); // let the UI and the checklist settle
    const [preparingPct, rawIdlePct] = await cpuPercent([ui.host.process.pid!, raw.pid], durationMs);

    await withRawObs(obs.address, obs.password, async (c) => {
      await c.call('StartStream');
      streaming = true;
      await until(
        async () => (await c.call('GetStreamStatus')).outputActive,
        20_000,
        'OBS streaming (OUTPUT_STARTED)',
        100,
      );
    });
    await until(async () => (await rtmp.bytesIn(STREAM_KEY)) > 0, 20_000, 'bytes at nginx-rtmp', 200);
    await sleep(2_000); // let the UI settle into the on-air state
    const hostPid = ui.host.process.pid!;
    const bytes0 = await rtmp.bytesIn(STREAM_KEY);
    const [hostPct, rawPct] = await cpuPercent([hostPid, raw.pid], durationMs);
    const bytes1 = await rtmp.bytesIn(STREAM_KEY);
    const f = {
      host_cpu_on_air_pct: hostPct!,
      host_cpu_raw_floor_pct: rawPct!,
      host_rss_mb: rssMb(hostPid),
      host_cpu_sample_s: durationMs / 1000,
      host_cpu_preparing_pct: preparingPct!,
      host_cpu_raw_floor_preparing_pct: rawIdlePct!,
      stream_ingest_kbps: ((bytes1 - bytes0) * 8) / durationMs,
    };
    return {
      figures: f,
      rows: [
        {
          figure: `host CPU on air, UI open${haveTone ? ', tone meter' : ''} (${durationMs / 1000} s)`,
          value: f.host_cpu_on_air_pct,
          unit: '% of a core',
          floor: `raw client ${f.host_cpu_raw_floor_pct.toFixed(1)} %`,
          target: '≤ 5 %',
        },
        {
          figure: `host CPU preparing, UI open, checklist hearing the mic (${durationMs / 1000} s)`,
          value: f.host_cpu_preparing_pct,
          unit: '% of a core',
          floor: `raw client ${f.host_cpu_raw_floor_preparing_pct.toFixed(1)} %`,
          target: '≤ 5 %',
        },
        { figure: 'host RSS at the end', value: f.host_rss_mb, unit: 'MiB' },
        { figure: 'stream arriving at nginx-rtmp meanwhile', value: f.stream_ingest_kbps, unit: 'kbit/s' },
      ],
    };
  } finally {
    if (streaming) {
      await withRawObs(obs.address, obs.password, (c) => c.call('StopStream')).catch(() => {});
    }
    for (const cleanup of cleanups) await Promise.resolve(cleanup()).catch(() => {});
  }
}
