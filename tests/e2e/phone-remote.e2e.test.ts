import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RemoteState } from '../../src/shared/remote/remote-state';
import type { Result } from '../../src/shared/result';
import { connectHostApi, type HostApiClient } from '../support/host-api-client';
import { withRawObs, type RunningObs } from '../support/obs-studio';
import { checkPhoneIsolation, launchPhoneBrowser, type PhoneBrowser } from '../support/phone-browser';
import {
  coversAddress,
  createPhoneNetwork,
  listeningSockets,
  listeningSocketsOf,
  type PhoneNetwork,
} from '../support/phone-network';
import { readQrCode } from '../support/phone-qr';
import type { RtmpIngest } from '../support/rtmp-ingest';
import { scaled } from '../support/timeouts';
import { waitFor } from '../support/wait-for';
import { startE2eSession, type E2eSession } from './e2e-session';
import { addToneScene, applyPresetFromPrograms, expectLiveScene, expectText, sceneButton } from './page-helpers';

/**
 * The phone remote, end to end: a phone on another address (a network namespace of this test
 * with a veth pair, Chromium inside it emulating a phone) pairs by the desktop's QR code (read
 * from its pixels), operates a story time against a real OBS (scene, mic, privacy, the program
 * picture, each confirmed by OBS itself), is refused what an operator may not do (by the core,
 * over its own socket), shows up by name in the broadcast log, follows a role change without a
 * reload, is revoked at the desktop (its socket closes within a second), and wrong codes are
 * slowed down. With the remote off, and after the broadcast ends, nothing listens on the
 * computer's address on that network (checked from inside the namespace).
 */
const KEY = 'e2e-phone-remote-key-4711';
const PHONE_NAME = 'Annas telefon';
/** Where the screenshots go (docs/screenshots gets the ones worth keeping). */
const SHOTS = process.env.BIBBLAN_SHOTS ?? '/tmp/shots';
/** The remote's default port: never open while the remote is off. */
const DEFAULT_REMOTE_PORT = 47180;

/**
 * Records every WebSocket the page opens (the app's own included): when it opened and closed,
 * with which code. Installed before the app's scripts run. A string: the node type check has no DOM.
 */
const RECORD_SOCKETS = `(() => {
  const Native = window.WebSocket;
  const sockets = (window.__bibblanSockets = []);
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      const record = { url: String(url), openedAt: null, closedAt: null, code: null };
      sockets.push(record);
      this.addEventListener('open', () => (record.openedAt = Date.now()));
      this.addEventListener('close', (e) => { record.closedAt = Date.now(); record.code = e.code; });
    }
  };
})()`;

interface SocketRecord {
  url: string;
  openedAt: number | null;
  closedAt: number | null;
  code: number | null;
}

/**
 * In the phone's page: opens a socket of its own on the remote's /api (the device cookie goes
 * with it, as with the app's), sends each request in turn and returns every answer and every
 * message text received.
 */
const PHONE_REQUESTS = `async (requests) => {
  const ws = new WebSocket('ws://' + location.host + '/api');
  const texts = [];
  const waiting = new Map();
  ws.onmessage = (m) => {
    texts.push(String(m.data));
    const message = JSON.parse(m.data);
    if (message.type === 'response' && waiting.has(message.id)) waiting.get(message.id)(message.result);
  };
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onclose = (e) => reject(new Error('the phone socket closed before it opened: ' + e.code));
  });
  const answers = [];
  for (const [i, request] of requests.entries()) {
    const id = 'probe-' + i;
    const result = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ ok: false, error: { code: 'NO_ANSWER' } }), 15000);
      waiting.set(id, (r) => { clearTimeout(timer); resolve(r); });
      ws.send(JSON.stringify({ type: 'request', id, name: request.name, ...(request.params === undefined ? {} : { params: request.params }) }));
    });
    answers.push({ name: request.name, result });
  }
  ws.close();
  return { answers, texts };
}`;

/** In the phone's page: one POST /remote/pair as the pairing page sends it. */
const PAIR_ONCE = `async (body) => {
  const response = await fetch('/remote/pair', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, retryAfter: response.headers.get('Retry-After'), body: await response.json() };
}`;

describe('a phone on another address operates a story time through the remote', () => {
  let network: PhoneNetwork;
  let phones: PhoneBrowser;
  let session: E2eSession<{ ingest: true }>;
  let obs: RunningObs;
  let ingest: RtmpIngest;
  /** The desktop UI (the computer's own browser, on loopback). */
  let desk: Page;
  /** The desktop's API, for setup and for reading what the core says. */
  let api: HostApiClient;
  let phoneContext: BrowserContext;
  let phone: Page;
  /** The port the remote listened on while it was on. */
  const remotePorts = new Set<number>();
  let destinationId = '';
  /** What the desktop's QR code said. */
  let qrLink = '';

  const must = async <T>(result: Promise<Result<T>>, what: string): Promise<T> => {
    const r = await result;
    if (!r.ok) throw new Error(`${what}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  const remoteState = () => must(api.request<RemoteState>('remote.getState'), 'remote.getState');
  const raw = <T>(work: Parameters<typeof withRawObs<T>>[2]) => withRawObs(obs.address, obs.password, work);
  const programScene = async () => (await raw((c) => c.call('GetCurrentProgramScene'))).currentProgramSceneName;
  const expectProgramScene = (name: string) =>
    waitFor(async () => (await programScene()) === name, {
      timeoutMs: scaled(15_000),
      intervalMs: 100,
      message: `OBS shows "${name}"`,
    });
  const isMuted = async (inputName: string) => (await raw((c) => c.call('GetInputMute', { inputName }))).inputMuted;
  const phoneScenes = () =>
    phone
      .getByTestId('scene-list')
      .locator('li[data-scene]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-scene')!));
  const phoneRequests = async (requests: { name: string; params?: unknown }[]) =>
    (await phone.evaluate(`(${PHONE_REQUESTS})(${JSON.stringify(requests)})`)) as {
      answers: { name: string; result: Result<unknown> }[];
      texts: string[];
    };
  const sockets = async (): Promise<SocketRecord[]> =>
    (await phone.evaluate('window.__bibblanSockets ?? []')) as SocketRecord[];

  /**
   * Nothing of the host (and nothing at all) listens on the computer's address on the phone's
   * network: by the host's own listening sockets (ss), and from inside the namespace by trying
   * every port the host listens on, the remote's ports so far and its default port.
   */
  const expectNothingListensOnVeth = async (where: string) => {
    const pid = session.host.process.pid!;
    const own = listeningSocketsOf(pid);
    expect(
      own.map((s) => s.port),
      `${where}: ss sees the host's own loopback port`,
    ).toContain(session.host.port);
    expect(
      own.filter((s) => coversAddress(s.address, network.hostAddress)),
      `${where}: host sockets reachable on ${network.hostAddress}`,
    ).toEqual([]);
    expect(listeningSockets().filter((s) => s.address === network.hostAddress)).toEqual([]);
    for (const port of new Set([...own.map((s) => s.port), ...remotePorts, DEFAULT_REMOTE_PORT])) {
      expect(await network.canConnect(network.hostAddress, port), `${where}: port ${port} from the phone`).toBe(false);
    }
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // First: without root or network namespaces this fails here, with the reason, never skips.
    network = createPhoneNetwork();
    phones = await launchPhoneBrowser(network);
    session = await startE2eSession(
      { dataDirPrefix: 'bibblan-e2e-phone-remote-', ingest: true, hostArgs: ['--remote-port', '0'] },
      ({ obs, dataDir }) => addToneScene(obs, dataDir),
    );
    ({ obs, ingest, page: desk } = session);
    api = await connectHostApi(session.host.port, session.host.token);
    await applyPresetFromPrograms(desk, /^Sagostund/, 6);
  }, scaled(240_000));

  afterAll(async () => {
    await api?.close().catch(() => {});
    await phones?.close();
    await session?.stop();
    network?.remove();
  });

  it("the phone is on another address: it reaches the computer's veth address, not its loopback", async () => {
    await checkPhoneIsolation(phones);
  });

  it('with the remote off, nothing listens on the veth address', async () => {
    const state = await remoteState();
    expect(state.enabled).toBe(false);
    expect(state.addresses).toContain(network.hostAddress);
    await expectNothingListensOnVeth('remote off at start');
  });

  it(
    "staff choose the phone's network while the remote is off, turn it on, and it listens there; pairing shows a QR code",
    { timeout: scaled(60_000) },
    async () => {
      await desk.getByTestId('open-remote').click();
      const panel = desk.getByTestId('remote-panel');
      await panel.waitFor();
      // The computer is on two networks here (eth0 and the phone's): staff choose the phone's, then
      // turn on. (On a computer with no other network the phone's is the only one, and no choice is shown.)
      const choice = panel.getByTestId('remote-address');
      if ((await remoteState()).addresses.length > 1) {
        await choice.selectOption(network.hostAddress);
        expect(await choice.inputValue()).toBe(network.hostAddress);
      }
      // A controlled switch: it flips when the core says so (check() would expect it at once).
      await panel.getByTestId('remote-toggle').click();
      const on = await waitFor(
        async () => {
          const s = await remoteState();
          return s.enabled && s.address === network.hostAddress ? s : null;
        },
        { message: `the remote on, on ${network.hostAddress}` },
      );
      remotePorts.add(on.port);
      expect(on.url).toBe(`http://${network.hostAddress}:${on.port}/`);
      // Bound to that one address, never to every network.
      const own = listeningSocketsOf(session.host.process.pid!);
      expect(own.filter((s) => s.port === on.port).map((s) => s.address)).toEqual([network.hostAddress]);
      expect(own.filter((s) => ['0.0.0.0', '::', '*'].includes(s.address))).toEqual([]);

      await panel.getByTestId('remote-pair').click();
      const qr = panel.getByTestId('pairing-qr');
      await qr.waitFor();
      const link = await readQrCode(qr);
      expect(link).toMatch(
        new RegExp(`^http://${network.hostAddress.replace(/\./g, '\\.')}:${on.port}/pair#s=[\\w-]+$`),
      );
      const pairing = (await remoteState()).pairing;
      expect(pairing?.url).toBe(link);
      // The six digits to type instead, shown beside the QR code.
      await expectText(panel.getByTestId('pairing-code'), new RegExp(pairing!.code.replace(/^(\d{3})/, '$1\\s?')));
      qrLink = link;
    },
  );

  it("the phone opens the QR code's link, is named and lands on the phone page", async () => {
    expect(qrLink, 'the QR code was read').not.toBe('');
    ({ context: phoneContext, page: phone } = await phones.newPhone());
    await phoneContext.addInitScript({ content: RECORD_SOCKETS });
    await phone.goto(qrLink);
    await phone.getByTestId('pair-page').waitFor();
    // From the QR code only the name is asked for: no code field.
    expect(await phone.getByTestId('pair-code').count()).toBe(0);
    await phone.screenshot({ path: `${SHOTS}/phone-pair-390.png` });
    await phone.getByLabel('Vad heter telefonen?').fill(PHONE_NAME);
    await phone.getByRole('button', { name: 'Koppla telefonen' }).tap();
    await phone.getByTestId('phone-page').waitFor();
    const { computerName } = await remoteState();
    await expectText(phone.locator('h1'), new RegExp(`Den här telefonen styr Bibblan Live på ${computerName}`));
    await expectText(phone.getByTestId('phone-link'), /Ansluten till datorn/);
    // The token is the cookie's alone: HttpOnly, same-site, never readable by the page.
    const cookie = (await phoneContext.cookies()).find((c) => c.name === 'bibblan_device');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', domain: network.hostAddress });
    expect(await phone.evaluate('document.cookie')).not.toContain('bibblan_device');
    // The desktop lists the phone, connected, as an operator; the pairing is used up.
    const state = await waitFor(
      async () => {
        const s = await remoteState();
        return s.devices.some((d) => d.name === PHONE_NAME && d.connections > 0) ? s : null;
      },
      { message: 'the phone listed as connected' },
    );
    expect(state.devices.find((d) => d.name === PHONE_NAME)?.role).toBe('operator');
    expect(state.pairing).toBeNull();
    await desk.getByTestId('remote-device').filter({ hasText: PHONE_NAME }).waitFor();
  });

  it('the broadcast starts: the phone shows it is on air', { timeout: scaled(60_000) }, async () => {
    const saved = await must(
      api.request<{ id: string }>('destinations.save', {
        name: 'Lokal testserver',
        platform: 'custom',
        server: ingest.server,
        key: { kind: 'set', value: KEY },
      }),
      'destinations.save',
    );
    destinationId = saved.id;
    await raw(async (c) => {
      await c.call('SetStreamServiceSettings', {
        streamServiceType: 'rtmp_custom',
        streamServiceSettings: { server: ingest.server, key: KEY },
      });
      await c.call('StartStream');
    });
    await waitFor(() => ingest.bytesIn(KEY), { timeoutMs: scaled(30_000), message: 'bytes at the ingest' });
    await waitFor(async () => (await phone.getByTestId('phone-onair').getAttribute('data-live')) === 'true', {
      message: 'the phone shows I SÄNDNING',
    });
  });

  it('on air, the phone keeps its screen on: over plain http (no Wake Lock) the silent video plays', async () => {
    // http://10.x is not a secure context, so the browser offers no Wake Lock there, as on a real phone.
    expect(await phone.evaluate('window.isSecureContext')).toBe(false);
    expect(await phone.evaluate("'wakeLock' in navigator")).toBe(false);
    await waitFor(
      async () =>
        (await phone.evaluate(
          "(() => { const v = document.querySelector('[data-testid=keep-awake]'); return !!v && !v.paused && v.currentTime > 0; })()",
        )) === true,
      { message: 'the keep-awake video playing' },
    );
  });

  it('a scene tapped on the phone goes on air in OBS and the phone marks it live', async () => {
    const scenes = await phoneScenes();
    expect(scenes.length).toBeGreaterThanOrEqual(4);
    const target = scenes.find((s) => /Läsare/.test(s)) ?? scenes[1]!;
    if ((await programScene()) === target)
      await raw((c) => c.call('SetCurrentProgramScene', { sceneName: scenes[0]! }));
    await sceneButton(phone, target).tap();
    await expectProgramScene(target);
    await expectLiveScene(phone, target);
  });

  it('the phone sees the program picture change', { timeout: scaled(60_000) }, async () => {
    const picture = phone.getByTestId('monitor-program').locator('img');
    await picture.waitFor({ timeout: scaled(15_000) });
    const before = await picture.getAttribute('src');
    const scenes = await phoneScenes();
    const current = await programScene();
    const next =
      scenes.find((s) => s !== current && /Startar|Välkommen|Bok/.test(s)) ?? scenes.find((s) => s !== current)!;
    await sceneButton(phone, next).tap();
    await expectProgramScene(next);
    await waitFor(async () => (await picture.getAttribute('data-scene')) === next, {
      message: 'the phone shows the new scene on air',
    });
    expect(await picture.getAttribute('src')).toMatch(/^data:image\/jpe?g;base64,/);
    expect(await picture.getAttribute('src')).not.toBe(before);
    await phone.screenshot({ path: `${SHOTS}/phone-live-390.png` });
    await phone.screenshot({ path: `${SHOTS}/phone-live-390-full.png`, fullPage: true });
  });

  it('a mic muted on the phone is muted in OBS, and unmuted again', async () => {
    const mic = phone.getByTestId('mic-Ton');
    await mic.waitFor();
    if (await isMuted('Ton')) await raw((c) => c.call('SetInputMute', { inputName: 'Ton', inputMuted: false }));
    await waitFor(async () => (await mic.getAttribute('data-muted')) === 'false', { message: 'Ton shown live' });
    await mic.getByRole('button').first().tap();
    await waitFor(() => isMuted('Ton'), { message: 'OBS: Ton muted' });
    await waitFor(async () => (await mic.getAttribute('data-muted')) === 'true', { message: 'the phone: Ton muted' });
    await mic.getByRole('button').first().tap();
    await waitFor(async () => !(await isMuted('Ton')), { message: 'OBS: Ton live again' });
  });

  it(
    'privacy from the phone: the safe scene with every mic muted, then back',
    { timeout: scaled(60_000) },
    async () => {
      const before = await programScene();
      await phone.locator('.live-privacy__cut').tap();
      await phone.getByTestId('privacy-active').waitFor();
      await waitFor(async () => (await programScene()) !== before, { message: 'OBS: the safe scene on air' });
      await waitFor(() => isMuted('Ton'), { message: 'OBS: every mic muted' });
      await phone.getByTestId('privacy-active').getByRole('button').tap();
      await phone.getByTestId('privacy-active').waitFor({ state: 'detached' });
      await expectProgramScene(before);
    },
  );

  it('the core refuses what an operator may not do, over the phone’s own socket', async () => {
    const { answers, texts } = await phoneRequests([
      { name: 'remote.whoAmI' },
      { name: 'golive.end', params: {} },
      { name: 'destinations.revealKey', params: { id: destinationId } },
      { name: 'destinations.list' },
      { name: 'settings.saveConnection', params: { address: 'ws://127.0.0.1:1', password: { action: 'clear' } } },
      { name: 'settings.setLanguage', params: { language: 'en' } },
      { name: 'live.setStudioMode', params: { enabled: true } },
      { name: 'remote.startPairing' },
      { name: 'remote.setRole', params: { deviceId: 'abcdefgh12', role: 'host' } },
    ]);
    const [whoAmI, ...refused] = answers;
    expect(whoAmI!.result).toMatchObject({ ok: true, value: { device: { name: PHONE_NAME, role: 'operator' } } });
    for (const { name, result } of refused) {
      expect(result, name).toMatchObject({ ok: false, error: { code: 'REMOTE_NOT_ALLOWED' } });
    }
    // Nothing happened: still on air, OBS still where the desktop said, no key on the phone.
    expect((await raw((c) => c.call('GetStreamStatus'))).outputActive).toBe(true);
    const settings = await must(api.request<{ connection: { address: string } }>('settings.get'), 'settings.get');
    expect(JSON.stringify(settings)).toContain(obs.address);
    expect(texts.join('\n')).not.toContain(KEY);
    if (obs.password) expect(texts.join('\n')).not.toContain(obs.password);
  });

  it("the broadcast log has the phone's scene switches under its name", async () => {
    const entry = await waitFor(
      async () => {
        const list = await must(api.request<{ items: { id: string }[] }>('log.list', {}), 'log.list');
        const id = list.items[0]?.id;
        if (!id) return null;
        const got = await must(
          api.request<{
            entry: {
              timeline: { scene: string; device?: string }[];
              remoteActions?: { device: string; action: string }[];
            };
          }>('log.get', { id }),
          'log.get',
        );
        return got.entry.timeline.some((s) => s.device === PHONE_NAME) ? got.entry : null;
      },
      { message: `a scene switch by ${PHONE_NAME} in the log` },
    );
    const byPhone = entry.timeline.filter((s) => s.device === PHONE_NAME).map((s) => s.scene);
    expect(byPhone.length).toBeGreaterThanOrEqual(2);
    // What else the phone did, by name: the mic and the privacy cut.
    const did = (entry.remoteActions ?? []).filter((a) => a.device === PHONE_NAME).map((a) => a.action);
    expect(did).toEqual(expect.arrayContaining(['scene', 'mic-off', 'mic-on', 'privacy-on', 'privacy-off']));
  });

  it('made a host at the desktop, the phone offers End at once; an operator again, it does not', async () => {
    const row = desk.getByTestId('remote-device').filter({ hasText: PHONE_NAME });
    await row.getByLabel('Roll').selectOption('host');
    // The page follows its role from the remote.device event: no reload.
    await waitFor(async () => (await phone.getByTestId('phone-page').getAttribute('data-role')) === 'host', {
      message: 'the phone page as a host',
    });
    await phone.getByTestId('stop-stream').waitFor();
    await row.getByLabel('Roll').selectOption('operator');
    await waitFor(async () => (await phone.getByTestId('phone-page').getAttribute('data-role')) === 'operator', {
      message: 'the phone page as an operator again',
    });
    await phone.getByTestId('stop-stream').waitFor({ state: 'detached' });
    expect((await remoteState()).devices.find((d) => d.name === PHONE_NAME)?.role).toBe('operator');
  });

  it("revoked at the desktop: the phone's socket closes within a second and the page says so", async () => {
    const open = (await sockets()).filter((s) => s.openedAt !== null && s.closedAt === null);
    expect(open.length, "the phone page's own socket is open").toBeGreaterThanOrEqual(1);
    // The moment the click lands in the desktop page (not when Playwright starts aiming at the button).
    await desk.evaluate(
      `document.addEventListener('click', () => (window.__revokeClickAt = Date.now()), { capture: true, once: true })`,
    );
    await desk.getByRole('button', { name: `Ta bort ${PHONE_NAME}` }).click();
    const t0 = (await desk.evaluate('window.__revokeClickAt')) as number;
    const closed = await waitFor(
      async () => {
        const now = await sockets();
        const ours = open.map((o) => now.find((s) => s.url === o.url && s.openedAt === o.openedAt)!);
        return ours.every((s) => s.closedAt !== null) ? ours : null;
      },
      { timeoutMs: 5_000, message: "the phone's socket closed" },
    );
    for (const s of closed) {
      expect(s.closedAt! - t0, 'closed within a second of the click').toBeLessThan(1_000);
      expect(s.code).toBe(4401);
    }
    await phone.getByTestId('pair-page').waitFor({ timeout: scaled(10_000) });
    await expectText(phone.getByTestId('pair-page'), /Telefonen är inte längre kopplad till Bibblan Live/);
    await phone.screenshot({ path: `${SHOTS}/phone-revoked-390.png` });
    // The token is worth nothing now, on HTTP and on the socket.
    expect(await phone.evaluate(`fetch('/remote/session').then((r) => r.status)`)).toBe(401);
    await expect(phoneRequests([{ name: 'remote.whoAmI' }])).rejects.toThrow(/closed before it opened/);
    expect((await remoteState()).devices.some((d) => d.name === PHONE_NAME)).toBe(false);
  });

  it('wrong pairing codes are slowed down (429 with Retry-After)', async () => {
    const { pairing } = await must(api.request<RemoteState>('remote.startPairing'), 'remote.startPairing');
    const wrong = String((Number(pairing!.code) + 1) % 1_000_000).padStart(6, '0');
    const tries: { status: number; retryAfter: string | null; body: { error?: { code: string } } }[] = [];
    for (let i = 0; i < 6 && tries.at(-1)?.status !== 429; i += 1) {
      tries.push(
        (await phone.evaluate(
          `(${PAIR_ONCE})(${JSON.stringify({ code: wrong, name: 'Gissaren' })})`,
        )) as (typeof tries)[0],
      );
    }
    expect(tries[0]).toMatchObject({ status: 403, body: { error: { code: 'REMOTE_PAIRING_WRONG_CODE' } } });
    const slowed = tries.at(-1)!;
    expect(slowed).toMatchObject({ status: 429, body: { error: { code: 'REMOTE_PAIRING_SLOW_DOWN' } } });
    expect(Number(slowed.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(tries.length).toBeLessThanOrEqual(5);
    // Not one of the wrong tries paired a device.
    expect((await remoteState()).devices).toEqual([]);
    await must(api.request('remote.cancelPairing'), 'remote.cancelPairing');
  });

  it('turned off at the desktop, nothing listens on the veth address', async () => {
    await desk.getByTestId('remote-toggle').click();
    await waitFor(async () => !(await remoteState()).enabled, { message: 'the remote off' });
    await expectNothingListensOnVeth('remote turned off');
  });

  it('on again, the end of the broadcast turns the remote off by itself', { timeout: scaled(60_000) }, async () => {
    const on = await must(
      api.request<RemoteState>('remote.setEnabled', { enabled: true, address: network.hostAddress }),
      'remote.setEnabled',
    );
    remotePorts.add(on.port);
    expect(await network.canConnect(network.hostAddress, on.port)).toBe(true);
    await raw((c) => c.call('StopStream'));
    await waitFor(async () => !(await remoteState()).enabled, {
      timeoutMs: scaled(20_000),
      message: 'the remote off after the broadcast',
    });
    await expectNothingListensOnVeth('after the broadcast');
  });
});
