import { performance } from 'node:perf_hooks';
import { ProgramPictureLoop } from '../../src/core/live/program-picture';
import { ObsController } from '../../src/core/obs/obs-controller';
import { silentLogger } from '../../src/core/ports';
import { withRawObs, type RunningObs } from '../../tests/support/obs-studio';
import { median, sleep, until } from './stats';
import type { PhaseResult } from './table';

const SCREENSHOT = { imageFormat: 'jpg', imageWidth: 640, imageCompressionQuality: 70 } as const;

/**
 * The program monitor: pictures a second from the core's one loop with 1 and with 5 watching
 * clients, the OBS screenshot requests a second it costs (the same for 5 as for 1: one loop),
 * and the raw floor: one raw obs-websocket-js client asking for screenshots back to back.
 */
export async function measureProgramPicture(
  obs: RunningObs,
  opts: { quick: boolean; log: (m: string) => void },
): Promise<PhaseResult> {
  const windowMs = opts.quick ? 2_000 : 6_000;
  const program = await withRawObs(obs.address, obs.password, (raw) => raw.call('GetCurrentProgramScene'));
  const sceneName = program.currentProgramSceneName;

  // Raw floor: how fast OBS answers screenshots at all, one at a time.
  const rawLatencies: number[] = [];
  await withRawObs(obs.address, obs.password, async (raw) => {
    const end = performance.now() + windowMs;
    while (performance.now() < end) {
      const t0 = performance.now();
      await raw.call('GetSourceScreenshot', { sourceName: sceneName, ...SCREENSHOT });
      rawLatencies.push(performance.now() - t0);
    }
  });
  const rawPerSecond = (rawLatencies.length * 1000) / windowMs;

  const controller = new ObsController();
  controller.connect(obs.address, obs.password);
  await until(() => controller.state.connection.status === 'connected', 20_000, 'the controller to connect');
  let requests = 0;
  const counted = {
    get state() {
      return controller.state;
    },
    call: ((...args: Parameters<ObsController['call']>) => {
      requests += 1;
      return controller.call(...args);
    }) as ObsController['call'],
  };
  const run = async (watchers: number): Promise<{ perSecond: number; requestsPerSecond: number }> => {
    let pictures = 0;
    const loop = new ProgramPictureLoop(counted, { emit: () => (pictures += 1), logger: silentLogger });
    try {
      for (let i = 0; i < watchers; i += 1) loop.watch();
      await until(() => pictures > 0, 10_000, 'a first picture');
      const [p0, r0, t0] = [pictures, requests, performance.now()];
      await sleep(windowMs); // a measuring window, not a wait for something
      const seconds = (performance.now() - t0) / 1000;
      return { perSecond: (pictures - p0) / seconds, requestsPerSecond: (requests - r0) / seconds };
    } finally {
      loop.stop();
    }
  };
  let one: { perSecond: number; requestsPerSecond: number };
  let five: { perSecond: number; requestsPerSecond: number };
  try {
    one = await run(1);
    five = await run(5);
  } finally {
    await controller.close();
  }
  opts.log(
    `  program picture: raw ${rawPerSecond.toFixed(1)}/s; loop ${one.perSecond.toFixed(2)}/s (1 client), ${five.perSecond.toFixed(2)}/s (5)`,
  );
  const figures = {
    program_picture_raw_per_s: rawPerSecond,
    program_picture_raw_latency_ms: median(rawLatencies),
    program_picture_per_s_1_client: one.perSecond,
    program_picture_per_s_5_clients: five.perSecond,
    program_picture_obs_requests_per_s_1_client: one.requestsPerSecond,
    program_picture_obs_requests_per_s_5_clients: five.requestsPerSecond,
  };
  return {
    figures,
    rows: [
      {
        figure: 'program monitor: pictures a second, 1 client',
        value: one.perSecond,
        unit: '/s',
        floor: `raw ${rawPerSecond.toFixed(1)}/s back to back (${median(rawLatencies).toFixed(0)} ms each)`,
        target: '≥ 2/s',
      },
      {
        figure: 'program monitor: OBS screenshot requests a second, 5 clients vs 1',
        value: five.requestsPerSecond,
        unit: '/s',
        floor: `${one.requestsPerSecond.toFixed(2)}/s with 1, ${(five.requestsPerSecond / one.requestsPerSecond).toFixed(2)}×`,
        target: '1.0× (one loop)',
      },
    ],
  };
}
