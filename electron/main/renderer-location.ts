import { isAbsolute, relative, resolve } from 'node:path';
export { contentTypeFor } from '../../src/core/content-types';

/**
 * Where the renderer lives and which URLs count as ours. Pure functions (no `electron`
 * import), so tests/electron checks them in plain Node.
 *
 * The packaged renderer is served from a custom scheme, not file://: the
 * grantFileProtocolExtraPrivileges fuse is off (electron-builder.yml), and without it a
 * file:// page cannot load Vite's module scripts. A standard, secure scheme also gives
 * the page a real origin to check the IPC sender against.
 */
export const RENDERER_SCHEME = 'bibblan';
export const RENDERER_HOST = 'app';
export const RENDERER_ENTRY_URL = `${RENDERER_SCHEME}://${RENDERER_HOST}/index.html`;

/** Added to every renderer response; the page's own CSP meta tag applies too (both must pass). */
export const RENDERER_BASELINE_CSP =
  "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const parse = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The Vite dev server URL that `electron-vite dev` puts in ELECTRON_RENDERER_URL. Honoured
 * only when the app is not packaged and only on loopback: anything else is ignored.
 */
export function devServerOrigin(envValue: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || !envValue) return null;
  const url = parse(envValue);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK_HOSTS.has(url.hostname)) return null;
  return url.origin;
}

/** The URL the main window loads. */
export const rendererEntryUrl = (devOrigin: string | null): string =>
  devOrigin ? `${devOrigin}/` : RENDERER_ENTRY_URL;

/** True for a page of our own renderer (the custom scheme, or the dev server in development). */
export function isRendererUrl(url: string, devOrigin: string | null): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${RENDERER_SCHEME}:`) {
    return parsed.host === RENDERER_HOST && parsed.username === '' && parsed.password === '';
  }
  return devOrigin !== null && parsed.origin === devOrigin;
}

/** Only web pages are handed to the user's browser: never file:, javascript:, smb: and the like. */
export function isExternalWebUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:');
}

/**
 * Maps `bibblan://app/<path>` to a file inside `rendererDir`, or null when the URL is not
 * ours or would leave the folder (`..`, encoded separators, absolute paths).
 */
export function resolveRendererFile(rendererDir: string, requestUrl: string): string | null {
  const url = parse(requestUrl);
  if (!url || url.protocol !== `${RENDERER_SCHEME}:` || url.host !== RENDERER_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relativePath = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rendererDir);
  const file = resolve(root, relativePath);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}
