import type { ApiTransport } from '../../shared/api-bridge';
import type { EventName, RequestName } from '../../shared/api-contract';
import { appError } from '../../shared/errors';
import { fail, type Result } from '../../shared/result';
import { ServerMessageSchema, WS_API_PATH } from '../../shared/ws-protocol';

/**
 * The browser's side of the browser host: API requests and events over one WebSocket
 * (src/host/server.ts). It reconnects by itself; requests in flight when the link drops
 * end with HOST_CONNECTION_LOST instead of hanging. The host pushes every event on every
 * connection, so listeners survive a reconnect without re-subscribing anything.
 */

/** Method-style parameter checking, so both the DOM WebSocket and the `ws` package fit. */
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/** What we use of a WebSocket: the DOM one in browsers, `ws` in Node tests. */
export interface SocketLike {
  readonly readyState: number;
  onopen: Handler<unknown> | null;
  onclose: Handler<unknown> | null;
  onerror: Handler<unknown> | null;
  onmessage: Handler<{ data: unknown }> | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type SocketConstructor = new (url: string) => SocketLike;

export interface WsTransportOptions {
  /** ws://HOST/api?token=…; see wsUrlFromLocation. */
  url: string;
  /** Defaults to the global WebSocket (Node 20 has none: tests pass `ws`). */
  WebSocket?: SocketConstructor;
  /** A request with no answer by then ends with HOST_CONNECTION_LOST. */
  requestTimeoutMs?: number;
  /** Reconnect delays double from 250 ms up to this. */
  maxReconnectDelayMs?: number;
}

export type WsTransport = ApiTransport & {
  onConnectionChange(listener: (connected: boolean) => void): () => void;
  isConnected(): boolean;
  /** Stops for good: no reconnects, pending requests end with HOST_CONNECTION_LOST. */
  close(): void;
};

const OPEN = 1;
const FIRST_RECONNECT_DELAY_MS = 250;

interface Pending {
  message: string;
  sent: boolean;
  resolve(result: Result<unknown>): void;
  timer: ReturnType<typeof setTimeout>;
}

const lost = (reason: string): Result<never> => fail(appError('HOST_CONNECTION_LOST', { reason }));

const report = (what: string, error: unknown): void => console.error(`ws-transport: ${what}`, error);

export function createWsTransport(options: WsTransportOptions): WsTransport {
  const found = options.WebSocket ?? (globalThis as { WebSocket?: SocketConstructor }).WebSocket;
  if (!found) throw new Error('No WebSocket implementation: pass one in options.WebSocket');
  const Socket: SocketConstructor = found;
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const maxDelayMs = options.maxReconnectDelayMs ?? 2_000;

  const pending = new Map<number, Pending>();
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let socket: SocketLike | null = null;
  let connected = false;
  let closed = false;
  let attempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;

  const setConnected = (value: boolean): void => {
    if (connected === value) return;
    connected = value;
    for (const listener of [...connectionListeners]) {
      try {
        listener(value);
      } catch (error) {
        report('a connection listener failed', error);
      }
    }
  };

  const settle = (id: number, result: Result<unknown>): void => {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(result);
  };

  const failAll = (reason: string): void => {
    for (const id of [...pending.keys()]) settle(id, lost(reason));
  };

  const flush = (): void => {
    for (const entry of pending.values()) {
      if (entry.sent || socket?.readyState !== OPEN) continue;
      socket.send(entry.message);
      entry.sent = true;
    }
  };

  const receive = (data: unknown): void => {
    if (typeof data !== 'string') return;
    let parsed;
    try {
      parsed = ServerMessageSchema.safeParse(JSON.parse(data));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'response') {
      if (typeof message.id === 'number') settle(message.id, message.result as Result<unknown>);
      return;
    }
    for (const listener of [...(eventListeners.get(message.name) ?? [])]) {
      try {
        listener(message.payload);
      } catch (error) {
        report(`a listener for ${message.name} failed`, error);
      }
    }
  };

  const scheduleReconnect = (): void => {
    if (closed) return;
    const delay = Math.min(maxDelayMs, FIRST_RECONNECT_DELAY_MS * 2 ** attempt);
    attempt += 1;
    reconnectTimer = setTimeout(connect, delay);
  };

  function connect(): void {
    if (closed) return;
    let current: SocketLike;
    try {
      current = new Socket(options.url);
    } catch (error) {
      report('could not open the socket', error);
      scheduleReconnect();
      return;
    }
    socket = current;
    // Handlers check `socket === current`: a replaced socket's late events change nothing.
    current.onopen = () => {
      if (socket !== current) return;
      attempt = 0;
      setConnected(true);
      flush();
    };
    current.onmessage = (event) => {
      if (socket === current) receive(event.data);
    };
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      setConnected(false);
      failAll('closed');
      scheduleReconnect();
    };
    // An error is always followed by close, which does the work.
    current.onerror = () => {};
  }

  connect();

  return {
    request(name: RequestName, params: unknown): Promise<Result<unknown>> {
      if (closed) return Promise.resolve(lost('closed'));
      let message: string;
      try {
        message = JSON.stringify({ type: 'request', id: nextId, name, params });
      } catch {
        return Promise.resolve(fail(appError('VALIDATION_FAILED', { reason: 'unserialisable-params' })));
      }
      const id = nextId++;
      return new Promise((resolve) => {
        // Until the socket opens the request waits; the timeout bounds that wait too.
        const timer = setTimeout(() => settle(id, lost('timeout')), timeoutMs);
        pending.set(id, { message, sent: false, resolve, timer });
        flush();
      });
    },

    subscribe(name: EventName, listener: (payload: unknown) => void): () => void {
      let set = eventListeners.get(name);
      if (!set) eventListeners.set(name, (set = new Set()));
      const wrapped = (payload: unknown): void => listener(payload);
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },

    onConnectionChange(listener: (connected: boolean) => void): () => void {
      connectionListeners.add(listener);
      return () => {
        connectionListeners.delete(listener);
      };
    },

    isConnected: () => connected,

    close(): void {
      if (closed) return;
      closed = true;
      clearTimeout(reconnectTimer);
      const current = socket;
      socket = null;
      current?.close(1000, 'Closed by the page');
      failAll('closed');
      setConnected(false);
    },
  };
}

/** The API socket's URL for a page the host served at `/?token=…` (pass `window.location`). */
export function wsUrlFromLocation(location: { protocol: string; host: string; search: string }): string {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${WS_API_PATH}?token=${encodeURIComponent(token)}`;
}

/** The API socket's URL on the phone remote's listener: the device cookie is the credential. */
export function phoneWsUrl(location: { protocol: string; host: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${WS_API_PATH}`;
}
