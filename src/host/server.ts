import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { silentLogger, type Logger } from '../core/ports';
import { WS_API_PATH, WS_MAX_MESSAGE_BYTES } from '../shared/ws-protocol';
import { authorize, createToken, tokenCookie } from './access-token';
import { displayHost, siteIdentity, type SiteIdentity } from './allowed-origins';
import { serveApiConnection, type HostedCore } from './api-connection';
import { securityHeaders } from './security-headers';
import { lookupStaticFile, sendFile } from './static-files';

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

const NOT_BUILT = "The app's UI is not built yet: run npm run build\n";

/** How long close() waits for browsers to finish the closing handshake. */
const CLOSE_GRACE_MS = 1000;

const pathOf = (rawUrl: string | undefined): string => (rawUrl ?? '/').split('?')[0] ?? '/';

const hostAllowed = (req: IncomingMessage, site: SiteIdentity): boolean =>
  req.headers.host !== undefined && site.hosts.has(req.headers.host.toLowerCase());

/** Refuses an upgrade before any WebSocket exists; the status says why, the body nothing. */
function refuseUpgrade(socket: Duplex, status: 401 | 403 | 404): void {
  const text = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status];
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const token = opts.token ?? createToken();
  const bindHost = opts.host ?? '127.0.0.1';
  const logger = opts.logger ?? silentLogger;
  // Filled in once the port is known; no request arrives before listen() resolves.
  let port = 0;
  let site: SiteIdentity = siteIdentity(bindHost, 0);
  let headers: Record<string, string> = {};

  const finish = (res: ServerResponse, status: number, body = '', contentType = 'text/plain; charset=utf-8'): void => {
    res.writeHead(
      status,
      body ? { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) } : { 'Content-Length': 0 },
    );
    res.end(body);
  };

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (!hostAllowed(req, site)) return finish(res, 403);
    const auth = authorize(req, port, token);
    if (auth === null) return finish(res, 401);
    if (auth === 'query') res.setHeader('Set-Cookie', tokenCookie(port, token));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return finish(res, 405);
    }
    const path = pathOf(req.url);
    const found = await lookupStaticFile(opts.staticDir, path);
    if (found.kind === 'file') return sendFile(res, found, req.method === 'HEAD');
    if (found.kind === 'bad-path') return finish(res, 400);
    if (path === '/' || path === '/index.html') return finish(res, 503, NOT_BUILT);
    return finish(res, 404);
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
    // Browsers always send Origin, so a foreign one is another web page: refused. A missing
    // Origin means a non-browser client (tests, scripts) that already proved the token.
    const origin = req.headers.origin;
    if (origin !== undefined && !site.origins.has(origin.toLowerCase())) return refuseUpgrade(socket, 403);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, bindHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => logger.error('HTTP server error', { error: String(error) }));
  port = (server.address() as AddressInfo).port;
  site = siteIdentity(bindHost, port);
  headers = securityHeaders(site.socketOrigins);

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => (closing ??= closeAll());
  async function closeAll(): Promise<void> {
    await Promise.all(
      [...wss.clients].map(
        (client) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => client.terminate(), CLOSE_GRACE_MS);
            client.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
            client.close(1001, 'Host shutting down');
          }),
      ),
    );
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  return { url: `http://${displayHost(bindHost)}:${port}/?token=${token}`, port, token, close };
}
