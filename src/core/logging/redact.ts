/**
 * The one redaction step every log line passes before it is written anywhere. Callers are
 * meant to pass only non-secret data; this catches the mistakes: values under secret-looking
 * keys, stream keys inside RTMP addresses, tokens in URLs, and every secret value the app has
 * read or saved (added with `addSecret`), wherever it appears in the line.
 */
export const REDACTED = '[redacted]';

/** Keys whose values are never written: password, secret, token, streamKey, key, auth… */
const SECRET_KEY = /^(pass|pwd|key|auth)$|passw(or)?d|secret|token|stream.?key|authorization|credential|cookie/i;

/** rtmp(s)://host/app/<stream key>: everything after the app's path segment is the key. */
const RTMP_KEY = /\b(rtmps?:\/\/[^\s/"']+\/[^\s/"']+\/)[^\s"']+/gi;
/** `?token=…`, `&password=…`, `key=…` in URLs and query-like text. */
const QUERY_SECRET = /([?&;\s](?:token|password|pass|key|secret|auth|streamkey|stream_key)=)[^\s&#"']+/gi;
/** obs-websocket style `ws://user:password@host`. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@"']*:)[^\s/@"']+@/gi;

/** Shorter values are not scrubbed by value (they would blank out ordinary words). */
const MIN_SECRET_LENGTH = 4;

export class Redactor {
  readonly #secrets = new Set<string>();

  /** Never write this value again, in any line. */
  addSecret(value: string | null | undefined): void {
    if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) this.#secrets.add(value);
  }

  text(input: string): string {
    let out = input.replace(RTMP_KEY, `$1${REDACTED}`);
    out = out.replace(QUERY_SECRET, `$1${REDACTED}`);
    out = out.replace(URL_CREDENTIALS, `$1${REDACTED}@`);
    // Longest first, so a secret that contains another is removed whole.
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join(REDACTED);
      const json = JSON.stringify(secret).slice(1, -1); // as it appears inside a JSON string
      if (json !== secret) out = out.split(json).join(REDACTED);
    }
    return out;
  }

  /** A copy of `data` with values under secret-looking keys replaced (nested objects too). */
  data(value: unknown, depth = 0): unknown {
    if (depth > 8) return '[too deep]';
    if (Array.isArray(value)) return value.map((item) => this.data(item, depth + 1));
    if (value instanceof Error) return this.text(value.stack ?? value.message);
    if (value === null || typeof value !== 'object') return value;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] =
        SECRET_KEY.test(key) && item !== null && item !== undefined && item !== ''
          ? REDACTED
          : this.data(item, depth + 1);
    }
    return copy;
  }
}
