import type { Browser, Page } from 'playwright-core';
import { startBrowserHostProcess, type RunningHost } from '../support/browser-host-process';
import { launchChromium } from '../support/chromium';
import { startObs, type RunningObs } from '../support/obs-studio';
import { startRtmpIngest, type RtmpIngest } from '../support/rtmp-ingest';
import { makeTempDir } from '../support/temp-dir';
import { connectOnFirstRun } from './page-helpers';
import { scaled } from '../support/timeouts';

export interface E2eOptions {
  /** Prefix of the host's temp data folder. */
  dataDirPrefix?: string;
  /** A real OBS. Default true. */
  obs?: boolean;
  /** nginx-rtmp on loopback, started with the rest. Default false (see startIngest()). */
  ingest?: boolean;
  /** Fill in and save the first-run screen. Default: when there is an OBS. */
  connect?: boolean;
  /** After `--port 0 --data-dir DIR`. */
  hostArgs?: string[];
  /** Default: Playwright's (1280×720). */
  viewport?: { width: number; height: number };
}

type ObsOf<O> = O extends { obs: false } ? null : RunningObs;
type IngestOf<O> = O extends { ingest: true } ? RtmpIngest : RtmpIngest | null;

export interface E2eSession<O extends E2eOptions = E2eOptions> {
  readonly obs: ObsOf<O>;
  readonly ingest: IngestOf<O>;
  readonly browser: Browser;
  readonly page: Page;
  /** The running host: a new one after restartHost(). */
  readonly host: RunningHost;
  readonly dataDir: string;
  /** Console errors of `page`, from its first load on. */
  readonly consoleErrors: string[];
  /** Stops the host and starts a new one on the same data folder. */
  restartHost(): Promise<RunningHost>;
  /** Starts the ingest now (once); stop() stops it. */
  startIngest(): Promise<RtmpIngest>;
  /** Stops everything, browser first and data folder last; never throws. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts what an e2e file needs: OBS, ingest and Chromium side by side, then the browser host
 * on a fresh data folder and a page on it. A failed start stops whatever had come up.
 * `beforeHost` runs once OBS is up, before the host starts: to set OBS up or seed the folder.
 * (A second argument, not an option: so that `obs` in it is typed from the options.)
 */
export async function startE2eSession<const O extends E2eOptions>(
  options: O,
  beforeHost?: (ready: { obs: ObsOf<O>; dataDir: string }) => Promise<unknown>,
): Promise<E2eSession<O>> {
  const dataDir = makeTempDir(options.dataDirPrefix ?? 'bibblan-e2e-');
  const hostArgs = ['--port', '0', '--data-dir', dataDir.path, ...(options.hostArgs ?? [])];
  const consoleErrors: string[] = [];
  let obs: RunningObs | null = null;
  let ingest: RtmpIngest | null = null;
  let browser: Browser | null = null;
  let host: RunningHost | null = null;

  let page: Page;
  const startIngest = async () => (ingest ??= await startRtmpIngest());
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await quietly('closing Chromium', () => browser?.close());
      await quietly('stopping the host', () => host?.stop());
      await Promise.all([
        quietly('stopping OBS', () => obs?.stop()),
        quietly('stopping the ingest', () => ingest?.stop()),
      ]);
      await quietly('removing the data folder', () => dataDir.remove());
    })());

  try {
    // allSettled: each part that came up is kept (for stop()) even when another failed.
    const [o, i, b] = await Promise.allSettled([
      options.obs === false ? null : startObs(),
      options.ingest ? startIngest() : null,
      launchChromium(),
    ]);
    obs = o.status === 'fulfilled' ? o.value : null;
    browser = b.status === 'fulfilled' ? b.value : null;
    for (const result of [o, i, b]) if (result.status === 'rejected') throw result.reason;
    await beforeHost?.({ obs: obs as ObsOf<O>, dataDir: dataDir.path });
    host = await startBrowserHostProcess(hostArgs);
    page = await browser!.newPage(options.viewport ? { viewport: options.viewport } : undefined);
    // Playwright's own waits (click, waitFor without a timeout) get the same patience.
    page.setDefaultTimeout(scaled(30_000));
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    await page.goto(host.url);
    if (options.connect ?? obs !== null) await connectOnFirstRun(page, obs!);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    obs: obs as ObsOf<O>,
    get ingest() {
      return ingest as IngestOf<O>;
    },
    browser: browser!,
    page,
    get host() {
      return host!;
    },
    dataDir: dataDir.path,
    consoleErrors,
    async restartHost() {
      await host!.stop();
      return (host = await startBrowserHostProcess(hostArgs));
    },
    startIngest,
    stop,
  };
}

/** A teardown step: a failure is reported, not thrown, so that the later steps still run. */
async function quietly(what: string, step: () => unknown): Promise<void> {
  try {
    await step();
  } catch (error) {
    console.warn(`e2e teardown: ${what} failed:`, error);
  }
}
