import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { OBSWebSocket } from 'obs-websocket-js';
import type { RemoteState } from '../../src/shared/remote/remote-state';
import type { Result } from '../../src/shared/result';
import { startBrowserHostProcess, type RunningHost } from '../../tests/support/browser-host-process';
import { connectHostApi, type HostApiClient } from '../../tests/support/host-api-client';
import { createScenes, type RunningObs } from '../../tests/support/obs-studio';
import { createPhoneNetwork, type PhoneNetwork } from '../../tests/support/phone-network';
import { makeTempDir } from '../../tests/support/temp-dir';
import { onExit } from './on-exit';
import { BENCH_SCENES } from './scene-switch';
import { percentile, round, sleep, until } from './stats';
import type { PhaseResult, Row } from './table';
import { rawSwitch } from './raw-switch';

/**
 * Issue #13, the phone remote: phones on another address (a network namespace with a veth pair,
 * tests/support/phone-network.ts) paired with the browser host's LAN listener. The phones are
 * plain WebSocket clients with the device cookie of their own pairing (phone-client-child.ts,
 * run inside the namespace), not browsers: the figures are the host's and the core's, not
 * Chromium's.
 *
 * - tap → live marker: phone 0 sends live.selectScene over its device socket; the time until its
 *   own obs.state event shows the scene on air (OBS's CurrentProgramSceneChanged went through the
 *   core). With 1 and with 5 phones connected; interleaved with the raw floor, a bare
 *   obs-websocket-js client's SetCurrentProgramScene → CurrentProgramSceneChanged, so both see the
 *   same load. Transition Cut, as in the scene-switch phase.
 * - OBS screenshot requests a second while 1 and while 5 phones watch the program picture (the
 *   live.watchProgram lease): counted in the host's own OBS connection, through a loopback proxy
 *   that reads the host's requests. Those of a scene are the program loop's (one loop in the core:
 *   the same for 5 as for 1); the checklist's tiny camera checks are counted apart.
 */

const SCREENSHOT = Buffer.from('GetSourceScreenshot');

/**
 * The client → server half of a WebSocket connection, frame by frame: after the HTTP upgrade
 * request, each frame's payload unmasked (clients must mask). Calls `onMessage` per data frame.
 */
function clientFrames(onMessage: (payload: Buffer) => void): (chunk: Buffer) => void {
  let buffer: Buffer = Buffer.alloc(0);
  let upgraded = false;
  return (chunk) => {
    buffer = buffer.length > 0 ? Buffer.concat([buffer, chunk]) : chunk;
    if (!upgraded) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      upgraded = true;
      buffer = buffer.subarray(end + 4);
    }
    for (;;) {
      if (buffer.length < 2) return;
      const masked = (buffer[1]! & 0x80) !== 0;
      let length = buffer[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) return;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) return;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      const mask = masked ? buffer.subarray(offset, offset + 4) : null;
      if (mask) offset += 4;
      if (buffer.length < offset + length) return;
      const payload = Buffer.from(buffer.subarray(offset, offset + length));
      if (mask) for (let i = 0; i < payload.length; i += 1) payload[i]! ^= mask[i % 4]!;
      const opcode = buffer[0]! & 0x0f;
      buffer = buffer.subarray(offset + length);
      if (opcode === 1 || opcode === 2) onMessage(payload);
    }
  };
}

/**
 * A loopback TCP proxy to OBS that counts the GetSourceScreenshot requests the host sends (in
 * msgpack or JSON, the name is there as text): `ofScenes` those of one of `scenes` (the program
 * picture loop's), `all` with the others (the checklist's tiny camera checks, for instance).
 */
async function startCountingProxy(
  targetPort: number,
  scenes: readonly string[],
): Promise<{ address: string; screenshots(): { all: number; ofScenes: number }; close(): Promise<void> }> {
  const counts = { all: 0, ofScenes: 0 };
  const sceneNames = scenes.map((name) => Buffer.from(name));
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on(
      'data',
      clientFrames((payload) => {
        if (payload.indexOf(SCREENSHOT) < 0) return;
        counts.all += 1;
        if (sceneNames.some((name) => payload.indexOf(name) >= 0)) counts.ofScenes += 1;
      }),
    );
    client.pipe(upstream);
    upstream.pipe(client);
    const drop = (): void => {
      sockets.delete(client);
      sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    address: `ws://127.0.0.1:${port}`,
    screenshots: () => ({ ...counts }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

interface PhoneChild {
  send<T extends object>(command: object, timeoutMs?: number): Promise<T & { ok: true }>;
  stop(): void;
}

/** The phones' process, inside the namespace; one command at a time. */
async function startPhones(network: PhoneNetwork, url: string, projectRoot: string): Promise<PhoneChild> {
  const [command, ...prefix] = network.execPrefix;
  const child: ChildProcess = spawn(
    command!,
    [...prefix, process.execPath, '--import', 'tsx', join('scripts', 'bench', 'phone-client-child.ts'), url],
    { cwd: projectRoot, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const forget = onExit(() => child.kill('SIGKILL'));
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const lines: { resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => lines.shift()?.resolve(line));
  // One listener for all: whatever waits when the phones' process ends fails with its stderr.
  child.once('exit', (code) => {
    for (const waiter of lines.splice(0)) waiter.reject(new Error(`phones exited ${code}: ${stderr}`));
  });
  const next = (timeoutMs: number): Promise<string> =>
    new Promise((resolve, reject) => {
      const waiter = {
        resolve: (line: string) => {
          clearTimeout(timer);
          resolve(line);
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        lines.splice(lines.indexOf(waiter), 1);
        reject(new Error(`phones: no answer within ${timeoutMs} ms: ${stderr}`));
      }, timeoutMs);
      lines.push(waiter);
    });
  const stop = (): void => {
    forget();
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  try {
    await next(30_000); // {ready: true}
  } catch (error) {
    stop();
    throw error;
  }
  return {
    async send<T extends object>(commandLine: object, timeoutMs = 30_000) {
      const answer = next(timeoutMs);
      child.stdin!.write(`${JSON.stringify(commandLine)}\n`);
      const parsed = JSON.parse(await answer) as { ok: boolean; error?: string };
      if (!parsed.ok) throw new Error(`phones: ${parsed.error}`);
      return parsed as T & { ok: true };
    },
    stop,
  };
}

const must = async <T>(result: Promise<Result<T>>, what: string): Promise<T> => {
  const r = await result;
  if (!r.ok) throw new Error(`${what}: ${JSON.stringify(r.error)}`);
  return r.value;
};

export async function measurePhoneRemote(
  obs: RunningObs,
  projectRoot: string,
  opts: { quick: boolean; log: (m: string) => void },
): Promise<PhaseResult> {
  const samples = opts.quick ? 10 : 30;
  const warmup = 3;
  const windowMs = opts.quick ? 3_000 : 6_000;
  const cleanups: (() => unknown)[] = [];
  const cleanUp = async (): Promise<void> => {
    for (const step of cleanups.reverse()) await Promise.resolve(step()).catch(() => {});
  };
  try {
    // Not root or no netns: this throws with the reason and the phase is reported as failed.
    const network = createPhoneNetwork();
    cleanups.push(() => network.remove());
    await createScenes(obs.address, obs.password, BENCH_SCENES);
    const proxy = await startCountingProxy(obs.port, BENCH_SCENES);
    cleanups.push(() => proxy.close());
    const dataDir = makeTempDir('bibblan-bench-phone-');
    const forgetDir = onExit(() => dataDir.remove());
    cleanups.push(() => {
      dataDir.remove();
      forgetDir();
    });
    const host: RunningHost = await startBrowserHostProcess([
      '--port',
      '0',
      '--data-dir',
      dataDir.path,
      '--remote-port',
      '0',
    ]);
    cleanups.push(() => host.stop());
    const api: HostApiClient = await connectHostApi(host.port, host.token);
    cleanups.push(() => api.close());
    // The host's OBS connection goes through the counting proxy.
    await must(
      api.request('settings.saveConnection', {
        address: proxy.address,
        password: obs.password ? { action: 'set', value: obs.password } : { action: 'clear' },
      }),
      'settings.saveConnection',
    );
    await until(
      async () => {
        const state = await api.request<{ connection: { status: string } }>('obs.getState');
        return state.ok && state.value.connection.status === 'connected';
      },
      30_000,
      'the host connected to OBS',
      100,
    );
    const on = await must(
      api.request<RemoteState>('remote.setEnabled', { enabled: true, address: network.hostAddress }),
      'remote.setEnabled',
    );
    const phones = await startPhones(network, `http://${network.hostAddress}:${on.port}`, projectRoot);
    cleanups.push(async () => {
      await phones.send({ cmd: 'quit' }, 5_000).catch(() => {});
      phones.stop();
    });
    const pairPhones = async (total: number, have: number): Promise<void> => {
      for (let i = have; i < total; i += 1) {
        const state = await must(api.request<RemoteState>('remote.startPairing'), 'remote.startPairing');
        await phones.send({ cmd: 'pair', code: state.pairing!.code, name: `Bänktelefon ${i + 1}` });
      }
    };

    const raw = new OBSWebSocket();
    await raw.connect(obs.address, obs.password ?? undefined);
    cleanups.push(() => raw.disconnect());
    // OBS's default 300 ms Fade would dominate both paths and hide the app's own overhead: Cut.
    const { transitionName: transitionBefore } = await raw.call('GetCurrentSceneTransition');
    await raw.call('SetCurrentSceneTransition', { transitionName: 'Cut' });
    cleanups.push(() =>
      transitionBefore
        ? raw.call('SetCurrentSceneTransition', { transitionName: transitionBefore }).catch(() => {})
        : undefined,
    );

    let k = 0;
    const nextScene = (): string => BENCH_SCENES[k++ % BENCH_SCENES.length]!;
    const taps = async (): Promise<{ app: number[]; all: number[]; raw: number[] }> => {
      let current = nextScene();
      await raw.call('SetCurrentProgramScene', { sceneName: current });
      await phones.send({ cmd: 'await', scene: current, timeoutMs: 30_000 }, 40_000);
      const result = { app: [] as number[], all: [] as number[], raw: [] as number[] };
      for (let i = 0; i < warmup + samples; i += 1) {
        // Raw, then the phone, alternately: both see the same load.
        current = nextScene();
        const r = await rawSwitch(raw, current);
        await phones.send({ cmd: 'await', scene: current }); // every phone caught up before the tap
        current = nextScene();
        const tap = await phones.send<{ ms: number; allMs: number }>({ cmd: 'tap', scene: current });
        if (i >= warmup) {
          result.raw.push(r);
          result.app.push(tap.ms);
          result.all.push(tap.allMs);
        }
      }
      return result;
    };
    const screenshots = async (
      watching: number,
    ): Promise<{ requests: number; allRequests: number; pictures: number }> => {
      await phones.send({ cmd: 'watch', phones: watching });
      const count = async () => (await phones.send<{ pictures: number[] }>({ cmd: 'pictures' })).pictures;
      const before = await count();
      await until(
        async () => (await count()).slice(0, watching).every((n, i) => n > before[i]!),
        15_000,
        'a picture on every watching phone',
        100,
      );
      const [p0, r0, t0] = [await count(), proxy.screenshots(), performance.now()];
      await sleep(windowMs); // a measuring window, not a wait for something
      const [p1, r1, seconds] = [await count(), proxy.screenshots(), (performance.now() - t0) / 1000];
      const perPhone = p1.slice(0, watching).map((n, i) => (n - p0[i]!) / seconds);
      return {
        requests: (r1.ofScenes - r0.ofScenes) / seconds,
        allRequests: (r1.all - r0.all) / seconds,
        pictures: Math.min(...perPhone),
      };
    };

    await pairPhones(1, 0);
    const one = await taps();
    await pairPhones(5, 1);
    const five = await taps();
    const shotsOne = await screenshots(1);
    const shotsFive = await screenshots(5);
    await phones.send({ cmd: 'watch', phones: 0 });

    const p = (values: number[], q: number): number => percentile(values, q);
    const f = {
      phone_remote_tap_p50_ms_1_phone: p(one.app, 50),
      phone_remote_tap_p95_ms_1_phone: p(one.app, 95),
      phone_remote_raw_p50_ms_1_phone: p(one.raw, 50),
      phone_remote_raw_p95_ms_1_phone: p(one.raw, 95),
      phone_remote_tap_p50_ratio_1_phone: p(one.app, 50) / p(one.raw, 50),
      phone_remote_tap_p95_ratio_1_phone: p(one.app, 95) / p(one.raw, 95),
      phone_remote_tap_p50_ms_5_phones: p(five.app, 50),
      phone_remote_tap_p95_ms_5_phones: p(five.app, 95),
      phone_remote_raw_p50_ms_5_phones: p(five.raw, 50),
      phone_remote_raw_p95_ms_5_phones: p(five.raw, 95),
      phone_remote_tap_p50_ratio_5_phones: p(five.app, 50) / p(five.raw, 50),
      phone_remote_tap_p95_ratio_5_phones: p(five.app, 95) / p(five.raw, 95),
      phone_remote_last_phone_p50_ms_5_phones: p(five.all, 50),
      phone_remote_last_phone_p95_ms_5_phones: p(five.all, 95),
      phone_remote_samples: samples,
      phone_remote_obs_screenshots_per_s_1_phone: shotsOne.requests,
      phone_remote_obs_screenshots_per_s_5_phones: shotsFive.requests,
      phone_remote_obs_screenshots_ratio_5_to_1: shotsFive.requests / shotsOne.requests,
      phone_remote_obs_screenshots_all_per_s_1_phone: shotsOne.allRequests,
      phone_remote_obs_screenshots_all_per_s_5_phones: shotsFive.allRequests,
      phone_remote_pictures_per_s_each_1_phone: shotsOne.pictures,
      phone_remote_pictures_per_s_each_5_phones: shotsFive.pictures,
    };
    opts.log(
      `  phone remote: tap p50 ${round(f.phone_remote_tap_p50_ms_1_phone)} ms (1 phone), ${round(f.phone_remote_tap_p50_ms_5_phones)} ms (5); raw ${round(f.phone_remote_raw_p50_ms_1_phone)} / ${round(f.phone_remote_raw_p50_ms_5_phones)} ms; screenshots ${shotsOne.requests.toFixed(2)}/s (1), ${shotsFive.requests.toFixed(2)}/s (5)`,
    );
    const tapRow = (phonesN: string, app: number, rawMs: number, q: 'p50' | 'p95'): Row => ({
      figure: `phone remote (Cut), tap → phone's live marker, ${q}, ${phonesN} (n=${samples})`,
      value: app,
      unit: 'ms',
      floor: `raw ${round(rawMs)} ms, ${(app / rawMs).toFixed(2)}×`,
      target: q === 'p50' ? '≤ 1.2× raw' : '',
    });
    return {
      figures: f,
      rows: [
        tapRow('1 phone', f.phone_remote_tap_p50_ms_1_phone, f.phone_remote_raw_p50_ms_1_phone, 'p50'),
        tapRow('1 phone', f.phone_remote_tap_p95_ms_1_phone, f.phone_remote_raw_p95_ms_1_phone, 'p95'),
        tapRow('5 phones', f.phone_remote_tap_p50_ms_5_phones, f.phone_remote_raw_p50_ms_5_phones, 'p50'),
        tapRow('5 phones', f.phone_remote_tap_p95_ms_5_phones, f.phone_remote_raw_p95_ms_5_phones, 'p95'),
        {
          figure: `phone remote, tap → the last of 5 phones shows it, p50 (n=${samples})`,
          value: f.phone_remote_last_phone_p50_ms_5_phones,
          unit: 'ms',
          floor: `raw ${round(f.phone_remote_raw_p50_ms_5_phones)} ms, ${(f.phone_remote_last_phone_p50_ms_5_phones / f.phone_remote_raw_p50_ms_5_phones).toFixed(2)}×`,
        },
        {
          figure: 'phone remote: OBS screenshots of the program a second, 5 phones watching vs 1',
          value: shotsFive.requests,
          unit: '/s',
          floor: `${shotsOne.requests.toFixed(2)}/s with 1, ${f.phone_remote_obs_screenshots_ratio_5_to_1.toFixed(2)}×; all screenshots ${shotsOne.allRequests.toFixed(2)} / ${shotsFive.allRequests.toFixed(2)}/s`,
          target: '1.0× (one loop)',
        },
        {
          figure: 'phone remote: program pictures a second on each phone, 5 phones',
          value: shotsFive.pictures,
          unit: '/s',
          floor: `${shotsOne.pictures.toFixed(2)}/s with 1 phone`,
        },
      ],
    };
  } finally {
    await cleanUp();
  }
}
