import { appError } from './errors';
import { fail, ok, type Result } from './result';

/** obs-websocket's default port (OBS 28+). */
export const DEFAULT_OBS_PORT = 4455;

// scheme://host[:port][/path]; host is a name, IPv4 or [IPv6].
const ADDRESS_PATTERN = /^(wss?):\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._~%-]+)(?::(\d{1,5}))?(\/[^\s?#]*)?$/i;

/** "user@" or "user:password@" before the host. */
const CREDENTIALS = /^([^:/]*:\/\/)[^/?#]*@/;
const hasCredentials = (withScheme: string): boolean => CREDENTIALS.test(withScheme);

/** The address with any credentials in it masked, for logs: "ws://***@host:4455". */
export const redactObsAddress = (address: string): string => address.trim().replace(CREDENTIALS, '$1***@');

/**
 * Checks an OBS address typed by a person and returns the URL to connect to. The one parser:
 * the connection form checks with it before saving, the core again before connecting.
 *
 * Forgiving where it helps library staff, who copy "Server IP" and "Server Port" out of OBS's
 * "Show connect info" dialog: without a scheme, ws:// is assumed ("127.0.0.1:4455",
 * "localhost"); ws:// without a port gets OBS's default 4455 (not 80, which no OBS uses).
 * wss:// without a port keeps 443, since TLS only ever comes from a reverse proxy in front
 * of OBS. Credentials ("ws://user:secret@host") fail with OBS_ADDRESS_HAS_CREDENTIALS, the
 * address left out of the error: obs-websocket does not use them, and the address is shown
 * in the UI and in logs. Anything else that is not ws:// or wss:// with a host and a port in
 * 1-65535 fails with OBS_ADDRESS_INVALID.
 */
export function parseObsAddress(input: string): Result<string> {
  const invalid = fail<string>(appError('OBS_ADDRESS_INVALID', { address: input }));
  let text = input.trim();
  if (text === '') return invalid;
  if (!text.includes('://')) text = `ws://${text}`;
  if (hasCredentials(text)) return fail(appError('OBS_ADDRESS_HAS_CREDENTIALS'));

  const match = ADDRESS_PATTERN.exec(text);
  if (!match) return invalid;
  const [, schemeText, host, portText, pathText] = match;
  if (!schemeText || !host) return invalid;
  const scheme = schemeText.toLowerCase();

  let port: number | null = null;
  if (portText !== undefined) {
    port = Number(portText);
    if (!Number.isInteger(port) || port < 1 || port > 65535) return invalid;
  } else if (scheme === 'ws') {
    port = DEFAULT_OBS_PORT;
  }

  // Let the WHATWG parser judge the host (e.g. "[::1]" vs "[zz]", "a..b" is allowed by it).
  let url: URL;
  try {
    url = new URL(`${scheme}://${host}${port === null ? '' : `:${port}`}`);
  } catch {
    return invalid;
  }
  if (url.hostname === '') return invalid;

  // URL drops a port equal to the scheme default (ws:80, wss:443); put it back so what we
  // show is what the person typed.
  const hostPart = port === null ? url.hostname : `${url.hostname}:${port}`;
  const path = pathText === undefined || pathText === '/' ? '' : pathText;
  return ok(`${scheme}://${hostPart}${path}`);
}
