import { readFile, realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { isAbsolute, join, relative } from 'node:path';
import { contentTypeFor } from '../core/content-types';

/** Serves the built renderer: its own files only, never a listing, never a path outside it. */

export type StaticLookup =
  | { kind: 'file'; path: string; size: number }
  /** The path is malformed or tries to leave the root: 400, and no file system access. */
  | { kind: 'bad-path' }
  | { kind: 'not-found' };

/**
 * Turns a URL path (as sent, still percent-encoded, without the query) into segments.
 * Rejects rather than normalises anything odd: traversal (`..`, `%2e%2e`, `%252e%252e`
 * via the no-`%`-after-decoding rule), backslashes, NUL, drive letters and dotfiles.
 * The built renderer has no file that needs any of these.
 */
export function urlPathSegments(urlPath: string): string[] | null {
  if (!urlPath.startsWith('/') || /[\\\0]/.test(urlPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (/[%\\\0:]/.test(decoded)) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s.startsWith('.'))) return null;
  // A trailing slash asks for that folder's index.html: there are no listings.
  if (segments.at(-1) === '') segments[segments.length - 1] = 'index.html';
  return segments.filter((s) => s !== '');
}

const inside = (root: string, candidate: string): boolean => {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

export async function lookupStaticFile(staticDir: string, urlPath: string): Promise<StaticLookup> {
  const segments = urlPathSegments(urlPath);
  if (segments === null) return { kind: 'bad-path' };
  try {
    // Resolved per request: the UI may be built after the host started.
    const root = await realpath(staticDir);
    const candidate = join(root, ...segments);
    if (!inside(root, candidate)) return { kind: 'bad-path' };
    // A symlink must not lead out of the root either.
    const real = await realpath(candidate);
    if (!inside(root, real)) return { kind: 'not-found' };
    const info = await stat(real);
    if (!info.isFile()) return { kind: 'not-found' };
    return { kind: 'file', path: real, size: info.size };
  } catch {
    return { kind: 'not-found' };
  }
}

/**
 * Read whole rather than streamed: the built files are small (the largest a few hundred KB),
 * and readFile is what Electron reads from inside app.asar itself, without copying the file out.
 * False when the file could not be read (it vanished since the lookup): nothing was sent.
 */
export async function sendFile(
  res: ServerResponse,
  file: { path: string; size: number },
  headOnly: boolean,
  rewrite?: (body: Buffer) => Buffer,
): Promise<boolean> {
  let body: Buffer | null = null;
  // A rewritten file's length is known only once it is rewritten: HEAD reads it too.
  if (!headOnly || rewrite) {
    try {
      body = await readFile(file.path);
    } catch {
      return false;
    }
    if (rewrite) body = rewrite(body);
  }
  res.writeHead(200, {
    'Content-Type': contentTypeFor(file.path),
    'Content-Length': String(body?.length ?? file.size),
  });
  res.end(headOnly ? undefined : (body ?? undefined));
  return true;
}
