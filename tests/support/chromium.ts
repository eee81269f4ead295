import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (Playwright cannot download browsers here). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  /** What Playwright runs as the browser: Chromium itself, or a wrapper that runs it (e.g. in a namespace). */
  executablePath?: string;
  timeout?: number;
}

/** Debian's Chromium driven by playwright-core, with the flags every test browser gets. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run scripts/setup-debian.sh --test-deps (or set CHROMIUM_PATH)`,
    );
  }
  // Playwright gives every launch a fresh temporary profile and removes it on close.
  return chromium.launch({
    executablePath: options.executablePath ?? CHROMIUM,
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
