import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../src/core/app-core';
import { loadLog } from '../../../src/core/broadcast-log/load-log';
import { SampleStore } from '../../../src/core/broadcast-log/sample-store';
import { silentLogger } from '../../../src/core/ports';
import { openConfStore } from '../../../src/core/settings/open-document-store';
import { SettingsService } from '../../../src/core/settings/settings-service';
import { FileSecretStore } from '../../../src/host/file-secret-store';
import type { Entry } from '../../../src/shared/broadcast-log/entry-schema';
import { startBrowserHostProcess } from '../../support/browser-host-process';
import { MemoryDocumentStore } from '../../../src/core/settings/memory-document-store';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { createScenes, startObs, withRawObs, type RunningObs } from '../../support/obs-studio';
import { startRtmpIngest, type RtmpIngest } from '../../support/rtmp-ingest';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';
import { scaled } from '../../support/timeouts';

/**
 * The recorder against a real OBS streaming to a real RTMP ingest (nginx-rtmp on loopback).
 * OBS is started and stopped around the stream by a raw client, the way a person at OBS would.
 */
describe('the broadcast log records real broadcasts', () => {
  let obs: RunningObs;
  let ingest: RtmpIngest;
  const temp = makeTempDir('bibblan-rec-');

  const raw = <T>(work: Parameters<typeof withRawObs<T>>[2]) => withRawObs(obs.address, obs.password, work);
  const startStream = () => raw((c) => c.call('StartStream'));
  const stopStream = () => raw((c) => c.call('StopStream'));
  const streamActive = () => raw(async (c) => (await c.call('GetStreamStatus')).outputActive);

  /** The log as another process sees it on disk: read from a copy, so the writer is never disturbed. */
  const readLogFromDisk = (dir: string): Entry[] => {
    const copy = join(temp.path, `copy-${Date.now()}-${Math.random()}`);
    cpSync(dir, copy, { recursive: true });
    return [...loadLog(copy, silentLogger).index.values()].map((it) => it.entry);
  };

  beforeAll(async () => {
    [obs, ingest] = await Promise.all([startObs(), startRtmpIngest()]);
    await createScenes(obs.address, obs.password, ['Välkommen', 'Läsare', 'Tack för i dag']);
    await raw(async (c) => {
      await c.call('SetStreamServiceSettings', {
        streamServiceType: 'rtmp_custom',
        streamServiceSettings: { server: ingest.server, key: 'test' },
      });
      await c.call('SetCurrentProgramScene', { sceneName: 'Välkommen' });
    });
  });

  afterAll(async () => {
    await obs?.stop();
    await ingest?.stop();
    temp.remove();
  });

  const connectCore = async (logDir: string): Promise<AppCore> => {
    const core = createAppCore({
      settings: new MemoryDocumentStore(),
      secrets: new MemorySecretStore(),
      version: 'test',
      logDir,
      logSampleMs: 500,
    });
    core.start();
    await core.handle('settings.saveConnection', {
      address: obs.address,
      password: { action: 'set', value: obs.password! },
    });
    await waitFor(
      async () => {
        const s = await core.handle('obs.getState', undefined);
        return s.ok && (s.value as { connection: { status: string } }).connection.status === 'connected';
      },
      { timeoutMs: scaled(15_000), message: 'core connected to OBS' },
    );
    return core;
  };

  const entries = async (core: AppCore) => {
    const list = await core.handle('log.list', {});
    if (!list.ok) throw new Error(list.error.code);
    return (list.value as { items: Array<{ id: string; outcome: string | null }> }).items;
  };
  const entry = async (core: AppCore, id: string) => {
    const got = await core.handle('log.get', { id });
    if (!got.ok) throw new Error(got.error.code);
    return got.value as { entry: Entry; samples: Array<{ kbps: number }> };
  };

  it(
    'writes an entry when the stream starts, with the scene timeline and health, and completes it on stop',
    async () => {
      const logDir = join(temp.path, 'log-1');
      const core = await connectCore(logDir);
      try {
        await startStream();
        const [live] = await waitFor(
          async () => {
            const items = await entries(core);
            return items.length === 1 && items[0]!.outcome === null ? items : null;
          },
          { timeoutMs: scaled(20_000), message: 'a live entry' },
        );
        // On disk at once, not only in memory: a crash now would keep it.
        expect(readLogFromDisk(logDir).map((e) => e.id)).toEqual([live!.id]);

        expect(await core.handle('obs.switchScene', { sceneName: 'Läsare' })).toEqual({ ok: true, value: null });
        await waitFor(async () => (await entry(core, live!.id)).entry.timeline.length >= 2, {
          message: 'app switch logged',
        });
        await raw((c) => c.call('SetCurrentProgramScene', { sceneName: 'Tack för i dag' }));
        await waitFor(async () => (await entry(core, live!.id)).entry.timeline.length >= 3, {
          message: 'OBS switch logged',
        });
        await waitFor(async () => (await entry(core, live!.id)).samples.filter((s) => s.kbps > 0).length >= 3, {
          timeoutMs: scaled(20_000),
          message: 'health samples with bitrate',
        });
        expect(await ingest.bytesIn('test')).toBeGreaterThan(0);

        await stopStream();
        const done = await waitFor(
          async () => {
            const e = (await entry(core, live!.id)).entry;
            return e.outcome === 'completed' ? e : null;
          },
          { timeoutMs: scaled(20_000), message: 'entry completed' },
        );
        expect(done.timeline.map((s) => [s.scene, s.source])).toEqual([
          ['Välkommen', 'obs'],
          ['Läsare', 'app'],
          ['Tack för i dag', 'obs'],
        ]);
        expect(done.durationSec).toBeGreaterThan(0);
        expect(done.health.samples).toBeGreaterThanOrEqual(3);
        expect(done.health.avgKbps).toBeGreaterThan(0);
        expect(done.health.minKbps).not.toBeNull();
      } finally {
        await core.stop();
      }
    },
    scaled(90_000),
  );

  it(
    're-attaches to the open entry after the host process is killed (SIGKILL) mid-broadcast',
    async () => {
      const dataDir = join(temp.path, 'host-data');
      // The host's saved connection, as the first-run screen would have saved it.
      const secrets = new FileSecretStore(dataDir);
      new SettingsService(openConfStore(dataDir, 'settings').store, secrets, silentLogger).saveConnection(obs.address, {
        action: 'set',
        value: obs.password!,
      });
      const logDir = join(dataDir, 'broadcast-log');
      let host = await startBrowserHostProcess(['--port', '0', '--data-dir', dataDir]);
      try {
        await startStream();
        const live = await waitFor(() => readLogFromDisk(logDir).find((e) => e.outcome === null), {
          timeoutMs: scaled(20_000),
          message: 'the host wrote a live entry',
        });
        const samplesBefore = () => new SampleStore(logDir, silentLogger).read(live.id).length;
        await waitFor(() => samplesBefore() >= 1, { timeoutMs: scaled(20_000), message: 'samples flushed to disk' });
        await host.stop('SIGKILL');
        const countAtKill = samplesBefore();

        host = await startBrowserHostProcess(['--port', '0', '--data-dir', dataDir]);
        // Same entry, still open, with new samples: re-attached, not a second entry.
        await waitFor(() => samplesBefore() > countAtKill, {
          timeoutMs: scaled(20_000),
          message: 'new samples after re-attach',
        });
        let onDisk = readLogFromDisk(logDir);
        expect(onDisk.map((e) => [e.id, e.outcome])).toEqual([[live.id, null]]);

        await stopStream();
        onDisk = await waitFor(
          () => {
            const list = readLogFromDisk(logDir);
            return list[0]?.outcome === 'completed' ? list : null;
          },
          { timeoutMs: scaled(20_000), message: 'completed after re-attach' },
        );
        expect(onDisk).toHaveLength(1);
      } finally {
        await host.stop();
        if (await streamActive()) await stopStream();
      }
    },
    scaled(120_000),
  );

  it(
    'closes the entry as interrupted when OBS is killed mid-broadcast',
    async () => {
      const core = await connectCore(join(temp.path, 'log-3'));
      try {
        await waitFor(async () => !(await streamActive()), {
          timeoutMs: scaled(20_000),
          message: 'previous stream stopped',
        });
        await startStream();
        const [live] = await waitFor(
          async () => {
            const items = await entries(core);
            return items[0]?.outcome === null ? items : null;
          },
          { timeoutMs: scaled(20_000), message: 'a live entry' },
        );
        await waitFor(async () => (await entry(core, live!.id)).samples.length >= 2, {
          timeoutMs: scaled(20_000),
          message: 'samples',
        });
        await obs.kill('SIGKILL');
        const closed = await waitFor(
          async () => {
            const e = (await entry(core, live!.id)).entry;
            return e.outcome === 'interrupted' ? e : null;
          },
          { timeoutMs: scaled(10_000), message: 'entry interrupted' },
        );
        expect(closed.end).not.toBeNull();
        expect(closed.durationSec).toBeGreaterThan(0);
        expect(closed.health.samples).toBeGreaterThanOrEqual(2);
      } finally {
        await core.stop();
      }
    },
    scaled(90_000),
  );
});
