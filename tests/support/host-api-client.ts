import type { ChildProcess } from 'node:child_process';
import WebSocket from 'ws';
import type { Result } from '../../src/shared/result';
import { scaled } from './timeouts';

/**
 * A WebSocket API client for the browser host, the way the UI talks to it (token in the URL,
 * the host's own Origin). Every message received is kept in `received` (raw text), so a test
 * can search all of them afterwards.
 */
export interface HostApiClient {
  readonly socket: WebSocket;
  /** Every message the host sent, as received. */
  readonly received: string[];
  /** Sends a request and resolves with its Result. `timeoutMs` guards against a hang. */
  request<T = unknown>(name: string, params?: unknown, timeoutMs?: number): Promise<Result<T>>;
  /** Sends raw text (or any envelope) and resolves with the next response whose id matches (null allowed). */
  sendRaw(text: string, expectId: string | number | null, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Sends a binary frame and resolves with the next response that has no usable id. */
  sendRawBinary(data: Buffer, timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function connectHostApi(port: number, token: string): Promise<HostApiClient> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api?token=${encodeURIComponent(token)}`, {
    origin: `http://127.0.0.1:${port}`,
    maxPayload: 64 * 1024 * 1024,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    socket.once('error', reject);
  });
  const received: string[] = [];
  type Waiter = {
    id: string | number | null;
    resolve: (m: Record<string, unknown>) => void;
    reject: (e: Error) => void;
  };
  const waiters: Waiter[] = [];
  socket.on('message', (data) => {
    const text = String(data);
    received.push(text);
    const message = JSON.parse(text) as Record<string, unknown>;
    if (message.type !== 'response') return;
    const index = waiters.findIndex((w) => w.id === message.id);
    if (index >= 0) waiters.splice(index, 1)[0]!.resolve(message);
  });
  const closedPromise = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  // One listener for all: whatever is still waiting fails when the socket closes.
  socket.once('close', (code) => {
    for (const waiter of waiters.splice(0)) waiter.reject(new Error(`socket closed (${code}) before the response`));
  });
  let nextId = 1;

  const sendRaw = (text: string | Buffer, expectId: string | number | null, timeoutMs = scaled(20_000)) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const what = typeof text === 'string' ? text.slice(0, 200) : `${text.length} binary bytes`;
      const timer = setTimeout(
        () => reject(new Error(`no response for id ${String(expectId)} within ${timeoutMs} ms: ${what}`)),
        timeoutMs,
      );
      if (socket.readyState !== WebSocket.OPEN) {
        clearTimeout(timer);
        reject(new Error(`socket not open for ${what}`));
        return;
      }
      waiters.push({
        id: expectId,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(new Error(`${error.message}: ${what}`));
        },
      });
      socket.send(text);
    });

  return {
    socket,
    received,
    async request<T>(name: string, params?: unknown, timeoutMs?: number) {
      const id = `r${nextId++}`;
      const envelope = params === undefined ? { type: 'request', id, name } : { type: 'request', id, name, params };
      const response = await sendRaw(JSON.stringify(envelope), id, timeoutMs);
      return response.result as Result<T>;
    },
    sendRaw: (text, expectId, timeoutMs) => sendRaw(text, expectId, timeoutMs),
    sendRawBinary: (data, timeoutMs) => sendRaw(data, null, timeoutMs),
    async close() {
      if (socket.readyState === WebSocket.CLOSED) return;
      socket.close();
      await closedPromise;
    },
  };
}

/** Stops a host process and returns its exit code with all it wrote to stderr (read to the end). */
export async function stopHostProcess(
  host: {
    process: ChildProcess;
    stop(signal?: NodeJS.Signals): Promise<number | null>;
    stderr(): string;
  },
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<{ code: number | null; stderr: string }> {
  const stream = host.process.stderr;
  const drained =
    stream && !stream.closed
      ? new Promise<void>((resolve) => stream.once('close', () => resolve()))
      : Promise.resolve();
  const code = await host.stop(signal);
  await drained;
  return { code, stderr: host.stderr() };
}
