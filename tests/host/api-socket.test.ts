import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../src/host/server';
import { emptyObsState } from '../../src/shared/obs-state';
import { WS_MAX_MESSAGE_BYTES } from '../../src/shared/ws-protocol';
import { closed, FakeCore, makeSite, mustOpen, nextMessage, removeDir } from './helpers';
import { waitFor } from '../support/wait-for';

describe('browser host: the API socket', () => {
  let site: ReturnType<typeof makeSite>;
  let core: FakeCore;
  let host: BrowserHost;
  let url: string;

  beforeAll(async () => {
    site = makeSite();
    core = new FakeCore();
    host = await startBrowserHost({ core, staticDir: site.staticDir, port: 0 });
    url = `ws://127.0.0.1:${host.port}/api?token=${host.token}`;
  });
  afterAll(async () => {
    await host.close();
    removeDir(site.root);
  });

  const responseTo = (socket: WebSocket, id: unknown) =>
    nextMessage(socket, (m) => m.type === 'response' && m.id === id);

  it('passes a request to the core and answers with its Result under the same id', async () => {
    const socket = await mustOpen(url, { origin: `http://127.0.0.1:${host.port}` });
    const answer = responseTo(socket, 7);
    socket.send(
      JSON.stringify({ type: 'request', id: 7, name: 'obs.switchScene', params: { sceneName: 'Sagostund' } }),
    );
    expect(await answer).toEqual({
      type: 'response',
      id: 7,
      result: { ok: true, value: { name: 'obs.switchScene', params: { sceneName: 'Sagostund' } } },
    });

    const noParams = responseTo(socket, 'a-string-id');
    socket.send(JSON.stringify({ type: 'request', id: 'a-string-id', name: 'app.getInfo' }));
    expect(await noParams).toMatchObject({ result: { ok: true, value: { name: 'app.getInfo' } } });
    expect(core.calls.at(-1)).toEqual({ name: 'app.getInfo', params: undefined });

    const failed = responseTo(socket, 8);
    socket.send(JSON.stringify({ type: 'request', id: 8, name: 'test.fail' }));
    expect(await failed).toMatchObject({ result: { ok: false, error: { code: 'OBS_NOT_CONNECTED' } } });
    socket.close();
  });

  it('pushes core events to every connection and unsubscribes when a socket closes', async () => {
    // Sockets closed by earlier tests may still be closing on the server side.
    await waitFor(() => core.listeners.size === 0, { message: 'earlier sockets to close' });
    const before = 0;
    const a = await mustOpen(url);
    const b = await mustOpen(url);
    await waitFor(() => core.listeners.size === before + 2, { message: 'both subscriptions' });
    const state = emptyObsState('ws://127.0.0.1:4455');
    const atA = nextMessage(a, (m) => m.type === 'event');
    const atB = nextMessage(b, (m) => m.type === 'event');
    core.emit('obs.state', state);
    expect(await atA).toEqual({ type: 'event', name: 'obs.state', payload: state });
    expect(await atB).toEqual({ type: 'event', name: 'obs.state', payload: state });
    a.close();
    b.terminate();
    await waitFor(() => core.listeners.size === before, { message: 'unsubscribe on close' });
  });

  it('answers malformed input with VALIDATION_FAILED and keeps serving', async () => {
    const socket = await mustOpen(url);
    const cases: Array<[string | Buffer, unknown]> = [
      ['not json {', null],
      ['"just a string"', null],
      ['null', null],
      [JSON.stringify({ type: 'request', name: 'app.getInfo' }), null],
      [JSON.stringify({ type: 'request', id: 5, name: 42 }), 5],
      [JSON.stringify({ type: 'request', id: 6, name: 'app.getInfo', extra: true }), 6],
      [JSON.stringify({ type: 'hello', id: 9 }), 9],
      [JSON.stringify({ type: 'request', id: { nested: 1 }, name: 'app.getInfo' }), null],
      [Buffer.from([1, 2, 3]), null],
    ];
    for (const [data, id] of cases) {
      const answer = responseTo(socket, id);
      socket.send(data);
      expect(await answer, String(data)).toMatchObject({ result: { ok: false, error: { code: 'VALIDATION_FAILED' } } });
    }
    const alive = responseTo(socket, 10);
    socket.send(JSON.stringify({ type: 'request', id: 10, name: 'app.getInfo' }));
    expect(await alive).toMatchObject({ result: { ok: true } });
    socket.close();
  });

  it('maps a throwing or rejecting handler to INTERNAL_ERROR', async () => {
    const socket = await mustOpen(url);
    for (const [id, name] of [
      [1, 'test.throw'],
      [2, 'test.reject'],
    ] as const) {
      const answer = responseTo(socket, id);
      socket.send(JSON.stringify({ type: 'request', id, name }));
      expect(await answer).toEqual({ type: 'response', id, result: { ok: false, error: { code: 'INTERNAL_ERROR' } } });
    }
    socket.close();
  });

  it('refuses an oversized message by closing that socket (1009), and stays up', async () => {
    const socket = await mustOpen(url);
    const code = closed(socket);
    socket.send('x'.repeat(WS_MAX_MESSAGE_BYTES + 1));
    expect(await code).toBe(1009);

    const next = await mustOpen(url);
    const answer = responseTo(next, 1);
    next.send(JSON.stringify({ type: 'request', id: 1, name: 'app.getInfo' }));
    expect(await answer).toMatchObject({ result: { ok: true } });
    next.close();
  });

  it('closes open sockets when the host closes', async () => {
    const other = await startBrowserHost({ core: new FakeCore(), staticDir: site.staticDir, port: 0 });
    const socket = await mustOpen(`ws://127.0.0.1:${other.port}/api?token=${other.token}`);
    const code = closed(socket);
    await other.close();
    expect(await code).toBe(1001);
    await expect(fetch(other.url)).rejects.toThrow();
  });
});
