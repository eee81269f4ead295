import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { OBSWebSocket, OBSWebSocketError } from 'obs-websocket-js';
import WebSocket from 'ws';
import { scaled } from './timeouts';

/**
 * Starts a real OBS Studio (under Xvfb, software GL) for tests. Every instance gets its
 * own HOME, a free port and its own password, and runs in its own process group so that
 * kill() takes Xvfb with it. Nothing is left running: stop() is idempotent and an exit
 * handler kills whatever a failed test left behind.
 *
 * Which OBS: the machine's `obs` (Debian 12: 29.0.2), or with BIBBLAN_OBS=30 / 32 the newer
 * OBS from a Debian root under chroot (scripts/setup-obs-versions.sh, see obsCommand()).
 */

export interface StartObsOptions {
  /** Default: a random password. null: authentication off. */
  password?: string | null;
  /** Default: a free port from the OS. */
  port?: number;
  /**
   * Default true: return once OBS answers requests. obs-websocket 5.3+ says Hello before OBS
   * has loaded and answers 207 NotReady until then; false returns at the Hello, for tests of
   * how the app copes with that.
   */
  waitUntilAnswering?: boolean;
}

export interface RunningObs {
  readonly port: number;
  readonly password: string | null;
  /** ws://127.0.0.1:PORT */
  readonly address: string;
  readonly home: string;
  /** Signals the whole process group (default SIGKILL) and waits until it has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts OBS again with the same home, port and password; resolves once it says Hello. */
  restart(): Promise<void>;
  /**
   * SIGSTOP the obs process: its socket stays open but nothing answers. Returns once every
   * thread has stopped (SIGSTOP is asynchronous: while a thread is busy in the kernel, e.g.
   * during startup, the others may go on answering for a while).
   */
  pause(): void;
  /** SIGCONT; does nothing when OBS is not running. */
  resume(): void;
  /** Kills OBS and removes its home. Idempotent. */
  stop(): Promise<void>;
  /** The end of this run's stdout/stderr, for failure messages. */
  logTail(lines?: number): string;
  /**
   * Starts OBS again (same home) if it no longer answers: OBS 32 under chroot deadlocks now
   * and then. For a test's retry, so the retry runs on an OBS that answers. True if it restarted.
   */
  reviveIfHung(): Promise<boolean>;
}

const READY_TIMEOUT_MS = scaled(45_000);
const EXIT_TIMEOUT_MS = scaled(10_000);

/** Process groups still alive and homes not yet removed: cleaned up on exit, whatever failed. */
const liveGroups = new Set<number>();
const liveHomes = new Set<string>();
let exitHandlerInstalled = false;

function installExitHandler(): void {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  const cleanUp = (): void => {
    for (const pgid of liveGroups) signalGroup(pgid, 'SIGKILL');
    for (const home of liveHomes) rmSync(home, { recursive: true, force: true });
  };
  process.on('exit', cleanUp);
  // A runner stopped by a signal does not emit 'exit': clean up, then die of the same signal.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      cleanUp();
      process.kill(process.pid, signal);
    });
  }
}

export async function startObs(options: StartObsOptions = {}): Promise<RunningObs> {
  installExitHandler();
  const port = options.port ?? (await freePort());
  const password = options.password === undefined ? randomBytes(12).toString('hex') : options.password;
  const home = await mkdtemp(path.join(os.tmpdir(), 'bibblan-obs-'));
  liveHomes.add(home);
  writeObsConfig(home, port, password);

  let pgid: number | null = null;
  let runCount = 0;
  let logFile = '';
  let stopped = false;

  const launch = async (): Promise<void> => {
    // Xvfb occasionally loses the race for a display number when two start at once: retry.
    for (let attempt = 1; ; attempt += 1) {
      runCount += 1;
      logFile = path.join(home, `obs-run-${runCount}.log`);
      pgid = spawnObs(home, port, logFile);
      try {
        await waitUntilReady(port, pgid, logFile);
        if (options.waitUntilAnswering !== false) {
          await waitUntilAnswering(port, password, pgid, logFile);
          await confirmResponsive(port, password, logFile);
        }
        return;
      } catch (error) {
        await killGroup(pgid, 'SIGKILL');
        pgid = null;
        if (attempt >= 3) throw error;
      }
    }
  };

  const obs: RunningObs = {
    port,
    password,
    address: `ws://127.0.0.1:${port}`,
    home,
    async kill(signal = 'SIGKILL') {
      if (pgid === null) return;
      const group = pgid;
      pgid = null;
      // A stopped process keeps any signal but SIGKILL pending: wake it first.
      if (signal !== 'SIGKILL') signalGroup(group, 'SIGCONT');
      await killGroup(group, signal);
    },
    async restart() {
      if (stopped) throw new Error('restart() after stop()');
      await obs.kill();
      await launch();
    },
    async reviveIfHung() {
      if (stopped || pgid === null) return false;
      try {
        await confirmResponsive(port, password, logFile);
        return false;
      } catch {
        await obs.restart();
        return true;
      }
    },
    pause() {
      const pid = obsPid();
      process.kill(pid, 'SIGSTOP');
      waitUntilStopped(pid);
    },
    resume() {
      // Tolerant, so that afterEach can call it whatever state a failed test left OBS in.
      if (pgid !== null) signalGroup(pgid, 'SIGCONT');
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await obs.kill();
      liveHomes.delete(home);
      // BIBBLAN_KEEP_OBS_HOME=1 keeps OBS's logs and crash reports (.config/obs-studio/{logs,crashes}).
      if (process.env.BIBBLAN_KEEP_OBS_HOME === '1') process.stderr.write(`OBS home kept: ${home}\n`);
      else rmSync(home, { recursive: true, force: true });
    },
    logTail(lines = 30) {
      try {
        return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
      } catch {
        return '(no log)';
      }
    },
  };

  const obsPid = (): number => {
    if (pgid === null) throw new Error('OBS is not running');
    // The child of xvfb-run (the group leader): OBS forks short-lived helpers also named "obs".
    const group = pgid;
    const member = groupMembers(group).find((p) => p.comm === 'obs' && p.ppid === group);
    if (!member) throw new Error('obs process not found in its group');
    return member.pid;
  };

  try {
    await launch();
  } catch (error) {
    await obs.stop();
    throw error;
  }
  return obs;
}

/**
 * Gives OBS these scenes (existing ones are kept) over a separate raw connection, the way
 * another remote or a person at OBS would.
 */
export async function createScenes(address: string, password: string | null, names: string[]): Promise<void> {
  await withRawObs(address, password, async (client) => {
    for (const sceneName of names) {
      try {
        await client.call('CreateScene', { sceneName });
      } catch (error) {
        // 601 ResourceAlreadyExists: the scene is there, which is what we want.
        if (!(error instanceof OBSWebSocketError && error.code === 601)) throw error;
      }
    }
  });
}

/** obs-websocket-js has no deadline of its own: a request a hung OBS never answers would hang a test's hook. */
const RAW_CALL_TIMEOUT_MS = scaled(20_000);

async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`OBS did not answer ${what} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** obs-websocket 5.3+ answers 207 NotReady while OBS is busy (a collection switch, start-up); a remote asks again. */
const NOT_READY = 207;

/** One call that asks again while OBS says 207 NotReady, until `deadline`. */
async function callWhileNotReady<T>(call: () => Promise<T>, deadline: number): Promise<T> {
  for (let wait = 50; ; wait = Math.min(wait * 2, 500)) {
    try {
      return await call();
    } catch (error) {
      const notReady = error instanceof OBSWebSocketError && error.code === NOT_READY;
      if (!notReady || Date.now() + wait > deadline) throw error;
      await sleep(wait);
    }
  }
}

/**
 * Every call of `client` fails after RAW_CALL_TIMEOUT_MS instead of waiting forever, and is
 * asked again while OBS answers 207 NotReady (seen on OBS 32 right after a test's collection work).
 */
function withCallDeadlines(client: OBSWebSocket): OBSWebSocket {
  const call = client.call.bind(client);
  client.call = ((requestType: string, requestData?: object) =>
    withDeadline(
      callWhileNotReady(
        () => call(requestType as never, requestData as never),
        Date.now() + RAW_CALL_TIMEOUT_MS - 1_000,
      ),
      RAW_CALL_TIMEOUT_MS,
      requestType,
    )) as OBSWebSocket['call'];
  return client;
}

/** Runs `work` with a raw obs-websocket-js client (a "second remote"), then disconnects. */
export async function withRawObs<T>(
  address: string,
  password: string | null,
  work: (client: OBSWebSocket) => Promise<T>,
): Promise<T> {
  const client = withCallDeadlines(new OBSWebSocket());
  await withDeadline(client.connect(address, password ?? undefined), RAW_CALL_TIMEOUT_MS, `connect to ${address}`);
  try {
    return await work(client);
  } finally {
    await client.disconnect();
  }
}

/** Asks the OS for a port that is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** The OBS major version the tests drive: BIBBLAN_OBS, or the machine's own `obs`. */
export const obsUnderTest = (): string => process.env.BIBBLAN_OBS?.trim() || 'system';

/**
 * The command that runs the OBS under test: `obs` from PATH, or the chroot wrapper that
 * scripts/setup-obs-versions.sh writes for each newer version (obs-30, obs-32).
 */
export function obsCommand(): string {
  const version = obsUnderTest();
  if (version === 'system') return 'obs';
  if (!/^\d+$/.test(version)) throw new Error(`BIBBLAN_OBS must be a major version such as 30 or 32, not "${version}"`);
  const wrapper = path.join(process.env.BIBBLAN_OBS_ROOTS ?? '/opt/bibblan-obs', 'bin', `obs-${version}`);
  if (!existsSync(wrapper)) {
    throw new Error(
      `OBS ${version} is not set up (${wrapper} is missing): run bash scripts/setup-debian.sh --test-deps`,
    );
  }
  return wrapper;
}

function writeObsConfig(home: string, port: number, password: string | null): void {
  const configDir = path.join(home, '.config', 'obs-studio');
  mkdirSync(path.join(configDir, 'plugin_config', 'obs-websocket'), { recursive: true });
  const authRequired = password !== null && password !== '';
  // obs-websocket 5.1 (OBS 29) reads global.ini; 5.3+ (OBS 30+) reads config.json; OBS 31+ keeps
  // its own global settings in user.ini. All three are written, so any version starts the same.
  const globalIni = [
    '[General]',
    'FirstRun=true',
    'EnableAutoUpdates=false',
    '',
    '[OBSWebSocket]',
    'FirstLoad=false',
    'ServerEnabled=true',
    `ServerPort=${port}`,
    'AlertsEnabled=false',
    `AuthRequired=${authRequired}`,
    `ServerPassword=${password ?? ''}`,
    '',
  ].join('\n');
  writeFileSync(path.join(configDir, 'global.ini'), globalIni);
  writeFileSync(path.join(configDir, 'user.ini'), globalIni);
  writeFileSync(
    path.join(configDir, 'plugin_config', 'obs-websocket', 'config.json'),
    JSON.stringify({
      first_load: false,
      server_enabled: true,
      server_port: port,
      alerts_enabled: false,
      auth_required: authRequired,
      server_password: password ?? '',
    }),
  );
}

function spawnObs(home: string, port: number, logFile: string): number {
  const log = openSync(logFile, 'a');
  try {
    const child = spawn(
      'xvfb-run',
      // -n: start the display search at a number unlikely to collide with a parallel start.
      [
        '-a',
        '-n',
        String(100 + (port % 5000)),
        '-s',
        '-screen 0 1280x720x24',
        obsCommand(),
        '--disable-shutdown-check',
        '--multi',
      ],
      // detached: own session and process group, so one kill reaches xvfb-run, Xvfb and obs.
      { env: { ...process.env, HOME: home }, cwd: home, detached: true, stdio: ['ignore', log, log] },
    );
    if (child.pid === undefined) throw new Error('xvfb-run did not start');
    child.on('error', () => {}); // exit is detected by polling the group
    child.unref();
    liveGroups.add(child.pid);
    return child.pid;
  } finally {
    closeSync(log);
  }
}

/** How long a just-started OBS may take to create and remove a scene before it counts as hung. */
const RESPONSIVE_TIMEOUT_MS = scaled(8_000);
const PROBE_SCENE = 'bibblan-harness-probe';

/**
 * OBS 32 under chroot sometimes deadlocks right after start-up: it answered GetSceneList, and
 * the next client's CreateScene is never answered (its main thread waits on a lock for good).
 * A scene created and removed on a fresh connection, as a test's first request would be, finds
 * that at start, so the launch is tried again instead of failing the test file's hook.
 */
async function confirmResponsive(port: number, password: string | null, logFile: string): Promise<void> {
  const client = new OBSWebSocket();
  const deadline = Date.now() + RESPONSIVE_TIMEOUT_MS;
  // A name of its own each time: OBS frees a removed scene's name only a moment later.
  const probeScene = `${PROBE_SCENE}-${randomBytes(4).toString('hex')}`;
  const probe = async () => {
    await client.connect(`ws://127.0.0.1:${port}`, password ?? undefined);
    // A moment of 207 NotReady (a collection loading) is not a hang: asked again until the deadline.
    const probes = async () =>
      (await callWhileNotReady(() => client.call('GetSceneList'), deadline)).scenes
        .map((s) => String(s.sceneName))
        .filter((name) => name.startsWith(PROBE_SCENE));
    // OBS saves its collection a moment after a change: killed in between, it comes back with
    // the last start's probe scene. Removed too, so that no test ever sees one.
    for (const leftover of await probes())
      await callWhileNotReady(() => client.call('RemoveScene', { sceneName: leftover }), deadline);
    await callWhileNotReady(() => client.call('CreateScene', { sceneName: probeScene }), deadline);
    await callWhileNotReady(() => client.call('RemoveScene', { sceneName: probeScene }), deadline);
    // OBS answers RemoveScene before its own scene list lets go of the scene (a queued UI task);
    // a test connecting now must not see it, so wait until the list OBS reports is clean.
    while ((await probes()).length > 0) await sleep(50);
  };
  try {
    await withDeadline(probe(), RESPONSIVE_TIMEOUT_MS, 'a scene created and removed just after start');
  } catch (error) {
    throw new Error(`OBS stopped answering just after it started (${String(error)}):\n${tail(logFile)}`, {
      cause: error,
    });
  } finally {
    await client.disconnect().catch(() => {});
  }
}

/** Waits until the port accepts TCP and obs-websocket sends its Hello. */
async function waitUntilReady(port: number, pgid: number, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (groupMembers(pgid).length === 0) {
      throw new Error(`OBS exited before it listened on ${port}:\n${tail(logFile)}`);
    }
    if ((await tcpAccepts(port)) && (await helloArrives(`ws://127.0.0.1:${port}`, 3000))) return;
    await sleep(200);
  }
  throw new Error(`OBS did not say Hello on port ${port} within ${READY_TIMEOUT_MS} ms:\n${tail(logFile)}`);
}

/**
 * Waits until OBS answers a request (not 207 NotReady: obs-websocket 5.3+ accepts connections
 * before OBS has loaded its scenes), and records the version for the run's summary line.
 */
async function waitUntilAnswering(port: number, password: string | null, pgid: number, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const client = withCallDeadlines(new OBSWebSocket());
  await withDeadline(client.connect(`ws://127.0.0.1:${port}`, password ?? undefined), RAW_CALL_TIMEOUT_MS, 'connect');
  try {
    while (Date.now() < deadline) {
      if (groupMembers(pgid).length === 0) throw new Error(`OBS exited while loading:\n${tail(logFile)}`);
      try {
        // GetVersion is answered even before OBS is ready; GetSceneList is not.
        await client.call('GetSceneList');
        recordVersion(await client.call('GetVersion'));
        return;
      } catch (error) {
        if (!(error instanceof OBSWebSocketError && error.code === 207)) throw error;
      }
      await sleep(100);
    }
  } finally {
    await client.disconnect();
  }
  throw new Error(`OBS on port ${port} still not ready after ${READY_TIMEOUT_MS} ms:\n${tail(logFile)}`);
}

/**
 * Tells the test runner (scripts/run-tests.mjs) which OBS this run really drove: the first
 * OBS started writes BIBBLAN_OBS_VERSION_FILE.
 */
function recordVersion(version: { obsVersion: string; obsWebSocketVersion: string }): void {
  const file = process.env.BIBBLAN_OBS_VERSION_FILE;
  if (!file || existsSync(file)) return;
  writeFileSync(file, JSON.stringify({ obs: version.obsVersion, obsWebSocket: version.obsWebSocketVersion }));
}

function tcpAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    const done = (value: boolean): void => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Resolves true once obs-websocket sends its Hello on a fresh socket to `address`. */
export function helloArrives(address: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const ws = new WebSocket(address, 'obswebsocket.json');
    const timer = setTimeout(() => done(false), timeoutMs);
    function done(value: boolean): void {
      clearTimeout(timer);
      ws.removeAllListeners();
      ws.on('error', () => {});
      ws.terminate();
      resolve(value);
    }
    ws.on('message', (data) => {
      try {
        const message = JSON.parse(String(data)) as { op?: unknown };
        done(message.op === 0);
      } catch {
        done(false);
      }
    });
    ws.on('error', () => done(false));
    ws.on('close', () => done(false));
  });
}

interface GroupMember {
  pid: number;
  ppid: number;
  comm: string;
}

/** Live (non-zombie) processes of a process group, read from /proc. */
function groupMembers(pgid: number): GroupMember[] {
  const members: GroupMember[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid pgrp ...": comm may contain spaces, so split after the last ')'.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // Zombies count as gone: in a container nobody may ever reap orphaned ones.
    if (fields[0] === 'Z' || Number(fields[2]) !== pgid) continue;
    members.push({ pid: Number(entry), ppid: Number(fields[1]), comm });
  }
  return members;
}

/** Blocks (briefly) until every thread of `pid` is in the stopped state. */
function waitUntilStopped(pid: number, timeoutMs = scaled(10_000)): void {
  const deadline = Date.now() + timeoutMs;
  const tick = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    let allStopped = true;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        if (state !== 'T' && state !== 't') allStopped = false;
      } catch {
        // thread exited meanwhile
      }
    }
    if (allStopped) return;
    if (Date.now() >= deadline) throw new Error(`obs (pid ${pid}) did not stop within ${timeoutMs} ms`);
    Atomics.wait(tick, 0, 0, 5); // synchronous 5 ms pause: keeps pause() a plain call
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: already gone
  }
}

async function killGroup(pgid: number, signal: NodeJS.Signals): Promise<void> {
  signalGroup(pgid, signal);
  const deadline = Date.now() + EXIT_TIMEOUT_MS;
  while (groupMembers(pgid).length > 0) {
    if (Date.now() >= deadline) {
      if (signal === 'SIGKILL') throw new Error(`process group ${pgid} did not exit`);
      // A polite signal was not enough: be impolite.
      return killGroup(pgid, 'SIGKILL');
    }
    await sleep(50);
  }
  liveGroups.delete(pgid);
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
