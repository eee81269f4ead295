// `npm start`: the Electron window when the Electron binary is installed, otherwise the
// browser host (src/host/cli.ts), which prints `Serving at http://127.0.0.1:PORT/?token=TOKEN`.
// `npm run serve` (--browser-host) always starts the browser host. Both start from the built
// JavaScript in out/, building first when the sources are newer.
// Arguments after `npm start --` go to whichever starts (the host takes --port N --data-dir DIR).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const browserHostOnly = process.argv[2] === '--browser-host';
const args = process.argv.slice(browserHostOnly ? 3 : 2);

/** The Electron executable, or null when the package or its downloaded binary is missing. */
function electronBinary() {
  try {
    const binary = require('electron'); // a path; throws when the download never happened
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const hasDisplay = () => process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/** Newest modification time among the sources the build reads. */
function newestSourceTime() {
  let newest = 0;
  const visit = (target) => {
    if (!existsSync(target)) return;
    const stat = statSync(target);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(target)) visit(path.join(target, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const source of ['src', 'electron', 'electron.vite.config.ts', 'package.json', 'package-lock.json']) {
    visit(path.join(root, source));
  }
  return newest;
}

function buildIsStale() {
  const outputs = [
    'out/main/index.js',
    'out/main/browser-host.js',
    'out/preload/index.cjs',
    'out/renderer/index.html',
  ].map((file) => path.join(root, file));
  if (!outputs.every((file) => existsSync(file))) return true;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return newestSourceTime() > oldestOutput;
}

/**
 * Runs `command`, passes SIGINT/SIGTERM/SIGHUP on to it, and exits with its status. On POSIX
 * the child gets its own process group, so Ctrl+C reaches it once (from us), not twice.
 */
function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', detached: process.platform !== 'win32' });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('error', (error) => {
    console.error(`Could not start ${path.basename(command)}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1));
  });
}

/** Builds out/ (main process, browser host, preload, UI) when a source is newer than it. */
function buildIfStale() {
  if (!buildIsStale()) return;
  // stderr: the browser host's stdout carries only its "Serving at" line, which scripts read.
  console.error('Building Bibblan Live…');
  const cli = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

function startElectron(binary) {
  buildIfStale();
  run(binary, ['.', ...args]);
}

function startBrowserHost() {
  buildIfStale();
  run(process.execPath, [path.join(root, 'out', 'main', 'browser-host.js'), ...args]);
}

const binary = browserHostOnly ? null : electronBinary();
if (browserHostOnly) {
  startBrowserHost();
} else if (!binary) {
  console.error('The Electron binary is not installed on this machine, so Bibblan Live opens in your browser instead.');
  startBrowserHost();
} else if (!hasDisplay()) {
  console.error('There is no display to open a window on, so Bibblan Live opens in your browser instead.');
  startBrowserHost();
} else {
  startElectron(binary);
}
