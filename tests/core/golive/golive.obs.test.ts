import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../src/core/app-core';
import type { Logger } from '../../../src/core/ports';
import { openConfStore } from '../../../src/core/settings/open-document-store';
import { MemoryDocumentStore } from '../../../src/core/settings/memory-document-store';
import { FileSecretStore } from '../../../src/host/file-secret-store';
import type { ChecklistStatus } from '../../../src/shared/checklist/checklist-schema';
import type { Destination } from '../../../src/shared/destinations/destination-schema';
import type { GoLiveState } from '../../../src/shared/golive/golive-state';
import type { Result } from '../../../src/shared/result';
import { createScenes, freePort, startObs, withRawObs, type RunningObs } from '../../support/obs-studio';
import { startRtmpIngest, type RtmpIngest } from '../../support/rtmp-ingest';
import { makeTempDir } from '../../support/temp-dir';
import { makeToneFile, toneInput } from '../../support/tone-file';
import { waitFor } from '../../support/wait-for';
import { scaled } from '../../support/timeouts';

/**
 * The go-live flow against a real OBS and a real RTMP ingest (nginx-rtmp on loopback): a
 * broadcast whose bytes arrive at the ingest, a failed start to a closed port, checks that
 * flip as OBS changes, a stream started and stopped in OBS itself, and the key found nowhere
 * it must not be: not in results, events, log lines or any file the app wrote.
 */
const KEY = 'bibblan-secret-key-4711';

describe('go live with real OBS and nginx-rtmp', () => {
  let obs: RunningObs;
  let ingest: RtmpIngest;
  let core: AppCore;
  const data = makeTempDir('bibblan-golive-');
  /** Outside the data folder: the test searches that for the key. */
  const media = makeTempDir('bibblan-media-');
  const logLines: string[] = [];
  const events: string[] = [];
  const results: string[] = [];
  let golive: GoLiveState | null = null;
  let checklist: ChecklistStatus | null = null;

  const capture: Logger = {
    info: (m, d) => logLines.push(`${m} ${JSON.stringify(d ?? {})}`),
    warn: (m, d) => logLines.push(`${m} ${JSON.stringify(d ?? {})}`),
    error: (m, d) => logLines.push(`${m} ${JSON.stringify(d ?? {})}`),
  };

  /** Every request goes through here, so every result is searched for the key at the end. */
  async function call<T>(name: string, params?: unknown): Promise<T> {
    const result = (await core.handle(name, params)) as Result<T>;
    if (name !== 'destinations.revealKey') results.push(JSON.stringify(result));
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  }
  const autoCheck = (id: string) => checklist?.auto.find((a) => a.id === id)?.status;

  beforeAll(async () => {
    [obs, ingest] = await Promise.all([startObs(), startRtmpIngest()]);
    await createScenes(obs.address, obs.password, ['Startar snart', 'Sagostund', 'Tack för idag']);
    await withRawObs(obs.address, obs.password, async (raw) => {
      await raw.call('SetCurrentProgramScene', { sceneName: 'Startar snart' });
      // A looping tone stands in for a mic someone speaks into: no device is needed.
      await raw.call('CreateInput', toneInput('Startar snart', 'Mic', makeToneFile(media.path)));
    });
    const secrets = new FileSecretStore(data.path);
    core = createAppCore({
      settings: new MemoryDocumentStore(),
      secrets,
      version: 'test',
      logger: capture,
      destinations: openConfStore(data.path, 'destinations').store,
      checklist: openConfStore(data.path, 'checklist').store,
      logDir: join(data.path, 'broadcast-log'),
      goLive: { startDeadlineMs: 20_000, checklistRefreshMs: 1_000 },
    });
    core.subscribe((name, payload) => {
      events.push(JSON.stringify({ name, payload }));
      if (name === 'golive.state') golive = payload as GoLiveState;
      if (name === 'checklist.changed') checklist = payload as ChecklistStatus;
    });
    core.start();
    await call('settings.saveConnection', { address: obs.address, password: { action: 'set', value: obs.password } });
    await waitFor(() => autoCheck('obsConnected') === 'pass', { timeoutMs: scaled(20_000), message: 'OBS connected' });
  });

  afterAll(async () => {
    await core?.stop();
    await Promise.all([obs?.stop(), ingest?.stop()]);
    data.remove();
    media.remove();
  });

  /** The manual items, ticked as staff would: they belong to one broadcast and clear when it ends. */
  async function tickManualItems(): Promise<void> {
    for (const item of checklist!.manual)
      checklist = await call('checklist.tick', { itemId: item.id, done: true, note: 'Anna, Bo' });
  }

  it('saves a destination from a pasted URL-with-key, keeping the key out of every result', async () => {
    const saved = await call<Destination>('destinations.save', {
      name: 'Lokal testserver',
      platform: 'custom',
      server: ` ${ingest.server}/${KEY}\n`,
      key: { kind: 'keep' },
    });
    expect(saved).toMatchObject({ server: ingest.server, hasKey: true });
    expect(await call('destinations.revealKey', { id: saved.id })).toEqual({ key: KEY });
    checklist = await call<ChecklistStatus>('checklist.updateSession', {
      destinationId: saved.id,
      programType: 'storytime',
    });
    await tickManualItems();
    checklist = await call('checklist.setTemplateOptions', {
      startingScene: 'Startar snart',
      closingScene: 'Tack för idag',
    });
    await waitFor(() => checklist?.ready, { message: 'checklist ready', timeoutMs: scaled(15_000) });
  });

  it('flips the automatic checks as OBS changes, and fixes them', async () => {
    await withRawObs(obs.address, obs.password, (raw) =>
      raw.call('SetInputMute', { inputName: 'Mic', inputMuted: true }),
    );
    await waitFor(() => autoCheck('micReady') === 'fail', { message: 'mic check fails when muted' });
    expect(checklist?.ready).toBe(false);
    await call('checklist.fix', { checkId: 'micReady' });
    await waitFor(() => autoCheck('micReady') === 'pass', { message: 'mic unmuted by the fix' });

    // Fader all the way down: nothing reaches the stream; after 10 s without sound the check fails.
    await withRawObs(obs.address, obs.password, (raw) =>
      raw.call('SetInputVolume', { inputName: 'Mic', inputVolumeMul: 0 }),
    );
    await waitFor(() => checklist?.auto.find((a) => a.id === 'micReady')?.reason === 'silent', {
      timeoutMs: scaled(20_000),
      message: 'silent mic fails',
    });
    expect(checklist?.blocking).toContain('micReady');
    await withRawObs(obs.address, obs.password, (raw) =>
      raw.call('SetInputVolume', { inputName: 'Mic', inputVolumeMul: 1 }),
    );
    await waitFor(() => autoCheck('micReady') === 'pass', { message: 'heard again' });

    await withRawObs(obs.address, obs.password, (raw) =>
      raw.call('SetCurrentProgramScene', { sceneName: 'Sagostund' }),
    );
    await waitFor(() => autoCheck('startingSceneLive') === 'fail', { message: '"Starting soon" check fails' });
    // The mic is in no live scene now, so OBS stops metering it: the sound check just made still counts.
    expect(autoCheck('micReady')).toBe('pass');
    await call('checklist.fix', { checkId: 'startingSceneLive' });
    await waitFor(() => autoCheck('startingSceneLive') === 'pass', { message: 'back on "Starting soon"' });
    // A custom server gets OBS's encoder default keyframes: said, not blocking.
    expect(checklist?.auto.find((a) => a.id === 'outputWithinLimits')).toMatchObject({
      status: 'unknown',
      reason: 'keyframeAuto',
    });
  });

  it('goes live: OUTPUT_STARTED, bytes at the ingest, then ends on the closing scene and confirms offline', async () => {
    const started = await call<GoLiveState>('golive.start', {});
    // Live only on OBS's word: usually after StartStream's answer, rarely before it on loopback.
    expect(['starting', 'live']).toContain(started.phase);
    await waitFor(() => golive?.phase === 'live', { timeoutMs: scaled(20_000), message: 'live' });
    expect(golive?.broadcast).toMatchObject({ destinationName: 'Lokal testserver', origin: 'app', rehearsal: false });
    expect(golive?.broadcast?.liveAt).toBeGreaterThan(0);
    const first = await waitFor(() => ingest.bytesIn(KEY), { message: 'bytes at nginx' });
    await waitFor(async () => (await ingest.bytesIn(KEY)) > first, { message: 'bytes keep arriving' });

    // The closing scene must reach viewers: a fade that takes a while, and OBS's own event times
    // (seen by a second client) prove it was on air for over a second before the stream stopped.
    const times = await withRawObs(obs.address, obs.password, async (raw) => {
      await raw.call('SetCurrentSceneTransition', { transitionName: 'Fade' });
      await raw.call('SetCurrentSceneTransitionDuration', { transitionDuration: 600 });
      const seen: { transitionEnded?: number; onAir?: number; stopping?: number } = {};
      raw.on('SceneTransitionEnded', () => (seen.transitionEnded ??= Date.now()));
      raw.on('CurrentProgramSceneChanged', ({ sceneName }) => {
        if (sceneName === 'Tack för idag') seen.onAir ??= Date.now();
      });
      raw.on('StreamStateChanged', ({ outputState }) => {
        if (outputState === 'OBS_WEBSOCKET_OUTPUT_STOPPING') seen.stopping ??= Date.now();
      });
      await call('golive.end', {});
      await waitFor(() => golive?.phase === 'ended', { timeoutMs: scaled(20_000), message: 'ended' });
      await raw.call('SetCurrentSceneTransition', { transitionName: 'Cut' });
      return seen;
    });
    expect(times.onAir).toBeDefined();
    expect(times.transitionEnded).toBeDefined();
    expect(times.stopping! - times.onAir!).toBeGreaterThanOrEqual(1_000);
    expect(times.stopping! - times.transitionEnded!).toBeGreaterThanOrEqual(1_000);
    expect(golive?.broadcast?.endedBy).toBe('app');
    expect(golive?.after.map((a) => a.kind)).toContain('publisherReports');
    const state = await call<{ programScene: string; stream: { active: boolean } }>('obs.getState');
    expect(state.programScene).toBe('Tack för idag');
    expect(state.stream.active).toBe(false);
    // "Open in the log" goes to this stream's own entry, linked when the log opened it.
    const [entry] = (await call<{ items: Array<{ id: string }> }>('log.list', {})).items;
    expect(golive?.broadcast?.logEntryId).toBe(entry!.id);
    // The after-broadcast list's choice reaches that entry: captions due 14 days after the end.
    expect(
      (await call<{ entry: { captionsDue?: string } }>('log.get', { id: entry!.id })).entry.captionsDue,
    ).toBeUndefined();
    await call('golive.setAfterPlan', { keepOnline: true, deleteBy: '2027-01-15' });
    const captionsDue = new Date(golive!.broadcast!.endedAt! + 14 * 86_400_000).toISOString().slice(0, 10);
    expect((await call<{ entry: { captionsDue?: string } }>('log.get', { id: entry!.id })).entry.captionsDue).toBe(
      captionsDue,
    );
    await call('golive.dismiss');
  });

  it("streams to YouTube through OBS's own service entry, so OBS sets a keyframe every 2 s", async () => {
    // A YouTube destination whose server is the local ingest: OBS's YouTube entry keeps the server it is given.
    const yt = await call<Destination>('destinations.save', {
      name: 'Bibliotekets YouTube',
      platform: 'youtube',
      server: ingest.server,
      key: { kind: 'set', value: 'yt-key' },
    });
    await call('checklist.updateSession', { destinationId: yt.id });
    // The last broadcast's ticks were cleared when it ended: this one starts clean.
    expect(checklist?.manual.every((item) => !item.done)).toBe(true);
    await tickManualItems();
    await waitFor(() => checklist?.ready && autoCheck('outputWithinLimits') === 'pass', {
      timeoutMs: scaled(20_000),
      message: 'ready, keyframes left to the service',
    });
    const keyintsBefore = obsLogKeyints(obs.home)?.length ?? 0;
    await call('golive.start', {});
    await waitFor(() => golive?.phase === 'live', { timeoutMs: scaled(20_000), message: 'live to YouTube (local)' });
    await waitFor(() => ingest.bytesIn('yt-key'), { message: 'bytes at nginx' });
    const { service, video } = await withRawObs(obs.address, obs.password, async (raw) => ({
      service: await raw.call('GetStreamServiceSettings'),
      video: await raw.call('GetVideoSettings'),
    }));
    expect(service).toMatchObject({
      streamServiceType: 'rtmp_common',
      streamServiceSettings: { service: 'YouTube - RTMPS', server: ingest.server },
    });
    // OBS's log says which keyframe interval the stream encoder got, in frames.
    const fps = video.fpsNumerator / video.fpsDenominator;
    const keyints = await waitFor(
      () => ((obsLogKeyints(obs.home)?.length ?? 0) > keyintsBefore ? obsLogKeyints(obs.home) : null),
      { message: 'keyint of this stream in the OBS log' },
    );
    expect(keyints.at(-1)).toBe(2 * fps);
    await call('golive.end', {});
    await waitFor(() => golive?.phase === 'ended', { timeoutMs: scaled(20_000), message: 'ended' });
    await call('golive.dismiss');
  });

  it("scales OBS's output down to Facebook's 1080 lines, and its bitrates to Facebook's limits, with the fixes", async () => {
    const fb = await call<Destination>('destinations.save', {
      name: 'Facebook',
      platform: 'facebook',
      server: 'rtmps://rtmp-api.facebook.com:443/rtmp/',
      key: { kind: 'set', value: 'fb-key' },
    });
    await call('checklist.updateSession', { destinationId: fb.id });
    const before = await withRawObs(obs.address, obs.password, (raw) => raw.call('GetVideoSettings'));
    try {
      await withRawObs(obs.address, obs.password, (raw) =>
        raw.call('SetVideoSettings', { outputWidth: 2560, outputHeight: 1440 }),
      );
      await waitFor(() => checklist?.auto.find((a) => a.id === 'outputWithinLimits')?.reason === 'resolutionTooHigh', {
        timeoutMs: scaled(15_000),
        message: '1440p is too tall for Facebook',
      });
      expect(checklist?.auto.find((a) => a.id === 'outputWithinLimits')).toMatchObject({
        status: 'fail',
        fix: 'applyPlatformResolution',
        params: { height: 1440, max: 1080 },
      });
      await call('checklist.fix', { checkId: 'outputWithinLimits' });
      const after = await withRawObs(obs.address, obs.password, (raw) => raw.call('GetVideoSettings'));
      expect(after).toMatchObject({
        outputWidth: 1920,
        outputHeight: 1080,
        baseWidth: before.baseWidth,
        baseHeight: before.baseHeight,
      });
      await waitFor(() => checklist?.auto.find((a) => a.id === 'outputWithinLimits')?.reason !== 'resolutionTooHigh', {
        message: 'within the limit',
      });

      // Simple mode's bitrates over Facebook's limits (1080p30: 6000 kbps video, 128 kbps audio).
      await withRawObs(obs.address, obs.password, async (raw) => {
        for (const [parameterName, parameterValue] of [
          ['VBitrate', '9000'],
          ['ABitrate', '320'],
        ] as const) {
          await raw.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName, parameterValue });
        }
      });
      await waitFor(
        () => checklist?.auto.find((a) => a.id === 'outputWithinLimits')?.reason === 'videoBitrateTooHigh',
        { timeoutMs: scaled(15_000), message: 'bitrate over the limit' },
      );
      await call('checklist.fix', { checkId: 'outputWithinLimits' });
      const param = (parameterName: string) =>
        withRawObs(
          obs.address,
          obs.password,
          async (raw) =>
            (await raw.call('GetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName }))
              .parameterValue,
        );
      expect([await param('VBitrate'), await param('ABitrate')]).toEqual(['6000', '128']);
      await waitFor(() => checklist?.auto.find((a) => a.id === 'outputWithinLimits')?.status === 'pass', {
        message: 'within every limit',
      });
    } finally {
      await withRawObs(obs.address, obs.password, (raw) =>
        raw.call('SetVideoSettings', { outputWidth: before.outputWidth, outputHeight: before.outputHeight }),
      );
    }
  });

  it('says clearly when OBS cannot reach the server, and records a failed start', async () => {
    const closed = await freePort();
    const bad = await call<Destination>('destinations.save', {
      name: 'Stängd port',
      platform: 'custom',
      server: `rtmp://127.0.0.1:${closed}/live`,
      key: { kind: 'set', value: KEY },
    });
    await call('checklist.updateSession', { destinationId: bad.id });
    await tickManualItems();
    await waitFor(() => checklist?.ready, { message: 'checklist ready again' });
    await call('golive.start', {});
    await waitFor(() => golive?.phase === 'failed', { timeoutMs: scaled(25_000), message: 'failed start' });
    expect(golive?.error).toEqual({ code: 'GOLIVE_START_FAILED', params: { destination: 'Stängd port' } });
    // The broadcast log's recorder notices the failed start; the go-live flow handed it the destination.
    type Summary = { outcome: string | null; destinationName?: string; programType?: string; startedIn: string };
    const failed = await waitFor(
      async () => (await call<{ items: Summary[] }>('log.list', {})).items.find((i) => i.outcome === 'failed-to-start'),
      { message: 'a failed start in the log' },
    );
    expect(failed.destinationName).toBe('Stängd port');
    const completed = (await call<{ items: Summary[] }>('log.list', {})).items.filter((i) => i.outcome === 'completed');
    expect(completed).toContainEqual(
      expect.objectContaining({ destinationName: 'Lokal testserver', programType: 'storytime', startedIn: 'app' }),
    );
    expect(completed).toContainEqual(expect.objectContaining({ destinationName: 'Bibliotekets YouTube' }));
    await call('golive.dismiss');
  });

  it('notices a stream started and stopped in OBS directly', async () => {
    await withRawObs(obs.address, obs.password, async (raw) => {
      await raw.call('SetStreamServiceSettings', {
        streamServiceType: 'rtmp_custom',
        streamServiceSettings: { server: ingest.server, key: 'direct' },
      });
      await raw.call('StartStream');
    });
    await waitFor(() => golive?.phase === 'live' && golive.broadcast?.origin === 'obs', {
      timeoutMs: scaled(20_000),
      message: 'noticed live',
    });
    await withRawObs(obs.address, obs.password, (raw) => raw.call('StopStream'));
    await waitFor(() => golive?.phase === 'ended', { timeoutMs: scaled(20_000), message: 'noticed offline' });
    expect(golive?.broadcast?.endedBy).toBe('obs');
    // The log says where it began: no title or checklist came from the app.
    const [latest] = (await call<{ items: Array<{ id: string; title: string; startedIn: string }> }>('log.list', {}))
      .items;
    expect(latest).toMatchObject({ title: '', startedIn: 'obs' });
    expect(golive?.broadcast?.logEntryId).toBe(latest!.id);
  });

  it('never shows the key in a result, an event, a log line or a file the app wrote (but the secret store)', async () => {
    const exports = [await call('log.exportCsv', {}), await call('log.exportJson', {})];
    expect(JSON.stringify(exports)).not.toContain(KEY);
    expect(results.join('\n')).not.toContain(KEY);
    expect(events.join('\n')).not.toContain(KEY);
    expect(logLines.join('\n')).not.toContain(KEY);
    const files = listFiles(data.path);
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      if (file.endsWith('secrets.json')) {
        expect(statSync(file).mode & 0o077).toBe(0);
        continue;
      }
      expect(readFileSync(file, 'utf8'), file).not.toContain(KEY);
    }
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** "keyint: N" lines the x264 encoder wrote to OBS's log, oldest first; null while there are none. */
function obsLogKeyints(home: string): number[] | null {
  const dir = join(home, '.config', 'obs-studio', 'logs');
  const values = readdirSync(dir)
    .sort()
    .flatMap((file) =>
      [...readFileSync(join(dir, file), 'utf8').matchAll(/\bkeyint:\s+(\d+)/g)].map((m) => Number(m[1])),
    );
  return values.length > 0 ? values : null;
}
