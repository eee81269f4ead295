import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The per-run secret that keeps other local users, web pages and processes out of the
 * host: every HTTP request and WebSocket upgrade must carry it, in `?token=` or in the
 * cookie the first page load sets (asset URLs carry no query).
 */

export const createToken = (): string => randomBytes(32).toString('base64url');

/** Hashing first gives equal-length buffers, so neither content nor length leaks through timing. */
export function tokenMatches(candidate: string, token: string): boolean {
  const a = createHash('sha256').update(candidate, 'utf8').digest();
  const b = createHash('sha256').update(token, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** Cookies are not scoped by port, so the name carries it: two hosts on one machine don't clobber each other. */
export const tokenCookieName = (port: number): string => `bibblan_live_${port}`;

export const tokenCookie = (port: number, token: string): string =>
  `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function queryToken(rawUrl: string | undefined): string | null {
  const q = (rawUrl ?? '').indexOf('?');
  if (q < 0) return null;
  return new URLSearchParams((rawUrl ?? '').slice(q + 1)).get('token');
}

/** How the request proved it knows the token, or null when it did not. */
export function authorize(req: IncomingMessage, port: number, token: string): 'query' | 'cookie' | null {
  const fromQuery = queryToken(req.url);
  if (fromQuery !== null && tokenMatches(fromQuery, token)) return 'query';
  const fromCookie = readCookie(req.headers.cookie, tokenCookieName(port));
  if (fromCookie !== null && tokenMatches(fromCookie, token)) return 'cookie';
  return null;
}
