import { createServer, type Server } from 'node:net';
import type WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../src/core/app-core';
import { MemoryDocumentStore } from '../../../src/core/settings/memory-document-store';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exactSiteIdentity } from '../../../src/host/allowed-origins';
import { createRemoteListener } from '../../../src/host/remote';
import { pageForPhones } from '../../../src/host/remote/remote-listener';
import type { RemoteState } from '../../../src/shared/remote/remote-state';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { scaled } from '../../support/timeouts';
import { closed, makeSite, mustOpen, nextMessage, openSocket, removeDir, SECRET_TEXT } from '../helpers';
import { connectOutcome, deviceCookieOf, lanRequest, pairRequest, type LanResponse } from './lan-client';

/**
 * The phone remote's LAN listener driven by the real core: the core turns it on and off,
 * pairs and revokes; the test is the phone. 127.0.0.2 stands for the computer's LAN address
 * (Linux answers on all of 127/8 without setup); nothing listens there but the remote.
 */

const LAN = '127.0.0.2';
const COMPUTER = 'Bibliotekets dator';

interface Running {
  core: AppCore;
  port: number;
  origin: string;
  cleanup(): Promise<void>;
}

const running: Running[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.cleanup();
});

async function call<T>(core: AppCore, name: string, params?: unknown): Promise<T> {
  const result = await core.handle(name, params);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** A core with the remote on at LAN on any free port. */
async function remoteOn(options: { addresses?: string[]; heartbeatMs?: number } = {}): Promise<Running> {
  const site = makeSite();
  const core = createAppCore({
    settings: new MemoryDocumentStore(),
    secrets: new MemorySecretStore(),
    version: '1.0.0',
    remote: {
      listener: createRemoteListener({
        staticDir: site.staticDir,
        logger: { info() {}, warn() {}, error() {} },
        ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
      }),
      lanAddresses: () => options.addresses ?? [LAN],
      computerName: COMPUTER,
      port: 0,
    },
  });
  core.start();
  const state = await call<RemoteState>(core, 'remote.setEnabled', { enabled: true, address: LAN });
  const r: Running = {
    core,
    port: state.port,
    origin: `http://${LAN}:${state.port}`,
    async cleanup() {
      await core.stop();
      removeDir(site.root);
    },
  };
  running.push(r);
  return r;
}

async function pairing(core: AppCore): Promise<{ code: string; secret: string }> {
  const state = await call<RemoteState>(core, 'remote.startPairing');
  if (!state.pairing) throw new Error('no pairing');
  return { code: state.pairing.code, secret: state.pairing.url.split('#s=')[1] ?? '' };
}

/** Pairs "Annas telefon" with the QR code's secret and returns its cookie and id. */
async function pairedPhone(r: Running): Promise<{ cookie: string; id: string }> {
  const { secret } = await pairing(r.core);
  const res = await pairRequest(LAN, r.port, { secret, name: 'Annas telefon' });
  expect(res.status, res.text).toBe(200);
  return { cookie: deviceCookieOf(res), id: (res.json() as { device: { id: string } }).device.id };
}

const socketUrl = (r: Running): string => `ws://${LAN}:${r.port}/api`;

async function deviceSocket(r: Running, cookie: string): Promise<WebSocket> {
  return mustOpen(socketUrl(r), { headers: { cookie, origin: r.origin } });
}

let nextId = 1;
async function ask(socket: WebSocket, name: string, params?: unknown): Promise<Record<string, unknown>> {
  const id = nextId++;
  const answer = nextMessage(socket, (m) => m.type === 'response' && m.id === id);
  socket.send(JSON.stringify({ type: 'request', id, name, ...(params === undefined ? {} : { params }) }));
  return (await answer).result as Record<string, unknown>;
}

const errorCode = (res: LanResponse): unknown => (res.json() as { error?: { code?: unknown } }).error?.code;

describe('phone remote listener: the pages', () => {
  it('serves the built UI without a token, with the security headers and a socket only to itself', async () => {
    const r = await remoteOn();
    const page = await lanRequest(LAN, r.port, '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Bibblan</title>');
    expect(page.headers['set-cookie']).toBeUndefined();
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain(`connect-src 'self' ws://${LAN}:${r.port}`);
    expect(csp).not.toContain('127.0.0.1');
    // The phone's page is installable on a home screen.
    expect(csp).toContain("manifest-src 'self'");
    // … and may play the silent video that keeps a phone's screen on over plain http.
    expect(csp).toContain("media-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['cache-control']).toBe('no-store');

    expect((await lanRequest(LAN, r.port, '/assets/app.js')).text).toContain('console.log');
    // The QR code's page is the same app: it reads the secret from the fragment.
    const pairPage = await lanRequest(LAN, r.port, '/pair');
    expect(pairPage.status).toBe(200);
    expect(pairPage.text).toContain('<title>Bibblan</title>');
  });

  it("names its own socket in the page's CSP meta tag too (older Safari does not count ws:// as 'self')", async () => {
    const source = readFileSync(join(__dirname, '../../../src/renderer/index.html'), 'utf8');
    const site = exactSiteIdentity(LAN, 47180);
    const page = pageForPhones(source, site);
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(page)?.[1] ?? '';
    expect(meta).toContain(`connect-src 'self' ws://${LAN}:47180;`);
    expect(meta).not.toContain('127.0.0.1');
    // Everything else in the page's policy stays as built.
    expect(meta.replace(/connect-src[^;]*;/, '')).toBe(
      (/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(source)?.[1] ?? 'x').replace(
        /connect-src[^;]*;/,
        '',
      ),
    );
  });

  it('serves nothing outside the built UI, and only GET and HEAD', async () => {
    const r = await remoteOn();
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/.env']) {
      const res = await lanRequest(LAN, r.port, path);
      expect(res.status, path).toBe(400);
      expect(res.text).not.toContain(SECRET_TEXT);
    }
    expect((await lanRequest(LAN, r.port, '/nothing-here.js')).status).toBe(404);
    expect((await lanRequest(LAN, r.port, '/', { method: 'POST' })).status).toBe(405);
    expect((await lanRequest(LAN, r.port, '/', { method: 'HEAD' })).status).toBe(200);
  });

  it('answers only to its own address in the Host header (DNS rebinding)', async () => {
    const r = await remoteOn();
    for (const host of [`127.0.0.1:${r.port}`, `localhost:${r.port}`, `evil.example:${r.port}`, LAN, `${LAN}:1`]) {
      for (const path of ['/', '/remote/session']) {
        const res = await lanRequest(LAN, r.port, path, { headers: { host } });
        expect(res.status, `${host} ${path}`).toBe(403);
        expect(res.text).toBe('');
      }
    }
  });
});

describe('phone remote listener: session and pairing', () => {
  it('says who the phone is only with a device cookie, and never caches it', async () => {
    const r = await remoteOn();
    const before = await lanRequest(LAN, r.port, '/remote/session');
    expect(before.status).toBe(401);
    expect(before.json()).toEqual({ computerName: COMPUTER, error: { code: 'REMOTE_ACCESS_ENDED' } });
    expect(before.headers['cache-control']).toBe('no-store');
    const forged = await lanRequest(LAN, r.port, '/remote/session', { headers: { cookie: 'bibblan_device=forged' } });
    expect(forged.status).toBe(401);
    expect(forged.headers['set-cookie']).toBeUndefined();

    const phone = await pairedPhone(r);
    const after = await lanRequest(LAN, r.port, '/remote/session', { headers: { cookie: phone.cookie } });
    expect(after.status).toBe(200);
    expect(after.json()).toEqual({
      computerName: COMPUTER,
      device: { id: phone.id, name: 'Annas telefon', role: 'operator' },
    });
    expect(after.headers['cache-control']).toBe('no-store');
  });

  it('pairs with the QR code secret once, setting a strict HttpOnly cookie for 30 days', async () => {
    const r = await remoteOn();
    const { secret } = await pairing(r.core);
    const res = await pairRequest(LAN, r.port, { secret, name: 'Annas telefon' });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      computerName: COMPUTER,
      device: { id: expect.any(String), name: 'Annas telefon', role: 'operator' },
    });
    expect(res.text).not.toContain(deviceCookieOf(res).split('=')[1]);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^bibblan_device=[^;]{20,};/);
    for (const part of ['HttpOnly', 'SameSite=Strict', 'Path=/', 'Max-Age=2592000']) expect(cookie).toContain(part);

    const again = await pairRequest(LAN, r.port, { secret, name: 'Någon annan' });
    expect(again.status).toBe(403);
    expect(errorCode(again)).toBe('REMOTE_PAIRING_NOT_OPEN');
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('pairs with the typed six-digit code', async () => {
    const r = await remoteOn();
    const { code } = await pairing(r.core);
    const res = await pairRequest(LAN, r.port, { code, name: 'Surfplattan' });
    expect(res.status).toBe(200);
    const state = await call<RemoteState>(r.core, 'remote.getState');
    expect(state.devices.map((d) => d.name)).toEqual(['Surfplattan']);
  });

  it('refuses wrong codes with 403, then slows them down with 429 and Retry-After', async () => {
    const r = await remoteOn();
    const { code } = await pairing(r.core);
    const wrong = code === '000000' ? '111111' : '000000';
    const statuses: number[] = [];
    let slowed: LanResponse | null = null;
    for (let i = 0; i < 6 && !slowed; i++) {
      const res = await pairRequest(LAN, r.port, { code: wrong, name: 'Gissaren' });
      statuses.push(res.status);
      if (res.status === 429) slowed = res;
      else expect(errorCode(res)).toBe('REMOTE_PAIRING_WRONG_CODE');
    }
    expect(statuses[0]).toBe(403);
    expect(slowed, `statuses ${statuses.join(',')}`).not.toBeNull();
    expect(errorCode(slowed!)).toBe('REMOTE_PAIRING_SLOW_DOWN');
    const seconds = Number(slowed!.headers['retry-after']);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect((slowed!.json() as { error: { params: { seconds: number } } }).error.params.seconds).toBe(seconds);
    // While slowed down, even the right code waits.
    const right = await pairRequest(LAN, r.port, { code, name: 'Gissaren' });
    expect(right.status).toBe(429);
  });

  it("refuses another site's page: a foreign Origin neither pairs nor uses up the code", async () => {
    const r = await remoteOn();
    const { secret } = await pairing(r.core);
    for (const origin of ['http://evil.example', `http://127.0.0.1:${r.port}`, `https://${LAN}:${r.port}`, 'null']) {
      const res = await pairRequest(LAN, r.port, { secret, name: 'Elak sida' }, { origin });
      expect(res.status, origin).toBe(403);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const session = await lanRequest(LAN, r.port, '/remote/session', { headers: { origin: 'http://evil.example' } });
    expect(session.status).toBe(403);
    expect((await pairRequest(LAN, r.port, { secret, name: 'Annas telefon' })).status).toBe(200);
  });

  it('answers malformed pairing requests with JSON errors and pairs nothing', async () => {
    const r = await remoteOn();
    const { secret } = await pairing(r.core);
    const post = (body: string | Buffer, contentType = 'application/json') =>
      lanRequest(LAN, r.port, '/remote/pair', {
        method: 'POST',
        headers: { 'content-type': contentType, origin: r.origin },
        body,
      });
    const cases: Array<[Promise<LanResponse>, number]> = [
      [post('{not json'), 400],
      [post('[1,2]'), 400],
      [post(JSON.stringify({ secret: 42, name: 'x' })), 400],
      [post(JSON.stringify({ code: ['1'], name: 'x' })), 400],
      [post(JSON.stringify({ secret, name: '' })), 400],
      [post(JSON.stringify({ secret, name: 'x'.repeat(500) })), 400],
      [post(JSON.stringify({ secret, name: 'Anna' }), 'text/plain'), 415],
      [post(JSON.stringify({ secret, name: 'x'.repeat(5000) })), 413],
    ];
    for (const [pending, status] of cases) {
      const res = await pending;
      expect(res.status, res.text).toBe(status);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
    expect((await lanRequest(LAN, r.port, '/remote/pair')).status).toBe(405);
    // None of it used up the pairing.
    expect((await pairRequest(LAN, r.port, { secret, name: 'Annas telefon' })).status).toBe(200);
  });
});

describe('phone remote listener: the API socket', () => {
  it('refuses a socket without a device cookie, from a foreign page, or for another Host', async () => {
    const r = await remoteOn();
    const phone = await pairedPhone(r);
    expect(await openSocket(socketUrl(r))).toEqual({ status: 401 });
    expect(await openSocket(socketUrl(r), { headers: { cookie: 'bibblan_device=forged', origin: r.origin } })).toEqual({
      status: 401,
    });
    expect(
      await openSocket(socketUrl(r), { headers: { cookie: phone.cookie, origin: 'http://evil.example' } }),
    ).toEqual({ status: 403 });
    expect(await openSocket(socketUrl(r), { headers: { cookie: phone.cookie, host: `127.0.0.1:${r.port}` } })).toEqual({
      status: 403,
    });
    expect(await openSocket(`ws://${LAN}:${r.port}/other`, { headers: { cookie: phone.cookie } })).toEqual({
      status: 404,
    });
    const state = await call<RemoteState>(r.core, 'remote.getState');
    expect(state.devices[0]?.connections).toBe(0);
  });

  it("serves a device through its role's view of the core and counts its connection", async () => {
    const r = await remoteOn();
    const phone = await pairedPhone(r);
    const socket = await deviceSocket(r, phone.cookie);

    expect(await ask(socket, 'remote.whoAmI')).toEqual({
      ok: true,
      value: { computerName: COMPUTER, device: { id: phone.id, name: 'Annas telefon', role: 'operator' } },
    });
    expect((await ask(socket, 'app.getInfo')).ok).toBe(true);
    for (const [name, params] of [
      ['settings.saveConnection', { address: 'ws://127.0.0.1:4455', password: { action: 'keep' } }],
      ['remote.startPairing', undefined],
      ['remote.setRole', { deviceId: phone.id, role: 'host' }],
      ['golive.end', undefined],
    ] as const) {
      expect(await ask(socket, name, params), name).toEqual({ ok: false, error: { code: 'REMOTE_NOT_ALLOWED' } });
    }
    const state = await call<RemoteState>(r.core, 'remote.getState');
    expect(state.devices[0]?.connections).toBe(1);

    socket.close();
    await closed(socket);
    await expect.poll(async () => (await call<RemoteState>(r.core, 'remote.getState')).devices[0]?.connections).toBe(0);
  });

  it("sends a device only its role's events: never the desktop's pairing code", async () => {
    const r = await remoteOn();
    const phone = await pairedPhone(r);
    const socket = await deviceSocket(r, phone.cookie);
    const seen: string[] = [];
    socket.on('message', (data) => seen.push(String((JSON.parse(String(data)) as { name?: string }).name)));
    const roleChanged = nextMessage(socket, (m) => m.type === 'event' && m.name === 'remote.device');
    // remote.state (with the new code) goes out first, then remote.device: in this order on one socket.
    await call(r.core, 'remote.startPairing');
    await call(r.core, 'remote.setRole', { deviceId: phone.id, role: 'host' });
    expect((await roleChanged).payload).toEqual({
      computerName: COMPUTER,
      device: { id: phone.id, name: 'Annas telefon', role: 'host' },
    });
    expect(seen).not.toContain('remote.state');
    socket.close();
    await closed(socket);
  });

  it('closes a revoked device at once, and its cookie opens nothing after', async () => {
    const r = await remoteOn();
    const anna = await pairedPhone(r);
    const bertil = await pairedPhone(r);
    const annaSocket = await deviceSocket(r, anna.cookie);
    const annaSecond = await deviceSocket(r, anna.cookie);
    const bertilSocket = await deviceSocket(r, bertil.cookie);

    const startedAt = Date.now();
    const closings = [closed(annaSocket), closed(annaSecond)];
    await call(r.core, 'remote.revoke', { deviceId: anna.id });
    const codes = await Promise.all(closings);
    expect(Date.now() - startedAt).toBeLessThan(1000);
    expect(codes).toEqual([4401, 4401]);

    expect(await openSocket(socketUrl(r), { headers: { cookie: anna.cookie, origin: r.origin } })).toEqual({
      status: 401,
    });
    expect((await lanRequest(LAN, r.port, '/remote/session', { headers: { cookie: anna.cookie } })).status).toBe(401);
    // The other phone goes on.
    expect((await ask(bertilSocket, 'remote.whoAmI')).ok).toBe(true);
    bertilSocket.close();
    await closed(bertilSocket);
  });

  it('drops a phone that stopped answering pings (gone from the wifi), and keeps one that answers', async () => {
    // Long enough that a busy machine still answers in time; the silent one goes after two.
    const r = await remoteOn({ heartbeatMs: scaled(500) });
    const phone = await pairedPhone(r);
    const awake = await deviceSocket(r, phone.cookie);
    const asleep = await mustOpen(socketUrl(r), {
      headers: { cookie: phone.cookie, origin: r.origin },
      autoPong: false,
    });
    await expect.poll(async () => (await call<RemoteState>(r.core, 'remote.getState')).devices[0]?.connections).toBe(2);

    expect(await closed(asleep)).toBe(1006);
    await expect.poll(async () => (await call<RemoteState>(r.core, 'remote.getState')).devices[0]?.connections).toBe(1);
    expect((await ask(awake, 'remote.whoAmI')).ok).toBe(true);
    awake.close();
    await closed(awake);
  });

  it('when the remote is turned off, closes every socket and leaves nothing listening', async () => {
    const r = await remoteOn();
    const phone = await pairedPhone(r);
    const socket = await deviceSocket(r, phone.cookie);
    expect(await connectOutcome(LAN, r.port)).toBe('connected');

    const closing = closed(socket);
    await call(r.core, 'remote.setEnabled', { enabled: false });
    expect(await closing).toBe(1001);
    expect(await connectOutcome(LAN, r.port)).toBe('ECONNREFUSED');
  });

  it('keeps a phone paired when the remote is turned off and on again (its home-screen link still works)', async () => {
    const r = await remoteOn();
    const phone = await pairedPhone(r);
    await call(r.core, 'remote.setEnabled', { enabled: false });
    const again = await call<RemoteState>(r.core, 'remote.setEnabled', { enabled: true, address: LAN });
    const session = await lanRequest(LAN, again.port, '/remote/session', { headers: { cookie: phone.cookie } });
    expect(session.status).toBe(200);
    const socket = await mustOpen(`ws://${LAN}:${again.port}/api`, {
      headers: { cookie: phone.cookie, origin: `http://${LAN}:${again.port}` },
    });
    expect((await ask(socket, 'remote.whoAmI')).ok).toBe(true);
    socket.close();
    await closed(socket);
  });

  it('closes with the core: core.stop() leaves nothing listening', async () => {
    const r = await remoteOn();
    const phone = await pairedPhone(r);
    const socket = await deviceSocket(r, phone.cookie);
    const closing = closed(socket);
    await r.core.stop();
    expect(await closing).toBe(1001);
    expect(await connectOutcome(LAN, r.port)).toBe('ECONNREFUSED');
  });
});

describe('phone remote listener: opening', () => {
  it('says the port is taken, and the address is gone, in the core’s words', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, LAN, resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const site = makeSite();
      const core = createAppCore({
        settings: new MemoryDocumentStore(),
        secrets: new MemorySecretStore(),
        version: '1.0.0',
        remote: {
          listener: createRemoteListener({ staticDir: site.staticDir, logger: { info() {}, warn() {}, error() {} } }),
          // 192.0.2.1 is a documentation address: no computer has it.
          lanAddresses: () => [LAN, '192.0.2.1'],
          computerName: COMPUTER,
          port,
        },
      });
      running.push({ core, port, origin: '', cleanup: async () => (await core.stop(), removeDir(site.root)) });
      expect(await core.handle('remote.setEnabled', { enabled: true, address: LAN })).toEqual({
        ok: false,
        error: { code: 'REMOTE_LISTEN_FAILED', params: { port } },
      });
      expect(await core.handle('remote.setEnabled', { enabled: true, address: '192.0.2.1' })).toEqual({
        ok: false,
        error: { code: 'REMOTE_ADDRESS_UNAVAILABLE', params: { address: '192.0.2.1' } },
      });
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('moves to another address when the core opens it again, and never listens on both', async () => {
    const r = await remoteOn({ addresses: [LAN, '127.0.0.3'] });
    const moved = await call<RemoteState>(r.core, 'remote.setEnabled', { enabled: true, address: '127.0.0.3' });
    expect(moved.address).toBe('127.0.0.3');
    expect(await connectOutcome(LAN, r.port)).toBe('ECONNREFUSED');
    const page = await lanRequest('127.0.0.3', moved.port, '/');
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain(`ws://127.0.0.3:${moved.port}`);
  });
});
