import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';

/**
 * Which Host headers and Origins count as the host itself. Checking Host defeats DNS
 * rebinding; checking Origin stops other web pages from opening the API socket with
 * the cookie.
 */

const WILDCARDS = new Set(['', '0.0.0.0', '::', '[::]']);

export const isWildcardHost = (host: string): boolean => WILDCARDS.has(host);

const bracketed = (host: string): string => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

/** The host part for URLs we print: wildcard binds are reached through loopback. */
export const displayHost = (bindHost: string): string => (isWildcardHost(bindHost) ? '127.0.0.1' : bracketed(bindHost));

export interface SiteIdentity {
  /** `host:port` values accepted in the Host header. */
  hosts: Set<string>;
  /** `http://host:port` values accepted in the Origin header. */
  origins: Set<string>;
  /** `ws://host:port` values for the CSP connect-src (which has no syntax for IPv6 literals). */
  socketOrigins: string[];
}

export function siteIdentity(bindHost: string, port: number): SiteIdentity {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  if (isWildcardHost(bindHost)) {
    // Bound to every interface: the machine's own addresses are legitimate ways in.
    for (const list of Object.values(networkInterfaces())) {
      for (const info of list ?? []) names.add(bracketed(info.address.split('%')[0] ?? info.address));
    }
  } else {
    names.add(bracketed(bindHost.toLowerCase()));
  }
  return identityOf(names, port);
}

/** Only `address:port`: the phone remote's listener, reached by the LAN address it was opened on. */
export const exactSiteIdentity = (address: string, port: number): SiteIdentity =>
  identityOf(new Set([bracketed(address.toLowerCase())]), port);

function identityOf(names: Set<string>, port: number): SiteIdentity {
  const hosts = new Set([...names].map((name) => `${name}:${port}`));
  return {
    hosts,
    origins: new Set([...hosts].map((h) => `http://${h}`)),
    socketOrigins: [...hosts].filter((h) => !h.startsWith('[')).map((h) => `ws://${h}`),
  };
}

export const hostAllowed = (req: IncomingMessage, site: SiteIdentity): boolean =>
  req.headers.host !== undefined && site.hosts.has(req.headers.host.toLowerCase());

/**
 * Browsers always send Origin on upgrades and POSTs, so a foreign one is another web page:
 * refused. A missing one means a non-browser client (tests, scripts).
 */
export const originAllowed = (req: IncomingMessage, site: SiteIdentity): boolean =>
  req.headers.origin === undefined || site.origins.has(req.headers.origin.toLowerCase());
