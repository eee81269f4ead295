import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run serve -- [options]

Serves Bibblan Live to a web browser on this computer.

Options:
  --port N          port to listen on (default 0: any free port)
  --host H          address to listen on (default 127.0.0.1; anything else lets other
                    machines reach the page, still only with the token)
  --data-dir DIR    where settings.json and secrets.json live (default: the per-user
                    config folder)
  --static-dir DIR  serve this built UI instead of out/renderer (never builds it)
  --remote-port N   port of the phone remote, when staff turn it on in the app
                    (default 47180; 0: any free port)
  -h, --help        show this text`;

export interface CliOptions {
  port: number;
  host: string;
  dataDir: string;
  /** null: the default out/renderer, built first when missing. */
  staticDir: string | null;
  /** The phone remote's port on the LAN address; 0 picks any free one. */
  remotePort: number;
  help: boolean;
}

/** Fixed, so a phone's saved home-screen link keeps working from one broadcast to the next. */
export const DEFAULT_REMOTE_PORT = 47180;

export type CliParse = { ok: true; options: CliOptions } | { ok: false; message: string };

export function parseCliArgs(argv: string[], defaultDataDir: string): CliParse {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'static-dir': { type: 'string' },
        'remote-port': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    // parseArgs explains in several sentences; the first says what is wrong.
    return { ok: false, message: (error instanceof Error ? error.message : String(error)).split(/\.\s/)[0] ?? '' };
  }
  const port = values.port === undefined ? 0 : parsePort(values.port as string);
  if (port === null)
    return { ok: false, message: `--port must be a whole number from 0 to 65535, not '${values.port}'` };
  const remotePort =
    values['remote-port'] === undefined ? DEFAULT_REMOTE_PORT : parsePort(values['remote-port'] as string);
  if (remotePort === null)
    return {
      ok: false,
      message: `--remote-port must be a whole number from 0 to 65535, not '${values['remote-port']}'`,
    };
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  if (!/^[^\s/]+$/.test(host)) return { ok: false, message: `--host must be an address or host name, not '${host}'` };
  const dataDir = values['data-dir'] as string | undefined;
  const staticDir = values['static-dir'] as string | undefined;
  if (dataDir === '' || staticDir === '') return { ok: false, message: 'folder options must not be empty' };
  return {
    ok: true,
    options: {
      port,
      host,
      dataDir: resolve(dataDir ?? defaultDataDir),
      staticDir: staticDir === undefined ? null : resolve(staticDir),
      remotePort,
      help: values.help === true,
    },
  };
}

function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65535 ? port : null;
}
