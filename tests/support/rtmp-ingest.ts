import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './obs-studio';
import { waitFor } from './wait-for';
import { scaled } from './timeouts';

/**
 * A real RTMP ingest on loopback: nginx with the rtmp module, in its own temp folder and on
 * free ports, for OBS to stream to. `bytesIn()` reads nginx's /stat XML. stop() kills it and
 * removes the folder; an exit handler does the same for whatever a failed test left.
 */
export interface RtmpIngest {
  /** rtmp://127.0.0.1:PORT/live: the server for SetStreamServiceSettings. */
  readonly server: string;
  readonly statUrl: string;
  /** Bytes received for `key` (0 when no such stream is live). */
  bytesIn(key?: string): Promise<number>;
  stop(): Promise<void>;
}

const MODULE = '/usr/lib/nginx/modules/ngx_rtmp_module.so';
const live = new Set<() => void>();
process.once('exit', () => live.forEach((kill) => kill()));

export async function startRtmpIngest(): Promise<RtmpIngest> {
  const dir = mkdtempSync(join(tmpdir(), 'bibblan-rtmp-'));
  const [rtmpPort, httpPort] = [await freePort(), await freePort()];
  const pidFile = join(dir, 'nginx.pid');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `load_module ${MODULE};
daemon off;
worker_processes 1;
pid ${pidFile};
error_log ${join(dir, 'error.log')} info;
events { worker_connections 64; }
rtmp { server { listen 127.0.0.1:${rtmpPort}; application live { live on; record off; } } }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server { listen 127.0.0.1:${httpPort}; location /stat { rtmp_stat all; } }
}
`,
  );
  // daemon off: nginx stays our child, so killing it cannot miss (no pid-file race).
  const child = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  live.add(kill);
  const statUrl = `http://127.0.0.1:${httpPort}/stat`;
  const stop = async () => {
    live.delete(kill);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(kill, 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}${safeRead(join(dir, 'error.log'))}`);
        return (await fetch(statUrl).catch(() => null))?.ok ?? false;
      },
      { timeoutMs: scaled(10_000), message: 'nginx-rtmp answering /stat' },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    server: `rtmp://127.0.0.1:${rtmpPort}/live`,
    statUrl,
    async bytesIn(key = 'test') {
      const xml = await (await fetch(statUrl)).text();
      // <stream><name>KEY</name>...<bytes_in>N</bytes_in>
      const stream = xml
        .split('<stream>')
        .slice(1)
        .find((s) => s.includes(`<name>${key}</name>`));
      const match = stream ? /<bytes_in>(\d+)<\/bytes_in>/.exec(stream) : null;
      return match ? Number(match[1]) : 0;
    },
    stop,
  };
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
