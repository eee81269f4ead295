import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';
import { projectRoot, readBuilt } from './built-output';

/**
 * The real desktop app, driven by Playwright's Electron support: launch, the first-run screen
 * in Swedish, a request answered over IPC, quit. It runs wherever an Electron binary and a
 * display exist (a developer's laptop, a CI with a display). Elsewhere it is SKIPPED — not
 * passed — and says why in one line.
 */
function whyItCannotRun(): { binary: string; reason: null } | { binary: null; reason: string } {
  let binary: unknown;
  try {
    binary = createRequire(import.meta.url)('electron');
  } catch {
    return { binary: null, reason: 'the Electron binary is not installed (it could not be downloaded here)' };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    return { binary: null, reason: `the Electron binary is missing (${String(binary)})` };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { binary: null, reason: 'there is no display (DISPLAY is not set; try xvfb-run)' };
  }
  return { binary, reason: null };
}

const { binary, reason } = whyItCannotRun();
if (reason) console.warn(`tests/electron/electron-smoke.test.ts: SKIPPED, not run: ${reason}.`);

describe.skipIf(reason !== null)('the real desktop app (Electron)', () => {
  let app: ElectronApplication | null = null;
  let userData: { path: string; remove(): void } | null = null;
  afterAll(async () => {
    await app?.close().catch(() => {});
    userData?.remove();
  });

  it('starts on the Swedish first-run screen, answers over IPC and quits', async () => {
    readBuilt('out/main/index.js');
    userData = makeTempDir('bibblan-electron-');
    app = await _electron.launch({
      executablePath: binary ?? '',
      // Chromium cannot sandbox as root (CI containers); everyone else runs the app as shipped.
      args: [projectRoot, `--user-data-dir=${userData.path}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: { ...process.env, XDG_CONFIG_HOME: join(userData.path, 'config'), LANG: 'sv_SE.UTF-8' },
      timeout: 60_000,
    });
    const page = await app.firstWindow();
    await page.getByTestId('first-run').waitFor({ timeout: 30_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toMatch(/Välkommen/);

    // Runs in the page: the preload's window.bibblan, over IPC to the core in the main process.
    const info = (await page.evaluate('window.bibblan.app.getInfo()')) as { ok: boolean };
    expect(info.ok).toBe(true);

    const exited = new Promise<void>((resolve) => app?.process().once('exit', () => resolve()));
    await app.close();
    await exited;
    app = null;
  });
});
