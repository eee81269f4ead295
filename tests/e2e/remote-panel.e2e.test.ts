import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RemoteState } from '../../src/shared/remote/remote-state';
import { connectHostApi, type HostApiClient } from '../support/host-api-client';
import { createPhoneNetwork, type PhoneNetwork } from '../support/phone-network';
import { readQrCode } from '../support/phone-qr';
import { scaled } from '../support/timeouts';
import { waitFor } from '../support/wait-for';
import { expectAccessible } from './axe';
import { startE2eSession, type E2eSession } from './e2e-session';
import { expectText, horizontalOverflow } from './page-helpers';

/**
 * "Telefon som fjärrkontroll" on the computer, in real Chromium against the browser host (its
 * remote on any free port) and a real OBS: found from the live screen, turned on, a QR code that
 * a camera reads as the pairing address, the six digits and their countdown; a phone paired with
 * that code shows up in the list, connected; its role changes; Ta bort ends its access at once.
 * The phone itself is played here by plain HTTP and a WebSocket (the phone's own page is
 * phone-remote.e2e.test.ts).
 */
const WIDE = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.BIBBLAN_SHOTS ?? '/tmp/shots';
const DEVICE_COOKIE = 'bibblan_device';

describe('the phone remote panel on the computer', () => {
  let session: E2eSession;
  let page: Page;
  let api: HostApiClient;
  /** An address of the test's own (a veth pair), so the remote never listens on the machine's real network. */
  let network: PhoneNetwork;
  /** The paired "phone": its cookie and its open API socket. */
  let cookie = '';
  let phoneSocket: WebSocket | null = null;

  const panel = (): Locator => page.getByTestId('remote-panel');
  const remoteState = async (): Promise<RemoteState> => {
    const result = await api.request<RemoteState>('remote.getState');
    if (!result.ok) throw new Error(`remote.getState failed: ${result.error.code}`);
    return result.value;
  };
  /** A screenshot with `part` (default: the panel) scrolled to the top of the window's body. */
  const shot = async (name: string, part: Locator = panel()) => {
    await part.evaluate(
      (el) =>
        new Promise((resolve) => {
          // The body scrolls, not the page: scrolled there, the status bar stays in its place.
          const body = el.closest('.app__body')!;
          body.scrollTop += el.getBoundingClientRect().top - body.getBoundingClientRect().top - 16;
          el.ownerDocument.defaultView!.requestAnimationFrame(resolve);
        }),
    );
    await page.screenshot({ path: `${SHOTS}/${name}.png` });
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    network = createPhoneNetwork();
    session = await startE2eSession({
      dataDirPrefix: 'bibblan-e2e-remote-panel-',
      hostArgs: ['--remote-port', '0'],
      viewport: WIDE,
    });
    page = session.page;
    api = await connectHostApi(session.host.port, session.host.token);
  });

  afterAll(async () => {
    phoneSocket?.terminate();
    await api?.close();
    await session?.stop();
    network?.remove();
  });

  it('is found from the live screen: Settings open at the remote, its heading focused', async () => {
    await page.getByTestId('open-remote').click();
    await panel().waitFor();
    await expect
      .poll(() => page.locator('html').evaluate((html) => html.ownerDocument.activeElement?.textContent ?? ''))
      .toBe('Telefon som fjärrkontroll');
    await expect.poll(() => panel().isVisible()).toBe(true);
    await expectText(panel(), /Av\. Ingen telefon kan styra Bibblan Live\./);
    // Plain words on what a phone can and cannot do, before anything is turned on.
    await expectText(panel(), /Operatör: byta scen/);
    await expectText(panel(), /Värd: allt som en operatör kan, och dessutom avsluta sändningen\./);
    await expectText(panel(), /kan aldrig starta en sändning/);
    await expectAccessible(page, 'Settings with the remote off');
  });

  it('turns on: the core listens on a LAN address, and pairing can start', async () => {
    // The network the test made for itself, never the machine's real one.
    const choice = panel().getByTestId('remote-address');
    if ((await choice.count()) > 0) await choice.selectOption(network.hostAddress);
    await panel().getByRole('switch', { name: 'Telefon som fjärrkontroll' }).click();
    await expectText(panel(), /På\. Kopplade telefoner kan styra sändningen\./);
    const state = await remoteState();
    expect(state.enabled).toBe(true);
    expect(state.url).toMatch(/^http:\/\/\d+\.\d+\.\d+\.\d+:\d+\/$/);
    expect(state.address).toBe(network.hostAddress);
    // The listener answers on that address: a browser there gets the pairing page's 401.
    const answer = await fetch(`${state.url}remote/session`);
    expect(answer.status).toBe(401);
    // With several addresses, the choice is shown; with one, none.
    expect(await panel().getByTestId('remote-address').count()).toBe(state.addresses.length > 1 ? 1 : 0);
  });

  it('shows a QR code that reads as the pairing address, the six digits and the time left', async () => {
    // (A retry finds the pairing already open: then a new code.)
    await panel()
      .getByRole('button', { name: /^(Koppla en telefon|Ny kod)$/ })
      .first()
      .click();
    const qr = panel().getByTestId('pairing-qr');
    await qr.waitFor();
    const state = await waitFor(async () => {
      const s = await remoteState();
      return s.pairing ? s : null;
    });
    const pairing = state.pairing!;
    expect(await readQrCode(qr)).toBe(pairing.url);
    expect(pairing.url.startsWith(`${state.url}pair#s=`)).toBe(true);
    // The code, large, in two groups of three; read out digit by digit.
    const code = panel().getByTestId('pairing-code');
    expect(await code.locator('[aria-hidden="true"]').textContent()).toBe(
      `${pairing.code.slice(0, 3)} ${pairing.code.slice(3)}`,
    );
    expect(await code.locator('.visually-hidden').textContent()).toBe(pairing.code.split('').join(' '));
    expect(
      Number.parseFloat(await code.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).fontSize)),
    ).toBeGreaterThanOrEqual(40);
    // The address to type, and a countdown to the expiry (2 minutes), counting down.
    expect(await panel().getByTestId('remote-url').textContent()).toBe(state.url);
    const countdown = panel().getByTestId('pairing-countdown');
    const first = await expectText(countdown, /Koden gäller i [12]:\d\d till/);
    await waitFor(async () => (await countdown.textContent()) !== first, { message: 'the countdown moves' });
    await expectAccessible(page, 'the remote panel with a pairing code');
    await shot('remote-panel-pairing-1366', panel().getByTestId('remote-pairing'));
    await page.setViewportSize(PHONE);
    try {
      expect(await horizontalOverflow(page)).toEqual([]);
      await shot('remote-panel-pairing-390', panel().getByTestId('remote-pairing'));
    } finally {
      await page.setViewportSize(WIDE);
    }
  });

  it('lists a phone paired with the code, connected, and changes its role', async () => {
    const state = await remoteState();
    const origin = state.url!.replace(/\/$/, '');
    const paired = await fetch(`${origin}/remote/pair`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ code: state.pairing!.code, name: 'Annas telefon' }),
    });
    expect(paired.status).toBe(200);
    const setCookie = paired.headers.get('set-cookie') ?? '';
    cookie = new RegExp(`${DEVICE_COOKIE}=[^;]+`).exec(setCookie)?.[0] ?? '';
    expect(cookie).not.toBe('');
    // The code worked once: the pairing is over, the QR code gone.
    await panel().getByTestId('pairing-qr').waitFor({ state: 'detached' });

    const row = panel().getByTestId('remote-device').filter({ hasText: 'Annas telefon' });
    await expectText(row, /Inte ansluten/);
    phoneSocket = new WebSocket(`${origin.replace('http', 'ws')}/api`, { headers: { Cookie: cookie }, origin });
    await new Promise<void>((resolve, reject) => {
      phoneSocket!.once('open', () => resolve());
      phoneSocket!.once('error', reject);
    });
    await expectText(row, /Ansluten nu/);

    await row.getByLabel('Roll').selectOption({ label: 'Värd' });
    await waitFor(async () => (await remoteState()).devices[0]?.role === 'host', { message: 'role host' });
    expect(await row.getByLabel('Roll').inputValue()).toBe('host');
    await expectAccessible(page, 'the remote panel with a paired phone');
    await shot('remote-panel-devices-1366');
  });

  it('Ta bort ends the access at once: the socket closes and the session is refused', async () => {
    const state = await remoteState();
    const origin = state.url!.replace(/\/$/, '');
    const closed = new Promise<number>((resolve) => phoneSocket!.once('close', (code) => resolve(code)));
    await panel().getByRole('button', { name: 'Ta bort Annas telefon' }).click();
    await panel().getByTestId('remote-device').waitFor({ state: 'detached' });
    await expectText(panel(), /Inga telefoner är kopplade än\./);
    // "Within a second" is the promise; a busy machine gets some patience on top.
    const started = Date.now();
    await Promise.race([
      closed,
      new Promise((_, reject) => setTimeout(() => reject(new Error('socket still open')), scaled(3_000))),
    ]);
    expect(Date.now() - started).toBeLessThan(scaled(3_000));
    const session_ = await fetch(`${origin}/remote/session`, { headers: { Cookie: cookie } });
    expect(session_.status).toBe(401);
  });

  it('turns off: nothing listens on the address any more', async () => {
    const { url } = await remoteState();
    await panel().getByRole('switch', { name: 'Telefon som fjärrkontroll' }).click();
    await expectText(panel(), /Av\. Ingen telefon kan styra Bibblan Live\./);
    await waitFor(
      async () =>
        fetch(`${url}remote/session`).then(
          () => false,
          () => true,
        ),
      { message: 'the listener closed' },
    );
    expect(session.consoleErrors).toEqual([]);
  });
});
