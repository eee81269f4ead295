import type { Browser, Page } from 'playwright-core';
import { startBrowserHostProcess, type RunningHost } from '../../tests/support/browser-host-process';
import { launchChromium } from '../../tests/support/chromium';
import type { RunningObs } from '../../tests/support/obs-studio';
import { makeTempDir } from '../../tests/support/temp-dir';
import { onExit } from './on-exit';

/** The browser host (as `npm run serve` starts it) with the UI open in Debian's Chromium, connected to `obs`. */
export interface UiSession {
  host: RunningHost;
  page: Page;
  stop(): Promise<void>;
}

export async function startUiSession(obs: RunningObs): Promise<UiSession> {
  const dataDir = makeTempDir('bibblan-bench-host-');
  const forget = onExit(() => dataDir.remove());
  let host: RunningHost | null = null;
  let browser: Browser | null = null;
  const stop = async (): Promise<void> => {
    await browser?.close().catch(() => {});
    await host?.stop().catch(() => null);
    dataDir.remove();
    forget();
  };
  try {
    [host, browser] = await Promise.all([
      startBrowserHostProcess(['--port', '0', '--data-dir', dataDir.path]),
      launchChromium(),
    ]);
    const page = await browser.newPage();
    await page.goto(host.url);
    // First run: the connection form, as a librarian fills it in.
    await page.getByTestId('first-run').waitFor({ timeout: 30_000 });
    await page.getByLabel('Adress till OBS').fill(obs.address);
    await page.getByLabel('Lösenord', { exact: true }).fill(obs.password ?? '');
    await page.getByRole('button', { name: 'Anslut', exact: true }).click();
    await page.getByTestId('main-screen').waitFor({ timeout: 30_000 });
    const running = host;
    return { host: running, page, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
