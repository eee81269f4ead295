import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createWsTransport, wsUrlFromLocation, type WsTransport } from '../../src/renderer/api/ws-transport';
import { startBrowserHost, type BrowserHost } from '../../src/host/server';
import { FakeCore, makeSite, removeDir } from './helpers';
import { waitFor } from '../support/wait-for';

// The transport lives in the renderer; it is tested here, in Node, against the real server.

describe('wsUrlFromLocation', () => {
  it('derives the API socket URL from the page URL', () => {
    expect(wsUrlFromLocation({ protocol: 'http:', host: '127.0.0.1:5000', search: '?token=abc_-1' })).toBe(
      'ws://127.0.0.1:5000/api?token=abc_-1',
    );
    expect(wsUrlFromLocation({ protocol: 'https:', host: 'h', search: '?a=1&token=x%2By' })).toBe(
      'wss://h/api?token=x%2By',
    );
    expect(wsUrlFromLocation({ protocol: 'http:', host: 'h:1', search: '' })).toBe('ws://h:1/api?token=');
  });
});

describe('createWsTransport', () => {
  let site: ReturnType<typeof makeSite>;
  let core: FakeCore;
  let host: BrowserHost;
  let transport: WsTransport | undefined;

  const socketUrl = (h: BrowserHost): string => `ws://127.0.0.1:${h.port}/api?token=${h.token}`;
  const open = (options: { requestTimeoutMs?: number } = {}): WsTransport =>
    (transport = createWsTransport({ url: socketUrl(host), WebSocket, ...options }));

  beforeEach(async () => {
    site = makeSite();
    core = new FakeCore();
    host = await startBrowserHost({ core, staticDir: site.staticDir, port: 0 });
  });
  afterEach(async () => {
    transport?.close();
    transport = undefined;
    await host.close();
    removeDir(site.root);
  });

  it('sends requests made before the socket opens, and resolves them with the Result', async () => {
    const t = open();
    expect(t.isConnected()).toBe(false);
    const answers = await Promise.all([
      t.request('app.getInfo', undefined),
      t.request('obs.switchScene', { sceneName: 'A' }),
    ]);
    expect(answers).toEqual([
      { ok: true, value: { name: 'app.getInfo' } },
      { ok: true, value: { name: 'obs.switchScene', params: { sceneName: 'A' } } },
    ]);
    expect(t.isConnected()).toBe(true);
    expect(await t.request('test.throw' as never, undefined)).toEqual({ ok: false, error: { code: 'INTERNAL_ERROR' } });
  });

  it('delivers events by name until unsubscribed', async () => {
    const t = open();
    const states: unknown[] = [];
    const changes: unknown[] = [];
    const stopStates = t.subscribe('obs.state', (payload) => states.push(payload));
    t.subscribe('settings.changed', (payload) => changes.push(payload));
    await waitFor(() => core.listeners.size === 1, { message: 'the server-side subscription' });
    core.emit('obs.state', { n: 1 });
    core.emit('settings.changed', { n: 2 });
    await waitFor(() => states.length === 1 && changes.length === 1, { message: 'both events' });
    expect(states).toEqual([{ n: 1 }]);
    expect(changes).toEqual([{ n: 2 }]);
    stopStates();
    core.emit('obs.state', { n: 3 });
    core.emit('settings.changed', { n: 4 });
    await waitFor(() => changes.length === 2, { message: 'the second change' });
    expect(states).toEqual([{ n: 1 }]);
  });

  it('ends pending requests with HOST_CONNECTION_LOST when the link drops, then reconnects and keeps its listeners', async () => {
    const t = open();
    const connection: boolean[] = [];
    t.onConnectionChange((connected) => connection.push(connected));
    const states: unknown[] = [];
    t.subscribe('obs.state', (payload) => states.push(payload));
    await waitFor(() => t.isConnected(), { message: 'first connection' });

    const hanging = t.request('test.hang' as never, undefined);
    await waitFor(() => core.calls.some((c) => c.name === 'test.hang'), { message: 'the request to arrive' });
    const { port, token } = host;
    await host.close();
    expect(await hanging).toEqual({ ok: false, error: { code: 'HOST_CONNECTION_LOST', params: { reason: 'closed' } } });
    expect(t.isConnected()).toBe(false);

    // The same host comes back (same port and token); the transport finds it by itself.
    core = new FakeCore();
    host = await startBrowserHost({ core, staticDir: site.staticDir, port, token });
    await waitFor(() => t.isConnected(), { message: 'the reconnect' });
    expect(connection).toEqual([true, false, true]);
    await waitFor(() => core.listeners.size === 1, { message: 'the new subscription' });
    core.emit('obs.state', { after: 'reconnect' });
    await waitFor(() => states.length === 1, { message: 'an event after the reconnect' });
    expect(await t.request('app.getInfo', undefined)).toMatchObject({ ok: true });
  });

  it('times out a request nobody answers', async () => {
    const t = open({ requestTimeoutMs: 100 });
    expect(await t.request('test.hang' as never, undefined)).toEqual({
      ok: false,
      error: { code: 'HOST_CONNECTION_LOST', params: { reason: 'timeout' } },
    });
  });

  it('fails pending and later requests after close(), and does not reconnect', async () => {
    const t = open();
    await waitFor(() => t.isConnected(), { message: 'connection' });
    const hanging = t.request('test.hang' as never, undefined);
    t.close();
    expect(await hanging).toMatchObject({ ok: false, error: { code: 'HOST_CONNECTION_LOST' } });
    expect(await t.request('app.getInfo', undefined)).toMatchObject({
      ok: false,
      error: { code: 'HOST_CONNECTION_LOST' },
    });
    await waitFor(() => core.listeners.size === 0, { message: 'the server to see the socket close' });
    expect(t.isConnected()).toBe(false);
  });

  it('keeps retrying while the host refuses it (wrong token), failing requests instead of hanging', async () => {
    const t = (transport = createWsTransport({
      url: `ws://127.0.0.1:${host.port}/api?token=wrong`,
      WebSocket,
      requestTimeoutMs: 5_000,
    }));
    expect(await t.request('app.getInfo', undefined)).toMatchObject({
      ok: false,
      error: { code: 'HOST_CONNECTION_LOST' },
    });
    expect(core.calls).toEqual([]);
  });
});
