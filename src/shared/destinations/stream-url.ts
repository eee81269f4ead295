/**
 * What staff paste: a key with stray spaces or line breaks, or a whole "server/key" URL
 * copied from the platform into the server field. Pure functions, used by the form and the core.
 */

/** Keys never contain whitespace: everything spaces and line breaks add is dropped. */
export const cleanStreamKey = (raw: string): string => raw.replace(/\s+/g, '');

export interface SplitServer {
  server: string;
  /** The key found at the end of the URL, or null when the URL is a plain server. */
  key: string | null;
}

/** Known ingest paths: whatever follows them is the stream key. */
const APPLICATION_PATHS = ['/live2', '/rtmp', '/live', '/app'];

/**
 * Splits `rtmps://a.rtmps.youtube.com/live2/abcd-efgh` into server and key. A URL ending at
 * a known application path (or with a trailing slash) is a plain server. For other paths the
 * last segment counts as the key only when the path has at least two segments, since RTMP
 * servers are addressed as scheme://host[:port]/application.
 */
export function splitServerAndKey(raw: string): SplitServer {
  const text = raw.replace(/\s+/g, '');
  const match = /^(rtmps?:\/\/[^/?#]+)(\/[^?#]*)?(\?[^#]*)?$/i.exec(text);
  if (!match) return { server: text, key: null };
  const [, origin, path = '', query = ''] = match;
  if (query) return { server: text, key: null };
  const segments = path.split('/').filter((s) => s.length > 0);
  if (segments.length < 2 || path.endsWith('/')) return { server: text, key: null };
  const known = APPLICATION_PATHS.find(
    (p) => path.toLowerCase().startsWith(`${p}/`) && !path.slice(p.length + 1).includes('/'),
  );
  const serverPath = known ? path.slice(0, known.length) : `/${segments.slice(0, -1).join('/')}`;
  const key = known ? path.slice(known.length + 1) : segments[segments.length - 1]!;
  if (!key) return { server: text, key: null };
  // Facebook's server is written with its trailing slash in OBS's service list.
  const server = `${origin}${serverPath}${serverPath === '/rtmp' ? '/' : ''}`;
  return { server, key };
}
