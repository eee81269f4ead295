import { spawn, spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

/**
 * A "phone" on another address, for the phone remote's tests: a network namespace of the
 * test's own with a veth pair, 10.x.y.1/30 on the computer's side (the root namespace, where
 * the host listens) and 10.x.y.2/30 inside. The only way out of the namespace is that pair:
 * the computer's loopback (127.0.0.1, where OBS and the desktop UI live) is NOT reachable from
 * inside, just as a phone on the library's Wi-Fi cannot reach it.
 *
 * Needs root (`ip netns add`): the project's machines and CI run as root. When it cannot be
 * made, createPhoneNetwork throws with the reason: the test then fails, it never skips.
 * Traffic stays on this machine: 10.x.y.0/30 exists only between the two ends of the pair.
 */
export interface PhoneNetwork {
  /** The namespace's name (`ip netns exec NAME …`). */
  readonly name: string;
  /** The computer's address on the pair (root namespace): what the remote listens on. */
  readonly hostAddress: string;
  /** The phone's own address, inside the namespace. */
  readonly phoneAddress: string;
  /** `ip netns exec NAME`, to put before a command that must run inside. */
  readonly execPrefix: readonly string[];
  /** Runs a command inside the namespace and waits for it (stdout, stderr, status). */
  run(
    command: string,
    args: readonly string[],
    timeoutMs?: number,
  ): { status: number | null; stdout: string; stderr: string };
  /**
   * Whether a TCP connection from inside the namespace to `host:port` is accepted within
   * `timeoutMs` (refused, unreachable or timed out: false).
   */
  canConnect(host: string, port: number, timeoutMs?: number): Promise<boolean>;
  /** Deletes the pair and the namespace. Idempotent; also done at exit. */
  remove(): void;
}

const NAME_PREFIX = 'bibblan-phone-';
const IP = process.env.BIBBLAN_IP_PATH ?? 'ip';

/** Namespaces of this process still to remove, whatever happens to the test. */
const live = new Map<string, () => void>();
let exitHandlerInstalled = false;

function installExitHandler(): void {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  const cleanUp = (): void => {
    for (const remove of [...live.values()]) remove();
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

function ip(args: string[]): { ok: boolean; out: string; err: string } {
  const result = spawnSync(IP, args, { encoding: 'utf8', timeout: 10_000 });
  if (result.error) return { ok: false, out: '', err: result.error.message };
  return { ok: result.status === 0, out: result.stdout, err: result.stderr.trim() };
}

function mustIp(args: string[], what: string): string {
  const result = ip(args);
  if (!result.ok) throw new Error(`phone network: ${what} failed (ip ${args.join(' ')}): ${result.err}`);
  return result.out;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Namespaces that a run killed with SIGKILL left behind (their creator's pid is in the name):
 * removed, so they cannot pile up on a developer's machine.
 */
function removeOrphans(): void {
  const list = ip(['netns', 'list']);
  if (!list.ok) return;
  for (const line of list.out.split('\n')) {
    const name = line.split(' ')[0] ?? '';
    const match = new RegExp(`^${NAME_PREFIX}(\\d+)-(\\d+)-(\\d+)$`).exec(name);
    if (!match || isAlive(Number(match[1]))) continue;
    ip(['link', 'del', `blh${match[2]}x${match[3]}`]);
    ip(['netns', 'del', name]);
  }
}

/** Why this process cannot make namespaces, or null when it can try. */
export function phoneNetworkProblem(): string | null {
  if (process.platform !== 'linux') return `network namespaces need Linux (this is ${process.platform})`;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return `network namespaces need root (ip netns add): this runs as uid ${process.getuid()}. Run the e2e tests as root, as CI does`;
  }
  const version = spawnSync(IP, ['-V'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    return `the ip command is missing (${version.error?.message ?? version.stderr}): apt-get install iproute2 (scripts/setup-debian.sh --test-deps)`;
  }
  return null;
}

/**
 * Creates the namespace and its veth pair on a /30 of 10.200–249.y chosen for this run (and
 * checked unused), so that parallel test files and runs do not collide. Throws with the
 * reason when it cannot: not root, no `ip`, no netns support.
 */
export function createPhoneNetwork(): PhoneNetwork {
  const problem = phoneNetworkProblem();
  if (problem) throw new Error(`phone network: ${problem}`);
  installExitHandler();
  removeOrphans();

  const used = ip(['-o', '-4', 'addr', 'show']).out;
  const namespaces = ip(['netns', 'list']).out;
  const pick = (): [number, number] => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const [x, y] = [200 + randomInt(50), randomInt(256)];
      if (!used.includes(`10.${x}.${y}.`) && !namespaces.includes(`-${x}-${y}`)) return [x, y];
    }
    throw new Error('phone network: no free 10.x.y.0/30 found after 50 tries');
  };
  const [x, y] = pick();
  const name = `${NAME_PREFIX}${process.pid}-${x}-${y}`;
  // Interface names: at most 15 characters.
  const hostSide = `blh${x}x${y}`;
  const phoneSide = `blp${x}x${y}`;
  const hostAddress = `10.${x}.${y}.1`;
  const phoneAddress = `10.${x}.${y}.2`;

  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    live.delete(name);
    // Deleting one end removes the pair; the namespace goes after it.
    ip(['link', 'del', hostSide]);
    ip(['netns', 'del', name]);
  };
  mustIp(['netns', 'add', name], `creating the network namespace ${name}`);
  live.set(name, remove);
  try {
    mustIp(['link', 'add', hostSide, 'type', 'veth', 'peer', 'name', phoneSide], 'creating the veth pair');
    mustIp(['link', 'set', phoneSide, 'netns', name], 'moving the phone end into the namespace');
    mustIp(['addr', 'add', `${hostAddress}/30`, 'dev', hostSide], "the computer's address");
    mustIp(['link', 'set', hostSide, 'up'], "bringing the computer's end up");
    mustIp(['netns', 'exec', name, IP, 'addr', 'add', `${phoneAddress}/30`, 'dev', phoneSide], "the phone's address");
    mustIp(['netns', 'exec', name, IP, 'link', 'set', phoneSide, 'up'], "bringing the phone's end up");
    mustIp(['netns', 'exec', name, IP, 'link', 'set', 'lo', 'up'], "the phone's own loopback");
  } catch (error) {
    remove();
    throw error;
  }

  const execPrefix = [IP, 'netns', 'exec', name] as const;
  return {
    name,
    hostAddress,
    phoneAddress,
    execPrefix,
    run(command, args, timeoutMs = 30_000) {
      const result = spawnSync(IP, ['netns', 'exec', name, command, ...args], {
        encoding: 'utf8',
        timeout: timeoutMs,
      });
      return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
    },
    canConnect: (host, port, timeoutMs = 2_000) => canConnectFrom(execPrefix, host, port, timeoutMs),
    remove,
  };
}

/** Node, run inside the namespace, tries one TCP connection and exits 0 (accepted) or 1. */
const CONNECT_SCRIPT = `
const socket = require('node:net').connect({ host: process.argv[1], port: Number(process.argv[2]) });
const done = (code) => { socket.destroy(); process.exit(code); };
socket.setTimeout(Number(process.argv[3]), () => done(1));
socket.once('connect', () => done(0));
socket.once('error', () => done(1));
`;

function canConnectFrom(prefix: readonly string[], host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      prefix[0]!,
      [...prefix.slice(1), process.execPath, '-e', CONNECT_SCRIPT, host, String(port), String(timeoutMs)],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs + 10_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(true);
      else if (code === 1) resolve(false);
      else reject(new Error(`connect check inside the namespace exited ${code}: ${stderr}`));
    });
  });
}

/** A TCP socket some process listens on, as `ss -ltnp` lists it (root namespace). */
export interface ListeningSocket {
  address: string;
  port: number;
  pids: number[];
}

/** Every listening TCP socket of the root namespace (needs root to see the owners' pids). */
export function listeningSockets(): ListeningSocket[] {
  const result = spawnSync('ss', ['-ltnpH'], { encoding: 'utf8', timeout: 10_000 });
  if (result.error || result.status !== 0) {
    throw new Error(`ss -ltnpH failed: ${result.error?.message ?? result.stderr}`);
  }
  const sockets: ListeningSocket[] = [];
  for (const line of result.stdout.split('\n')) {
    const fields = line.trim().split(/\s+/);
    const local = fields[3];
    if (!local) continue;
    const colon = local.lastIndexOf(':');
    const address = local
      .slice(0, colon)
      .replace(/^\[|\]$/g, '')
      .replace(/%.*$/, '');
    const pids = [...line.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1]));
    sockets.push({ address, port: Number(local.slice(colon + 1)), pids });
  }
  return sockets;
}

/** The listening sockets of one process (e.g. the browser host). */
export const listeningSocketsOf = (pid: number): ListeningSocket[] =>
  listeningSockets().filter((s) => s.pids.includes(pid));

/** Whether a listening address takes connections to `address` as well (a wildcard does). */
export const coversAddress = (listening: string, address: string): boolean =>
  listening === address || listening === '0.0.0.0' || listening === '*' || listening === '::';
