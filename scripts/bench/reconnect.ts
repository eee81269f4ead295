import { performance } from 'node:perf_hooks';
import { helloArrives, type RunningObs } from '../../tests/support/obs-studio';
import { startCore } from './core-session';
import { max, median, sleep } from './stats';
import type { PhaseResult } from './table';

/**
 * OBS killed (SIGKILL) and started again: ms from OBS accepting WebSocket connections again
 * (its first Hello, polled every ~25 ms by a raw socket) to the core's state being `connected`.
 * The core's backoff is capped at 2 s, which bounds this.
 */
export async function measureReconnect(
  obs: RunningObs,
  opts: { quick: boolean; log: (m: string) => void },
): Promise<PhaseResult> {
  const rounds = opts.quick ? 1 : 5;
  const session = await startCore(obs);
  const samples: number[] = [];
  try {
    for (let i = 0; i < rounds; i += 1) {
      await obs.kill('SIGKILL');
      await session.waitFor((s) => s.connection.status !== 'connected', 10_000, 'the core to notice OBS is gone');
      let backAt: number | null = null;
      let connectedAt: number | null = null;
      const connected = session
        .waitFor((s) => s.connection.status === 'connected', 90_000, 'reconnected')
        .then(() => {
          connectedAt = performance.now();
        });
      let polling = true;
      const poll = (async () => {
        while (polling && backAt === null) {
          const t = performance.now();
          if (await helloArrives(obs.address, 1000)) backAt = t;
          else await sleep(25);
        }
      })();
      const restart = obs.restart().then(() => performance.now());
      const restartedAt = await restart;
      await connected;
      polling = false;
      await poll;
      // Whichever saw OBS listening first: our probe, restart()'s own probe, or the core itself.
      const t0 = Math.min(backAt ?? restartedAt, restartedAt, connectedAt!);
      samples.push(connectedAt! - t0);
      opts.log(`  reconnect: round ${i + 1}: ${Math.round(connectedAt! - t0)} ms after OBS listened again`);
    }
  } finally {
    await session.stop();
  }
  const f = {
    reconnect_after_obs_restart_ms: median(samples),
    reconnect_after_obs_restart_max_ms: max(samples),
    reconnect_rounds: rounds,
  };
  return {
    figures: f,
    rows: [
      {
        figure: `reconnect after OBS SIGKILL + restart (median of ${rounds})`,
        value: f.reconnect_after_obs_restart_ms,
        unit: 'ms',
        floor: `max ${Math.round(f.reconnect_after_obs_restart_max_ms)} ms`,
        target: '≤ 2 s backoff cap (README)',
      },
    ],
  };
}
