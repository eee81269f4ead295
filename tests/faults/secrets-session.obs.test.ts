import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHostProcess, type RunningHost } from '../support/browser-host-process';
import { connectHostApi, stopHostProcess, type HostApiClient } from '../support/host-api-client';
import { createScenes, startObs, withRawObs, type RunningObs } from '../support/obs-studio';
import { startRtmpIngest, type RtmpIngest } from '../support/rtmp-ingest';
import { makeTempDir } from '../support/temp-dir';
import { makeToneFile, toneInput } from '../support/tone-file';
import { waitFor } from '../support/wait-for';
import { makeSite, removeDir } from '../host/helpers';
import { scaled } from '../support/timeouts';

/**
 * Secrets after a full session through the browser host process, a real OBS and nginx-rtmp:
 * the OBS password saved, a destination with a stream key, a broadcast to the ingest and its
 * end, the log exported (CSV and JSON) and presets exported. Then the password and the key
 * are searched for in the host's stdout and stderr, every WebSocket message the UI-side
 * client received (but the one explicit reveal), every file in the data folder but
 * secrets.json (which must be 0600), and the exports. None may hold them.
 */
const KEY = 'live_4711_sEcReT-StreamKey-b1bbl4n';

describe('fault/security: no secret leaks after a full session (host process + real OBS + nginx-rtmp)', () => {
  let obs: RunningObs;
  let ingest: RtmpIngest;
  let host: RunningHost | null = null;
  let api: HostApiClient | null = null;
  const data = makeTempDir('bibblan-faults-secrets-');
  /** Outside the data folder: the test searches that for the key. */
  const media = makeTempDir('bibblan-media-');
  const site = makeSite();
  const exports: Array<{ what: string; text: string }> = [];
  let revealResponse: string | null = null;
  /** Every message the client received (kept after the socket closes). */
  let receivedLog: string[] = [];

  async function call<T>(name: string, params?: unknown): Promise<T> {
    const result = await api!.request<T>(name, params, scaled(60_000));
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  }

  beforeAll(async () => {
    [obs, ingest] = await Promise.all([startObs(), startRtmpIngest()]);
    await createScenes(obs.address, obs.password, ['Startar snart', 'Sagostund', 'Tack för idag']);
    await withRawObs(obs.address, obs.password, async (raw) => {
      await raw.call('SetCurrentProgramScene', { sceneName: 'Startar snart' });
      // A looping tone: the checklist hears the "mic".
      await raw.call('CreateInput', toneInput('Startar snart', 'Mic', makeToneFile(media.path)));
    });
    host = await startBrowserHostProcess(['--port', '0', '--data-dir', data.path, '--static-dir', site.staticDir]);
    api = await connectHostApi(host.port, host.token);
    receivedLog = api.received;
  });

  afterAll(async () => {
    await api?.close().catch(() => {});
    await host?.stop('SIGKILL');
    await Promise.all([obs?.stop(), ingest?.stop()]);
    data.remove();
    media.remove();
    removeDir(site.root);
  });

  it('runs a whole session: password saved, destination with a key, live to nginx-rtmp and ended, exports', async () => {
    await call('settings.saveConnection', { address: obs.address, password: { action: 'set', value: obs.password } });
    await waitFor(
      async () => (await call<{ connection: { status: string } }>('obs.getState')).connection.status === 'connected',
      {
        timeoutMs: scaled(30_000),
        message: 'host connected to OBS',
      },
    );
    const settings = await call<Record<string, unknown>>('settings.get');
    expect(JSON.stringify(settings)).not.toContain(obs.password!);

    const dest = await call<{ id: string; hasKey: boolean }>('destinations.save', {
      name: 'Lokal testserver',
      platform: 'custom',
      server: ingest.server,
      key: { kind: 'set', value: KEY },
    });
    expect(dest.hasKey).toBe(true);
    // The one explicit reveal: its response is the only message allowed to hold the key.
    const before = api!.received.length;
    expect(await call('destinations.revealKey', { id: dest.id })).toEqual({ key: KEY });
    const revealed = api!.received.slice(before).filter((m) => m.includes(KEY));
    expect(revealed).toHaveLength(1);
    revealResponse = revealed[0]!;

    type Checklist = { ready: boolean; manual: Array<{ id: string }> };
    const checklist = await call<Checklist>('checklist.updateSession', {
      destinationId: dest.id,
      programType: 'storytime',
    });
    for (const item of checklist.manual) await call('checklist.tick', { itemId: item.id, done: true, note: 'Anna' });
    await call('checklist.setTemplateOptions', { startingScene: 'Startar snart', closingScene: 'Tack för idag' });
    await waitFor(async () => (await call<Checklist>('checklist.refresh')).ready, {
      timeoutMs: scaled(30_000),
      message: 'checklist ready',
    });

    type GoLive = { phase: string };
    await call('golive.start', {});
    await waitFor(async () => (await call<GoLive>('golive.getState')).phase === 'live', {
      timeoutMs: scaled(30_000),
      message: 'live',
    });
    const first = await waitFor(() => ingest.bytesIn(KEY), { timeoutMs: scaled(20_000), message: 'bytes at nginx' });
    await waitFor(async () => (await ingest.bytesIn(KEY)) > first, {
      timeoutMs: scaled(20_000),
      message: 'bytes keep arriving',
    });
    await call('golive.end', {});
    await waitFor(async () => (await call<GoLive>('golive.getState')).phase === 'ended', {
      timeoutMs: scaled(30_000),
      message: 'ended',
    });
    await call('golive.dismiss');

    const csv = await call<{ content: string }>('log.exportCsv', {});
    const json = await call<{ content: string }>('log.exportJson', {});
    expect(JSON.parse(json.content).entries.length).toBeGreaterThan(0);
    exports.push(
      { what: 'log CSV export', text: JSON.stringify(csv) },
      { what: 'log JSON export', text: JSON.stringify(json) },
    );
    const list = await call<{ presets: Array<{ preset: { id: string } }> }>('presets.list');
    const copy = await call<{ preset: { id: string } }>('presets.duplicate', { presetId: list.presets[0]!.preset.id });
    for (const id of [list.presets[0]!.preset.id, copy.preset.id]) {
      exports.push({
        what: `preset export ${id}`,
        text: JSON.stringify(await call('presets.export', { presetId: id })),
      });
    }
    // Stop the host the normal way, so everything it would write is written.
    await api!.close();
    api = null;
    const stopped = await stopHostProcess(host!);
    expect(stopped.code, stopped.stderr).toBe(0);
  });

  it('finds the password and the key nowhere: host output, WebSocket messages, data files, exports', () => {
    expect(exports.length, 'the session ran').toBeGreaterThanOrEqual(4);
    expect(revealResponse).not.toBeNull();
    const secrets = [obs.password!, KEY];
    const needles = secrets.flatMap((s) => [s, Buffer.from(s).toString('base64'), encodeURIComponent(s)]);
    const leaks: string[] = [];
    const search = (where: string, text: string) => {
      for (const needle of needles)
        if (text.includes(needle)) leaks.push(`${where} holds ${needle === KEY ? 'the stream key' : 'a secret'}`);
    };

    search('host stdout', host!.stdoutLines.join('\n'));
    search('host stderr', host!.stderr());
    // Every message the client received, except the one reveal response.
    let skipped = 0;
    for (const message of receivedLog) {
      if (message === revealResponse && skipped === 0) {
        skipped += 1;
        continue;
      }
      search(`ws message ${message.slice(0, 80)}`, message);
    }
    expect(skipped).toBe(1);
    expect(receivedLog.length).toBeGreaterThan(20);

    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk(data.path);
    expect(files.map((f) => relative(data.path, f))).toEqual(
      expect.arrayContaining(['secrets.json', 'settings.json', 'destinations.json']),
    );
    for (const file of files) {
      const rel = relative(data.path, file);
      if (rel === 'secrets.json') {
        expect(statSync(file).mode & 0o777, 'secrets.json is readable by its owner only').toBe(0o600);
        // It is where they live: prove the search would have found them.
        const text = readFileSync(file, 'utf8');
        expect(text).toContain(KEY);
        expect(text).toContain(obs.password!);
        continue;
      }
      search(`data file ${rel}`, readFileSync(file, 'latin1'));
    }
    expect(files.some((f) => f.includes('broadcast-log'))).toBe(true);
    for (const { what, text } of exports) search(what, text);
    expect(leaks).toEqual([]);
  });
});
