import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { lookupStaticFile, sendFile } from './static-files';

/**
 * What both servers of this folder share: the loopback host (server.ts, the desktop UI in a
 * browser) and the phone remote's LAN listener (remote/). Each decides who gets in; these
 * only answer, listen and close.
 */

export const pathOf = (rawUrl: string | undefined): string => (rawUrl ?? '/').split('?')[0] ?? '/';

export function finish(
  res: ServerResponse,
  status: number,
  body = '',
  contentType = 'text/plain; charset=utf-8',
): void {
  res.writeHead(
    status,
    body ? { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) } : { 'Content-Length': 0 },
  );
  res.end(body);
}

export function finishJson(res: ServerResponse, status: number, value: unknown): void {
  finish(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

/** Refuses an upgrade before any WebSocket exists; the status says why, the body nothing. */
export function refuseUpgrade(socket: Duplex, status: 401 | 403 | 404): void {
  const text = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status];
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

const NOT_BUILT = "The app's UI is not built yet: run npm run build\n";

/**
 * Answers a GET or HEAD with a file of the built renderer (`urlPath` as sent, without the
 * query). Other methods get 405: the files are all there is.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  staticDir: string,
  urlPath: string,
  /** Changes the page itself (index.html) before it is sent; assets go out as built. */
  rewritePage?: (html: string) => string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return finish(res, 405);
  }
  const found = await lookupStaticFile(staticDir, urlPath);
  if (found.kind === 'bad-path') return finish(res, 400);
  // A file that vanished between the lookup and the read is not found either.
  const rewrite =
    rewritePage && found.kind === 'file' && found.path.endsWith('.html')
      ? (body: Buffer) => Buffer.from(rewritePage(body.toString('utf8')), 'utf8')
      : undefined;
  if (found.kind === 'file' && (await sendFile(res, found, req.method === 'HEAD', rewrite))) return;
  if (found.kind === 'not-found' && (urlPath === '/' || urlPath === '/index.html')) return finish(res, 503, NOT_BUILT);
  return finish(res, 404);
}

/** Listens on exactly `host:port` (0: any free port) and tells the port it got. */
export async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** How long closing waits for browsers to finish the closing handshake. */
export const CLOSE_GRACE_MS = 1000;

/**
 * Stops accepting connections at once, closes every socket (terminated if the other side does
 * not answer in time), then drops what is left of the HTTP connections.
 */
export async function closeServer(
  server: Server,
  wss: WebSocketServer,
  code = 1001,
  reason = 'Host shutting down',
): Promise<void> {
  const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
  await Promise.all(
    [...wss.clients].map(
      (client) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => client.terminate(), CLOSE_GRACE_MS);
          client.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
          client.close(code, reason);
        }),
    ),
  );
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  server.closeAllConnections();
  await stopped;
}
