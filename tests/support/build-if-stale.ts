import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const SOURCES = ['src', 'electron', 'electron.vite.config.ts', 'package.json'];
const OUTPUTS = ['out/main/index.js', 'out/main/browser-host.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const LOCK = join(root, 'out', '.build-lock');
const LOCK_WAIT_MS = 180_000;

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

const isStale = (): boolean => {
  const outputs = OUTPUTS.map((file) => join(root, file));
  if (!outputs.every((file) => existsSync(file))) return true;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return Math.max(...SOURCES.map((source) => newest(join(root, source)))) > oldestOutput;
};

/**
 * vitest globalSetup: the host and e2e tests run the BUILT app (out/), as users do. Building
 * here when a source is newer means a single test file run after an edit tests the edit,
 * not yesterday's build. `npm test` has just built, so this only checks dates there. A lock
 * keeps two runs at once (two terminals) from building over each other.
 */
export default async function buildIfStale(): Promise<void> {
  if (!isStale()) return;
  mkdirSync(join(root, 'out'), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${LOCK} is held for over 3 minutes: remove it if no build runs`);
      await new Promise((resolve) => setTimeout(resolve, 250)); // polling a lock another run holds
    }
  }
  try {
    if (!isStale()) return; // the other run built it
    process.stderr.write('The build in out/ is older than the sources: building it (electron-vite build)…\n');
    const result = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      {
        cwd: root,
        stdio: ['ignore', 2, 2],
      },
    );
    if (result.status !== 0) throw new Error(`electron-vite build failed (exit code ${result.status}); see above`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
