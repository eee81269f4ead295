import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { silentLogger, type Logger } from '../core/ports';
import { WS_API_PATH, WS_MAX_MESSAGE_BYTES } from '../shared/ws-protocol';
import { authorize, createToken, tokenCookie } from './access-token';
import { displayHost, hostAllowed, originAllowed, siteIdentity, type SiteIdentity } from './allowed-origins';
import { serveApiConnection, type HostedCore } from './api-connection';
import { closeServer, finish, listen, pathOf, refuseUpgrade, serveStatic } from './http-basics';
import { securityHeaders } from './security-headers';

export type { HostedCore } from './api-connection';

export interface BrowserHostOptions {
  core: HostedCore;
  /** The built renderer, normally out/renderer. */
  staticDir: string;
  /** 0 picks any free port. */
  port?: number;
  /** Defaults to loopback: other machines can't reach the host unless told otherwise. */
  host?: string;
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string;
  logger?: Logger;
}

export interface BrowserHost {
  /** http://HOST:PORT/?token=TOKEN: what the user opens. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const token = opts.token ?? createToken();
  const bindHost = opts.host ?? '127.0.0.1';
  const logger = opts.logger ?? silentLogger;
  // Filled in once the port is known; no request arrives before listen() resolves.
  let port = 0;
  let site: SiteIdentity = siteIdentity(bindHost, 0);
  let headers: Record<string, string> = {};

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (!hostAllowed(req, site)) return finish(res, 403);
    const auth = authorize(req, port, token);
    if (auth === null) return finish(res, 401);
    if (auth === 'query') res.setHeader('Set-Cookie', tokenCookie(port, token));
    return serveStatic(req, res, opts.staticDir, pathOf(req.url));
  }

  const server = createServer((req, res) => {
    handleHttp(req, res).catch((error: unknown) => {
      logger.error('HTTP request failed', { error: String(error) });
      if (!res.headersSent) finish(res, 500);
      else res.destroy();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_MESSAGE_BYTES });
  wss.on('connection', (socket: WebSocket) => serveApiConnection(socket, opts.core, logger));

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client that vanishes mid-handshake must not become an uncaught error.
    socket.on('error', () => socket.destroy());
    if (!hostAllowed(req, site)) return refuseUpgrade(socket, 403);
    if (authorize(req, port, token) === null) return refuseUpgrade(socket, 401);
    if (pathOf(req.url) !== WS_API_PATH) return refuseUpgrade(socket, 404);
    // A missing Origin: a non-browser client (tests, scripts) that already proved the token.
    if (!originAllowed(req, site)) return refuseUpgrade(socket, 403);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  port = await listen(server, opts.port ?? 0, bindHost);
  server.on('error', (error) => logger.error('HTTP server error', { error: String(error) }));
  site = siteIdentity(bindHost, port);
  headers = securityHeaders(site.socketOrigins);

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => (closing ??= closeAll());
  const closeAll = (): Promise<void> => closeServer(server, wss);

  return { url: `http://${displayHost(bindHost)}:${port}/?token=${token}`, port, token, close };
}
