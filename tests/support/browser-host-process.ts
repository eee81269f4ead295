import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { scaled } from './timeouts';

/** The built browser host, as `npm run serve` starts it (electron.vite.config.ts builds it). */
export const BUILT_HOST = join(import.meta.dirname, '..', '..', 'out', 'main', 'browser-host.js');

/** node and its arguments for the built host; a missing build fails with what to do, never skips. */
export function builtHostCommand(args: string[]): [string, string[]] {
  if (!existsSync(BUILT_HOST)) {
    throw new Error(`${BUILT_HOST} is missing: run npm run build first (npm test does it for you).`);
  }
  return [process.execPath, [BUILT_HOST, ...args]];
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  process: ChildProcess;
  /** Everything the host wrote to stdout, to prove it printed exactly one line. */
  stdoutLines: string[];
  stderr(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const LINE = /^Serving at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))$/;
const live = new Set<ChildProcess>();
process.once('exit', () => live.forEach((child) => child.kill('SIGKILL')));

/** Starts the built host the way `npm run serve` does and waits for its one line. */
export async function startBrowserHostProcess(args: string[], timeoutMs = scaled(60_000)): Promise<RunningHost> {
  const child = spawn(...builtHostCommand(args), {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env },
  });
  live.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stdoutLines: string[] = [];
  const lines = createInterface({ input: child.stdout! });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  exited.then(() => live.delete(child));

  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`host printed no URL within ${timeoutMs} ms:\n${stderr}`)),
      timeoutMs,
    );
    lines.on('line', (line) => {
      stdoutLines.push(line);
      const m = LINE.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code} before serving:\n${stderr}`));
    });
  });

  return {
    url: match[1]!,
    port: Number(match[2]),
    token: match[3]!,
    process: child,
    stdoutLines,
    stderr: () => stderr,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}
