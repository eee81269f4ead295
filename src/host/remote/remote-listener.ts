import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIPv4 } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../../core/ports';
import type { HostedCoreView } from '../../core/remote/device-session';
import type { DeviceIdentity, RemoteAccess, RemoteListener } from '../../core/remote/remote-ports';
import { appError } from '../../shared/errors';
import { fail, ok, type Result } from '../../shared/result';
import { WS_API_PATH, WS_MAX_MESSAGE_BYTES } from '../../shared/ws-protocol';
import { readCookie } from '../access-token';
import { exactSiteIdentity, hostAllowed, originAllowed, type SiteIdentity } from '../allowed-origins';
import { serveApiConnection } from '../api-connection';
import { closeServer, finish, finishJson, listen, pathOf, refuseUpgrade, serveStatic } from '../http-basics';
import { securityHeaders } from '../security-headers';
import { pairFailureStatus, readPairBody, retryAfterSeconds } from './pair-request';

/**
 * The phone remote's LAN listener: the built renderer, the pairing and session endpoints and
 * the API socket, on exactly one LAN address and only while the remote is on. Who may do
 * what is the core's (RemoteAccess); this only carries bytes and the device cookie.
 */

export interface RemoteListenerOptions {
  /** The built renderer (out/renderer): the phone's pages. */
  staticDir: string;
  logger: Logger;
  /** How often each phone's socket is pinged; one missed answer closes it. Default 30 s (tests shorten it). */
  heartbeatMs?: number;
}

/** What the core's deps take as `remote.listener`. */
export type RemoteListenerFactory = (access: RemoteAccess) => RemoteListener;

export const DEVICE_COOKIE = 'bibblan_device';
/** 30 days, in seconds; the core decides when the token itself stops working. */
const DEVICE_COOKIE_MAX_AGE = 30 * 24 * 60 * 60;
export const SESSION_PATH = '/remote/session';
export const PAIR_PATH = '/remote/pair';
/** The QR code's page: the same app, which reads the secret from the fragment. */
const PAIR_PAGE_PATH = '/pair';

/** Close code for a device whose access ended (revoked or expired); 1001 when the remote turns off. */
export const ACCESS_ENDED_CLOSE_CODE = 4401;
/** A revoked device's socket is cut if it does not finish the closing handshake by then. */
const DISCONNECT_GRACE_MS = 500;
/**
 * A phone that leaves the wifi or sleeps never closes its socket: unanswered pings find it,
 * so the app's device list stops counting it and its subscription ends.
 */
const HEARTBEAT_MS = 30_000;
/** A request (headers and body) must arrive within this; phones on wifi need far less. */
const REQUEST_TIMEOUT_MS = 15_000;

const deviceCookie = (token: string): string =>
  `${DEVICE_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${DEVICE_COOKIE_MAX_AGE}`;

interface Serving {
  server: Server;
  wss: WebSocketServer;
  /** Each device's open sockets, for disconnectDevice. */
  sockets: Map<string, Set<WebSocket>>;
  heartbeat: NodeJS.Timeout;
}

export function createRemoteListener(options: RemoteListenerOptions): RemoteListenerFactory {
  return (access) => new LanListener(access, options);
}

class LanListener implements RemoteListener {
  private serving: Serving | null = null;
  /** open() and close() run one at a time, in the order called. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly access: RemoteAccess,
    private readonly options: RemoteListenerOptions,
  ) {}

  open(address: string, port: number): Promise<Result<{ port: number }>> {
    return this.serially(async () => {
      await this.closeNow();
      return this.start(address, port);
    });
  }

  close(): Promise<void> {
    return this.serially(() => this.closeNow());
  }

  disconnectDevice(deviceId: string): void {
    for (const socket of this.serving?.sockets.get(deviceId) ?? []) {
      const timer = setTimeout(() => socket.terminate(), DISCONNECT_GRACE_MS);
      socket.once('close', () => clearTimeout(timer));
      socket.close(ACCESS_ENDED_CLOSE_CODE, 'Access ended');
    }
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => {});
    return run;
  }

  private async closeNow(): Promise<void> {
    const serving = this.serving;
    if (!serving) return;
    this.serving = null;
    clearInterval(serving.heartbeat);
    await closeServer(serving.server, serving.wss, 1001, 'Remote turned off');
    this.options.logger.info('The phone remote stopped listening');
  }

  private async start(address: string, port: number): Promise<Result<{ port: number }>> {
    const { logger } = this.options;
    // Only one LAN address, never a wildcard: the remote must not appear on every network.
    if (!isIPv4(address) || address === '0.0.0.0') return fail(appError('REMOTE_ADDRESS_UNAVAILABLE', { address }));
    // Filled in once the port is known; no request arrives before listen() resolves.
    let site: SiteIdentity = exactSiteIdentity(address, port);
    let headers: Record<string, string> = {};
    const sockets = new Map<string, Set<WebSocket>>();

    const server = createServer((req, res) => {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      this.handleHttp(req, res, site).catch((error: unknown) => {
        logger.error('Phone remote: an HTTP request failed', { error: String(error) });
        if (!res.headersSent) finish(res, 500);
        else res.destroy();
      });
    });
    server.requestTimeout = REQUEST_TIMEOUT_MS;
    server.headersTimeout = REQUEST_TIMEOUT_MS;

    const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_MESSAGE_BYTES });
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      // A phone that vanishes mid-handshake must not become an uncaught error.
      socket.on('error', () => socket.destroy());
      if (!hostAllowed(req, site)) return refuseUpgrade(socket, 403);
      if (pathOf(req.url) !== WS_API_PATH) return refuseUpgrade(socket, 404);
      if (!originAllowed(req, site)) return refuseUpgrade(socket, 403);
      if (this.deviceOf(req) === null) return refuseUpgrade(socket, 401);
      wss.handleUpgrade(req, socket, head, (ws) => {
        // Asked again: the device may have been revoked while the handshake ran.
        const device = this.deviceOf(req);
        if (device === null) return ws.close(ACCESS_ENDED_CLOSE_CODE, 'Access ended');
        this.serveDevice(ws, device, sockets);
      });
    });

    let bound: number;
    try {
      bound = await listen(server, port, address);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      logger.warn('The phone remote could not listen', { address, port, code });
      if (code === 'EADDRNOTAVAIL') return fail(appError('REMOTE_ADDRESS_UNAVAILABLE', { address }));
      return fail(appError('REMOTE_LISTEN_FAILED', { port }));
    }
    server.on('error', (error) => logger.error('Phone remote: server error', { error: String(error) }));
    site = exactSiteIdentity(address, bound);
    headers = securityHeaders(site.socketOrigins, { manifest: true });
    const heartbeat = setInterval(() => checkHeartbeats(wss), this.options.heartbeatMs ?? HEARTBEAT_MS);
    heartbeat.unref();
    this.serving = { server, wss, sockets, heartbeat };
    logger.info('The phone remote is listening', { address, port: bound });
    return ok({ port: bound });
  }

  private serveDevice(ws: WebSocket, device: DeviceIdentity, sockets: Map<string, Set<WebSocket>>): void {
    const { logger } = this.options;
    let view: HostedCoreView;
    try {
      view = this.access.forDevice(device.id);
    } catch (error) {
      logger.error('Phone remote: no view of the core for a device', { error: String(error) });
      ws.terminate();
      return;
    }
    const own = sockets.get(device.id) ?? new Set<WebSocket>();
    sockets.set(device.id, own);
    own.add(ws);
    this.access.connectionOpened(device.id);
    ws.once('close', () => {
      own.delete(ws);
      if (own.size === 0 && sockets.get(device.id) === own) sockets.delete(device.id);
      this.access.connectionClosed(device.id);
    });
    answering.add(ws);
    ws.on('pong', () => answering.add(ws));
    serveApiConnection(ws, view, logger);
  }

  /** The paired device behind the request's cookie, or null. */
  private deviceOf(req: IncomingMessage): DeviceIdentity | null {
    const token = readCookie(req.headers.cookie, DEVICE_COOKIE);
    return token ? this.access.authenticate(token) : null;
  }

  private async handleHttp(req: IncomingMessage, res: ServerResponse, site: SiteIdentity): Promise<void> {
    if (!hostAllowed(req, site)) return finish(res, 403);
    const path = pathOf(req.url);
    if (path === SESSION_PATH || path === PAIR_PATH) {
      // Another site's page must not pair a phone or read who it is.
      if (!originAllowed(req, site)) return finishJson(res, 403, { error: appError('REMOTE_NOT_ALLOWED') });
      return path === SESSION_PATH ? this.session(req, res) : this.pair(req, res);
    }
    return serveStatic(req, res, this.options.staticDir, path === PAIR_PAGE_PATH ? '/index.html' : path, (html) =>
      pageForPhones(html, site),
    );
  }

  private session(req: IncomingMessage, res: ServerResponse): void {
    const { computerName } = this.access;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return finishJson(res, 405, { error: appError('VALIDATION_FAILED', { reason: 'method' }) });
    }
    const device = this.deviceOf(req);
    if (device === null) {
      // The cookie is left alone: a 401 while the remote is being turned off must not unpair a
      // phone, and a revoked token is useless anyway. Pairing again replaces it.
      return finishJson(res, 401, { computerName, error: appError('REMOTE_ACCESS_ENDED') });
    }
    return finishJson(res, 200, { computerName, device: identity(device) });
  }

  private async pair(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return finishJson(res, 405, { error: appError('VALIDATION_FAILED', { reason: 'method' }) });
    }
    const read = await readPairBody(req);
    if (!read.ok) {
      // The rest of a refused body is not read: this connection is done.
      res.setHeader('Connection', 'close');
      return finishJson(res, read.status, { error: read.error });
    }
    let result: Awaited<ReturnType<RemoteAccess['pair']>>;
    try {
      result = await this.access.pair({ ...read.body, from: req.socket.remoteAddress ?? '' });
    } catch (error) {
      this.options.logger.error('Phone remote: pairing failed', { error: String(error) });
      return finishJson(res, 500, { error: appError('INTERNAL_ERROR') });
    }
    if (!result.ok) {
      const status = pairFailureStatus(result.error.code);
      if (status === 429) res.setHeader('Retry-After', String(retryAfterSeconds(result.error)));
      return finishJson(res, status, { error: result.error });
    }
    const { token, device } = result.value;
    res.setHeader('Set-Cookie', deviceCookie(token));
    return finishJson(res, 200, { computerName: this.access.computerName, device: identity(device) });
  }
}

/** Sockets that answered since the last ping (a WeakSet: closed sockets just drop out). */
const answering = new WeakSet<WebSocket>();

function checkHeartbeats(wss: WebSocketServer): void {
  for (const socket of wss.clients) {
    if (!answering.has(socket)) {
      socket.terminate();
      continue;
    }
    answering.delete(socket);
    socket.ping();
  }
}

/** Exactly id, name and role: nothing else the core may attach travels to the phone. */
const identity = (device: DeviceIdentity): DeviceIdentity => ({ id: device.id, name: device.name, role: device.role });

/**
 * The page's own CSP (a meta tag, for the desktop window) lets it open sockets to 'self' and
 * loopback only. Safari before 15.5 does not count ws:// to the same host as 'self', so the
 * phone's copy names this listener's socket origin instead of loopback.
 */
export function pageForPhones(html: string, site: SiteIdentity): string {
  return html.replace(/(connect-src 'self')[^;"]*/, `$1 ${site.socketOrigins.join(' ')}`);
}
