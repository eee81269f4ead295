import { chmodSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from './chromium';
import type { PhoneNetwork } from './phone-network';
import { makeTempDir } from './temp-dir';
import { scaled } from './timeouts';

/**
 * A phone as Playwright emulates one: touch, a 390×844 window at 3× density, a mobile user
 * agent (Chrome on Android), Swedish first. The page's media queries, `pointer: coarse` and
 * touch events behave as on a phone; the network is the namespace's (phoneAddress only).
 */
export const PHONE_CONTEXT: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  screen: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
  locale: 'sv-SE',
};

export interface PhoneBrowser {
  readonly browser: Browser;
  readonly network: PhoneNetwork;
  /** A phone of its own: a fresh context (its own cookies, so its own pairing) and a page in it. */
  newPhone(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
  /** Closes Chromium and removes the wrapper script. Idempotent; never throws. */
  close(): Promise<void>;
}

/**
 * Launches Chromium INSIDE the namespace: Playwright runs a wrapper script as the browser,
 * which is `ip netns exec NS chromium "$@"`. Playwright talks to it over a pipe
 * (--remote-debugging-pipe), so no port of the root namespace is involved.
 */
export async function launchPhoneBrowser(network: PhoneNetwork): Promise<PhoneBrowser> {
  const dir = makeTempDir('bibblan-phone-browser-');
  const wrapper = join(dir.path, 'chromium-in-netns');
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  writeFileSync(wrapper, `#!/bin/sh\nexec ${[...network.execPrefix, CHROMIUM].map(quote).join(' ')} "$@"\n`);
  chmodSync(wrapper, 0o755);
  let browser: Browser;
  try {
    browser = await launchChromium({ executablePath: wrapper, timeout: scaled(60_000) });
  } catch (error) {
    dir.remove();
    throw new Error(`Chromium did not start inside the namespace ${network.name}: ${String(error)}`, {
      cause: error,
    });
  }
  let closing: Promise<void> | null = null;
  return {
    browser,
    network,
    async newPhone(options = {}) {
      const context = await browser.newContext({ ...PHONE_CONTEXT, ...options });
      const page = await context.newPage();
      page.setDefaultTimeout(scaled(30_000));
      return { context, page };
    },
    close: () =>
      (closing ??= (async () => {
        await browser.close().catch(() => {});
        dir.remove();
      })()),
  };
}

/**
 * Proves that the phone is really somewhere else, before a test relies on it: a page in the
 * phone's browser loads a trivial server on the computer's veth address, and the same kind
 * of server on the computer's 127.0.0.1 is NOT reachable from there (a phone on the Wi-Fi
 * cannot reach the computer's loopback, where OBS and the desktop UI are). Throws with what
 * went wrong.
 */
export async function checkPhoneIsolation(phone: PhoneBrowser): Promise<void> {
  const { hostAddress, phoneAddress } = phone.network;
  const seenFrom: string[] = [];
  const server = (host: string) =>
    new Promise<http.Server>((resolve, reject) => {
      const s = http.createServer((req, res) => {
        seenFrom.push(req.socket.remoteAddress ?? '?');
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<meta name="viewport" content="width=device-width"><title>computer</title><p id="hello">hello</p>');
      });
      s.once('error', reject);
      s.listen(0, host, () => resolve(s));
    });
  const [onVeth, onLoopback] = await Promise.all([server(hostAddress), server('127.0.0.1')]);
  const portOf = (s: http.Server) => (s.address() as AddressInfo).port;
  const { context, page } = await phone.newPhone();
  try {
    const reached = await page.goto(`http://${hostAddress}:${portOf(onVeth)}/`, { timeout: scaled(15_000) });
    if (reached?.status() !== 200 || (await page.locator('#hello').textContent()) !== 'hello') {
      throw new Error(`the phone did not load a page from the computer's veth address ${hostAddress}`);
    }
    if (!seenFrom.includes(phoneAddress)) {
      throw new Error(`the computer saw the phone's request from ${seenFrom.join(', ')}, not from ${phoneAddress}`);
    }
    const viewport = await page.locator('html').evaluate((html) => {
      const win = html.ownerDocument.defaultView!;
      return {
        width: win.innerWidth,
        touch: win.navigator.maxTouchPoints > 0 && 'ontouchstart' in win,
        mobile: /Mobile/.test(win.navigator.userAgent),
      };
    });
    if (viewport.width !== 390 || !viewport.touch || !viewport.mobile) {
      throw new Error(`the phone's page is not phone-like: ${JSON.stringify(viewport)}`);
    }
    const loopback = await page.goto(`http://127.0.0.1:${portOf(onLoopback)}/`, { timeout: scaled(15_000) }).then(
      () => 'loaded',
      (error: unknown) => String(error),
    );
    if (!/ERR_CONNECTION_REFUSED|ERR_ADDRESS_UNREACHABLE|ERR_CONNECTION_TIMED_OUT/.test(loopback)) {
      throw new Error(`the computer's 127.0.0.1 is reachable from the phone's namespace (${loopback})`);
    }
  } finally {
    await context.close().catch(() => {});
    await Promise.all([onVeth, onLoopback].map((s) => new Promise((resolve) => s.close(resolve))));
  }
}
