import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppCore } from '../core/app-core';
import { logFolderIn, wireAppCore } from '../core/app-wiring';
import { createAppLogger, type LogSink } from '../core/logging/create-logger';
import { openRotatingLogFile } from '../core/logging/rotating-log-file';
import { openConfStore } from '../core/settings/open-document-store';
import { parseCliArgs, USAGE } from './cli-args';
import { defaultDataDir } from './data-dir';
import { FileSecretStore } from './file-secret-store';
import { remotePlatform } from './remote';
import { buildRenderer, isRendererBuilt } from './renderer-build';
import { startBrowserHost, type BrowserHost } from './server';

/**
 * `npm run serve -- [--port N] [--host H] [--data-dir DIR] [--static-dir DIR] [--remote-port N]`
 *
 * stdout gets exactly one line, `Serving at URL`, once the host accepts connections, so a
 * script can read the URL; everything else goes to stderr. Exit codes: 0 after SIGINT or
 * SIGTERM, 1 when it cannot start, 2 for bad arguments.
 */

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
// The same logger as the desktop app's: stderr here (stdout is the "Serving at" line's), and
// the rotating file in <data folder>/logs once the data folder is known.
const sinks: LogSink[] = [(line) => process.stderr.write(line)];
const logger = createAppLogger({ scope: 'host', sinks });

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

async function main(argv: string[]): Promise<number | null> {
  const parsed = parseCliArgs(argv, defaultDataDir());
  if (!parsed.ok) {
    process.stderr.write(`bibblan-live serve: ${parsed.message}\n\n${USAGE}\n`);
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const staticDir = options.staticDir ?? join(projectRoot, 'out', 'renderer');
  if (options.staticDir === null && !isRendererBuilt(staticDir)) {
    logger.info('The UI is not built yet; building it now (npx electron-vite build)');
    const code = await buildRenderer(projectRoot);
    if (code !== 0 || !isRendererBuilt(staticDir)) {
      process.stderr.write(`bibblan-live serve: building the UI failed (exit code ${code}); see above\n`);
      return 1;
    }
  }

  try {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    process.stderr.write(`bibblan-live serve: cannot create the data folder ${options.dataDir}: ${String(error)}\n`);
    return 1;
  }
  const logFile = openRotatingLogFile({ dir: logFolderIn(options.dataDir) });
  sinks.push((line) => logFile.write(line));
  const core = wireAppCore({
    dataDir: options.dataDir,
    openStore: (name) => openConfStore(options.dataDir, name),
    openSecrets: () => {
      const store = new FileSecretStore(options.dataDir, { logger });
      return { store, notices: store.notices };
    },
    version: readVersion(),
    logger,
    // A browser (maybe on another device) cannot open a folder here: the answer names it instead.
    logFolder: { path: logFile.dir, open: null },
    // The phone remote listens on a LAN address only while staff have it on (in the app).
    remote: remotePlatform({ staticDir, logger, port: options.remotePort }),
  });
  core.start();

  let host: BrowserHost;
  try {
    host = await startBrowserHost({ core, staticDir, port: options.port, host: options.host, logger });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    process.stderr.write(`bibblan-live serve: cannot listen on ${options.host}:${options.port}: ${code}\n`);
    await core.stop();
    return 1;
  }
  if (!LOOPBACK.has(options.host)) {
    logger.warn('Listening beyond this computer: anyone on the network with the link can use the app', {
      host: options.host,
    });
  }
  logger.info('Data folder', { dataDir: options.dataDir });
  handleStopSignals(host, core);
  process.stdout.write(`Serving at ${host.url}\n`);
  return null;
}

function handleStopSignals(host: BrowserHost, core: AppCore): void {
  let stoppingSince: number | null = null;
  const stop = (signal: NodeJS.Signals): void => {
    if (stoppingSince !== null) {
      // conf's atomic writes (atomically → when-exit) catch the same signal and send it to
      // this process once more at once: that echo is not a second press, so a repeat within
      // a second is ignored. A second Ctrl-C after that means "now", even if a clean stop hangs.
      if (Date.now() - stoppingSince < 1000) return;
      process.exit(1);
    }
    stoppingSince = Date.now();
    logger.info('Stopping', { signal });
    void (async () => {
      try {
        await host.close();
        await core.stop();
        process.exit(0);
      } catch (error) {
        logger.error('Stopping failed', { error: String(error) });
        process.exit(1);
      }
    })();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function readVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
  const version = (pkg as { version?: unknown }).version;
  return typeof version === 'string' ? version : '0.0.0';
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== null) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bibblan-live serve: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    // The core may already hold timers that would keep a half-started process alive.
    process.exit(1);
  },
);
