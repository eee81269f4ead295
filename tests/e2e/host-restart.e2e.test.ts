import type { Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { generateEntries } from '../../src/core/broadcast-log/generate-entries';
import type { RunningHost } from '../support/browser-host-process';
import { connectHostApi } from '../support/host-api-client';
import { scaled } from '../support/timeouts';
import { waitFor } from '../support/wait-for';
import { startE2eSession, type E2eSession } from './e2e-session';
import { expectText } from './page-helpers';

/**
 * The page's WebSocket, carried to whichever host runs now. A restarted host listens on a new
 * port with a new token, which a real page could not follow without loading again; this bridge
 * follows it, so the page itself stays the same document and only sees its link drop and return.
 * `hold()` cuts the link and refuses it until `release()`: changes made meanwhile reach the page
 * by no event, only by the stores loading again when the link returns.
 */
async function bridgePageToHost(page: Page, currentHost: () => RunningHost) {
  let held = false;
  const routes = new Set<WebSocketRoute>();
  await page.routeWebSocket(/\/api\?token=/, (route) => {
    if (held) return route.close({ code: 1012, reason: 'held by the test' });
    routes.add(route);
    const { port, token } = currentHost();
    const upstream = new WebSocket(`ws://127.0.0.1:${port}/api?token=${encodeURIComponent(token)}`, {
      origin: `http://127.0.0.1:${port}`,
    });
    const waiting: string[] = [];
    upstream.on('open', () => waiting.splice(0).forEach((message) => upstream.send(message)));
    upstream.on('message', (data) => route.send(String(data)));
    // A host that is down or stopping: the page sees its link close and tries again by itself.
    upstream.on('close', () => void route.close().catch(() => {}));
    upstream.on('error', () => {});
    route.onMessage((message) => {
      if (upstream.readyState === WebSocket.OPEN) upstream.send(String(message));
      else waiting.push(String(message));
    });
    route.onClose(() => {
      routes.delete(route);
      upstream.close();
    });
  });
  return {
    async hold() {
      held = true;
      await Promise.all([...routes].map((route) => route.close({ code: 1012, reason: 'held by the test' })));
      routes.clear();
    },
    release() {
      held = false;
    },
  };
}

/**
 * The views' stores (live, presets, log) after the host restarts while their view is open: the
 * page shows what the restarted host holds, with no reload, though no event told it.
 */
describe('a page open across a host restart', () => {
  let session: E2eSession;
  let page: Page;
  let bridge: Awaited<ReturnType<typeof bridgePageToHost>>;

  beforeAll(async () => {
    session = await startE2eSession({ dataDirPrefix: 'bibblan-e2e-restart-' });
    page = session.page;
    bridge = await bridgePageToHost(page, () => session.host);
    // Once, so that the page's socket goes through the bridge from now on.
    await page.reload();
    await page.getByTestId('main-screen').waitFor();
    await expectText(page.getByTestId('connection-status'), /Ansluten till OBS/, 20_000);
    // Gone if the page ever loads again.
    await page.evaluate(() => ((globalThis as { sameDocument?: boolean }).sameDocument = true));
  });

  afterAll(() => session?.stop());

  /** Restarts the host with the page's link held, lets `change` work on the new one, then lets the page back. */
  async function restartAndChange(
    change: (request: (name: string, params?: unknown) => Promise<unknown>) => Promise<void>,
  ) {
    await bridge.hold();
    const host = await session.restartHost();
    const client = await connectHostApi(host.port, host.token);
    try {
      // A freshly started host is still connecting to OBS: a request now would answer OBS_NOT_CONNECTED.
      await waitFor(
        async () => {
          const state = await client.request('obs.getState', undefined, 30_000);
          return state.ok && (state.value as { connection: { status: string } }).connection.status === 'connected';
        },
        { timeoutMs: scaled(30_000), message: 'the restarted host connected to OBS' },
      );
      await change(async (name, params) => {
        const result = await client.request(name, params, 30_000);
        if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
        return result.value;
      });
    } finally {
      await client.close();
    }
    bridge.release();
  }

  const sameDocument = () => page.evaluate(() => (globalThis as { sameDocument?: boolean }).sameDocument === true);

  it('live view: shows the preset another client applied while the page was away', async () => {
    const heading = page.locator('#scenes-heading');
    await expectText(heading, /^Scener i OBS$/);
    await restartAndChange(async (request) => {
      await request('presets.apply', { presetId: 'builtin-story-time' });
    });
    await expectText(heading, /^Scener i Sagostund/, 20_000);
    expect(await sameDocument()).toBe(true);
  }, 90_000);

  it('programs: lists the copy another client made while the page was away', async () => {
    await page.getByTestId('open-programs').click();
    const list = page.getByTestId('preset-list');
    await list
      .getByRole('button', { name: /^Sagostund/ })
      .first()
      .waitFor();
    expect(await list.getByRole('button', { name: /kopia/ }).count()).toBe(0);
    await restartAndChange(async (request) => {
      await request('presets.duplicate', { presetId: 'builtin-story-time' });
    });
    await list.getByRole('button', { name: /kopia/ }).waitFor({ timeout: 20_000 });
    expect(await sameDocument()).toBe(true);
    await page.getByRole('button', { name: 'Tillbaka till scenerna' }).click();
    await page.getByTestId('main-screen').waitFor();
  }, 90_000);

  it('broadcast log: lists the broadcast imported while the page was away', async () => {
    await page.getByTestId('open-log').click();
    await expectText(page.getByTestId('log-screen'), /Inga sändningar/);
    const entry = { ...generateEntries(1)[0]!, id: 'e2e-restart', title: 'Sagostund under omstarten' };
    await restartAndChange(async (request) => {
      await request('log.importJson', { entries: [entry] });
    });
    await expectText(page.getByTestId('log-list'), /Sagostund under omstarten/, 20_000);
    expect(await sameDocument()).toBe(true);
  }, 90_000);
});
