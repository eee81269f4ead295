import { request } from 'node:http';
import { connect } from 'node:net';

/**
 * A phone's requests to the LAN listener, with every header under the test's control
 * (fetch would not send a chosen Host, and adds its own Origin rules).
 */

export interface LanResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): unknown;
}

export function lanRequest(
  address: string,
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<LanResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: address,
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `${address}:${port}`, connection: 'close', ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** POST /remote/pair as the phone's page does it (same origin, JSON). */
export function pairRequest(
  address: string,
  port: number,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<LanResponse> {
  return lanRequest(address, port, '/remote/pair', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://${address}:${port}`, ...headers },
    body: JSON.stringify(body),
  });
}

/** `bibblan_device=TOKEN` from a Set-Cookie header, for the next request's Cookie header. */
export function deviceCookieOf(res: LanResponse): string {
  const header = res.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  const pair = first?.split(';')[0];
  if (!pair?.startsWith('bibblan_device=')) throw new Error(`no device cookie in ${String(first)}`);
  return pair;
}

/** Resolves with the error code of a TCP connect: ECONNREFUSED once nothing listens. */
export function connectOutcome(address: string, port: number): Promise<'connected' | string> {
  return new Promise((resolve) => {
    const socket = connect(port, address);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? String(error)));
  });
}
