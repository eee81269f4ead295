import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { EventName } from '../../src/shared/api-contract';
import { appError } from '../../src/shared/errors';
import { fail, ok, type Result } from '../../src/shared/result';
import type { HostedCore } from '../../src/host/server';

/** Stands in for AppCore: echoes requests, fails on cue, and emits events when told. */
export class FakeCore implements HostedCore {
  readonly listeners = new Set<(name: EventName, payload: unknown) => void>();
  readonly calls: Array<{ name: unknown; params: unknown }> = [];

  async handle(name: unknown, params: unknown): Promise<Result<unknown>> {
    this.calls.push({ name, params });
    if (name === 'test.throw') throw new Error('handler bug');
    if (name === 'test.reject') return Promise.reject(new Error('rejected'));
    if (name === 'test.fail') return fail(appError('OBS_NOT_CONNECTED'));
    if (name === 'test.hang') return new Promise(() => {});
    return ok({ name, params });
  }

  subscribe(listener: (name: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(name: EventName, payload: unknown): void {
    for (const listener of this.listeners) listener(name, payload);
  }
}

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), `bibblan-${prefix}-`));

export const removeDir = (dir: string): void => rmSync(dir, { recursive: true, force: true });

export const SECRET_TEXT = 'TOP-SECRET-OUTSIDE-STATIC';

/** `<tmp>/static` holds a tiny built UI; `<tmp>/secret.txt` sits beside it, to be never served. */
export function makeSite(): { root: string; staticDir: string } {
  const root = tempDir('site');
  const staticDir = join(root, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><title>Bibblan</title><script src="./assets/app.js"></script>',
  );
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(staticDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(staticDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'secret.txt'), SECRET_TEXT);
  return { root, staticDir };
}

export interface RawResponse {
  status: number;
  head: string;
  body: string;
}

/** A request sent byte for byte: fetch and http.request would normalise the paths under test. */
export function rawRequest(port: number, target: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const all: Record<string, string> = { Host: `127.0.0.1:${port}`, Connection: 'close', ...headers };
    const lines = [`GET ${target} HTTP/1.1`, ...Object.entries(all).map(([name, value]) => `${name}: ${value}`)];
    socket.on('connect', () => socket.write(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = split < 0 ? text : text.slice(0, split);
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        head,
        body: split < 0 ? '' : text.slice(split + 4),
      });
    });
  });
}

/** Opens a socket, or tells the HTTP status the upgrade was refused with. */
export function openSocket(
  url: string,
  options: WebSocket.ClientOptions = {},
): Promise<{ socket: WebSocket } | { status: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options);
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      socket.terminate();
    });
    socket.once('error', (error) => reject(error));
  });
}

export async function mustOpen(url: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  const opened = await openSocket(url, options);
  if (!('socket' in opened)) throw new Error(`Upgrade refused with ${opened.status}`);
  return opened.socket;
}

/** The next JSON message that satisfies `accept`. */
export function nextMessage(
  socket: WebSocket,
  accept: (message: Record<string, unknown>) => boolean = () => true,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      if (!accept(message)) return;
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
    socket.once('close', (code) => reject(new Error(`closed with ${code} before the message came`)));
  });
}

export const closed = (socket: WebSocket): Promise<number> =>
  new Promise((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) resolve(-1);
    socket.once('close', (code) => resolve(code));
  });
