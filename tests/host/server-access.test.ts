import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../src/host/server';
import { FakeCore, makeSite, openSocket, rawRequest, removeDir } from './helpers';

describe('browser host: who gets in', () => {
  let site: ReturnType<typeof makeSite>;
  let host: BrowserHost;
  let base: string;

  beforeAll(async () => {
    site = makeSite();
    host = await startBrowserHost({ core: new FakeCore(), staticDir: site.staticDir, port: 0 });
    base = `http://127.0.0.1:${host.port}`;
  });
  afterAll(async () => {
    await host.close();
    removeDir(site.root);
  });

  it('prints a loopback URL with a long random token', () => {
    expect(host.url).toBe(`${base}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses HTTP without a token, with a wrong one, and with a token of another length, saying nothing', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/?token=wrong', `/?token=${host.token}x`, '/?token=']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(401);
      expect(await res.text(), path).toBe('');
      expect(res.headers.get('set-cookie'), path).toBeNull();
    }
  });

  it('serves the page for the token and sets a strict cookie that then opens the assets', async () => {
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Bibblan</title>');
    const cookie = page.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^bibblan_live_${host.port}=${host.token};`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');

    const pair = cookie.split(';')[0] ?? '';
    const asset = await fetch(`${base}/assets/app.js`, { headers: { cookie: `other=1; ${pair}` } });
    expect(asset.status).toBe(200);
    expect(await asset.text()).toContain('console.log');
    // A cookie with a wrong value, or another port's name, is no pass.
    expect((await fetch(`${base}/assets/app.js`, { headers: { cookie: `${pair}x` } })).status).toBe(401);
    const otherPort = `bibblan_live_${host.port + 1}=${host.token}`;
    expect((await fetch(`${base}/assets/app.js`, { headers: { cookie: otherPort } })).status).toBe(401);
  });

  it('refuses a Host header that is not this host (DNS rebinding)', async () => {
    const target = `/?token=${host.token}`;
    expect((await rawRequest(host.port, target)).status).toBe(200);
    expect((await rawRequest(host.port, target, { Host: `localhost:${host.port}` })).status).toBe(200);
    const evil = await rawRequest(host.port, target, { Host: `evil.example:${host.port}` });
    expect(evil.status).toBe(403);
    expect(evil.body).toBe('');
    expect((await rawRequest(host.port, target, { Host: `127.0.0.1:${host.port + 1}` })).status).toBe(403);
  });

  it('refuses WebSocket upgrades without a valid token, from a foreign origin, or on another path', async () => {
    const ws = `ws://127.0.0.1:${host.port}`;
    expect(await openSocket(`${ws}/api`)).toEqual({ status: 401 });
    expect(await openSocket(`${ws}/api?token=nope`)).toEqual({ status: 401 });
    expect(await openSocket(`${ws}/api?token=${host.token}`, { origin: 'http://evil.example' })).toEqual({
      status: 403,
    });
    expect(await openSocket(`${ws}/api?token=${host.token}`, { origin: `http://127.0.0.1:${host.port + 1}` })).toEqual({
      status: 403,
    });
    expect(await openSocket(`${ws}/api?token=${host.token}`, { origin: 'null' })).toEqual({ status: 403 });
    expect(await openSocket(`${ws}/other?token=${host.token}`)).toEqual({ status: 404 });
    expect(await openSocket(`${ws}/api?token=${host.token}`, { headers: { host: 'evil.example' } })).toEqual({
      status: 403,
    });
  });

  it('accepts the socket with the token from the own origin, by query or by cookie, and without Origin', async () => {
    const ws = `ws://127.0.0.1:${host.port}/api`;
    for (const [url, options] of [
      [`${ws}?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` }],
      [`${ws}?token=${host.token}`, { origin: `http://localhost:${host.port}` }],
      [ws, { origin: `http://127.0.0.1:${host.port}`, headers: { cookie: `bibblan_live_${host.port}=${host.token}` } }],
      [`${ws}?token=${host.token}`, {}],
    ] as const) {
      const opened = await openSocket(url, options);
      expect('socket' in opened, JSON.stringify(options)).toBe(true);
      if ('socket' in opened) opened.socket.close();
    }
  });

  it('listens on loopback only', async () => {
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((info) => info && info.family === 'IPv4' && !info.internal);
    if (!outside) return; // no other interface to try from
    const result = await new Promise<string>((resolve) => {
      const socket = connect(host.port, outside.address);
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(result).toBe('ECONNREFUSED');
  });
});
