import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../src/core/app-core';
import { MemoryDocumentStore } from '../../../src/core/settings/memory-document-store';
import type { ChecklistStatus } from '../../../src/shared/checklist/checklist-schema';
import type { EntrySummary } from '../../../src/shared/broadcast-log/log-query';
import type { GoLiveState } from '../../../src/shared/golive/golive-state';
import type { ObsState } from '../../../src/shared/obs-state';
import type { Result } from '../../../src/shared/result';
import { MemorySecretStore } from '../../support/memory-secret-store';
import { startObs, withRawObs, type RunningObs } from '../../support/obs-studio';
import { startRtmpIngest, type RtmpIngest } from '../../support/rtmp-ingest';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';
import { scaled } from '../../support/timeouts';

/**
 * A rehearsal that only records (no destination) against a real OBS: OBS records and streams
 * nothing, the state says rehearsal, End stops the recording and shows the after-broadcast
 * list. Then an End that OBS cannot confirm, because OBS is frozen (SIGSTOP) the moment it is
 * asked: the state says so and End can be pressed again; once OBS runs again it settles as
 * ended by the app. Last, a recording folder that does not exist: refused before OBS is asked.
 * OBS's own state is read by a separate raw client, never the app's mirror.
 */
const STOP_DEADLINE_MS = 3_000;

describe('record-only rehearsal with real OBS', () => {
  let obs: RunningObs;
  let ingest: RtmpIngest;
  let core: AppCore;
  const data = makeTempDir('bibblan-rehearsal-');
  let golive: GoLiveState | null = null;
  let checklist: ChecklistStatus | null = null;
  /** Every stream state the app's mirror reported: a record-only rehearsal must never stream. */
  const streamStates = new Set<string>();

  async function call<T>(name: string, params?: unknown): Promise<T> {
    const result = (await core.handle(name, params)) as Result<T>;
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  }
  const obsStatus = () =>
    withRawObs(obs.address, obs.password, async (raw) => ({
      record: (await raw.call('GetRecordStatus')).outputActive,
      stream: (await raw.call('GetStreamStatus')).outputActive,
    }));
  const logItems = async () => (await call<{ items: EntrySummary[] }>('log.list', {})).items;

  beforeAll(async () => {
    [obs, ingest] = await Promise.all([startObs(), startRtmpIngest()]);
    core = createAppCore({
      settings: new MemoryDocumentStore(),
      secrets: new MemorySecretStore(),
      version: 'test',
      logDir: join(data.path, 'broadcast-log'),
      goLive: { stopDeadlineMs: STOP_DEADLINE_MS, checklistRefreshMs: 1_000 },
    });
    core.subscribe((name, payload) => {
      if (name === 'golive.state') golive = payload as GoLiveState;
      if (name === 'checklist.changed') checklist = payload as ChecklistStatus;
      if (name === 'obs.state') streamStates.add((payload as ObsState).stream.state);
    });
    core.start();
    await call('settings.saveConnection', { address: obs.address, password: { action: 'set', value: obs.password } });
    await waitFor(() => checklist?.auto.find((a) => a.id === 'obsConnected')?.status === 'pass', {
      timeoutMs: scaled(20_000),
      message: 'OBS connected',
    });
    checklist = await call<ChecklistStatus>('checklist.updateSession', {
      destinationId: null,
      rehearsal: true,
      record: true,
    });
  });

  afterEach(() => {
    // Whatever a failed test left: a frozen OBS would stall every later test and the teardown.
    obs?.resume();
  });

  afterAll(async () => {
    await core?.stop();
    await Promise.all([obs?.stop(), ingest?.stop()]);
    data.remove();
  });

  it('starts a rehearsal that records in OBS, streams nothing and is marked as a rehearsal', async () => {
    expect(checklist?.session).toMatchObject({ destinationId: null, rehearsal: true, record: true });
    const started = await call<GoLiveState>('golive.start', { overrideReason: 'Repetition utan mikrofon' });
    // OBS may report the recording started before its answer to StartRecord arrives: then the
    // answer already finds the rehearsal live.
    expect(['starting', 'live']).toContain(started.phase);
    await waitFor(() => golive?.phase === 'live', { timeoutMs: scaled(20_000), message: 'rehearsal live' });
    expect(golive?.broadcast).toMatchObject({
      origin: 'app',
      rehearsal: true,
      streaming: false,
      recording: true,
      destinationId: null,
      destinationName: null,
      overrideReason: 'Repetition utan mikrofon',
    });
    expect(golive?.broadcast?.liveAt).toBeGreaterThan(0);
    expect(await obsStatus()).toEqual({ record: true, stream: false });
  });

  it('ends the rehearsal: OBS stops recording, and the after-broadcast list appears', async () => {
    await call('golive.end', {});
    await waitFor(() => golive?.phase === 'ended', { timeoutMs: scaled(20_000), message: 'rehearsal ended' });
    expect(golive?.broadcast).toMatchObject({ rehearsal: true, streaming: false, endedBy: 'app' });
    expect(golive?.error).toBeNull();
    // A rehearsal leaves the recording to delete, and no publisher reports or captions.
    expect(golive?.after.map((a) => a.kind)).toEqual(['deleteRecording']);
    // OBS sends RecordStateChanged STOPPED a moment before GetRecordStatus says inactive.
    await waitFor(async () => !(await obsStatus()).record, {
      timeoutMs: scaled(10_000),
      message: 'OBS says the recording is off',
    });
    expect(await obsStatus()).toEqual({ record: false, stream: false });
    // Not once did the mirror see OBS stream.
    expect([...streamStates]).toEqual(['offline']);
    // The broadcast log follows streams: a recording alone writes no entry.
    expect(await logItems()).toEqual([]);
    await call('golive.dismiss');
  });

  it("does not lend the rehearsal's details to the next stream in the broadcast log", async () => {
    await withRawObs(obs.address, obs.password, async (raw) => {
      await raw.call('SetStreamServiceSettings', {
        streamServiceType: 'rtmp_custom',
        streamServiceSettings: { server: ingest.server, key: 'direct' },
      });
      await raw.call('StartStream');
    });
    const [entry] = await waitFor(
      async () => {
        const items = await logItems();
        return items.length > 0 ? items : null;
      },
      { timeoutMs: scaled(20_000), message: 'an entry for the stream started in OBS' },
    );
    await waitFor(() => golive?.phase === 'live' && golive.broadcast?.origin === 'obs', {
      timeoutMs: scaled(20_000),
      message: 'noticed live',
    });
    await withRawObs(obs.address, obs.password, (raw) => raw.call('StopStream'));
    await waitFor(() => golive?.phase === 'ended', { timeoutMs: scaled(20_000), message: 'noticed offline' });
    await call('golive.dismiss');
    streamStates.clear();
    // The rehearsal's details (rehearsal, program type, checklist) were not kept for this stream.
    expect(entry).toMatchObject({ rehearsal: false });
    expect(entry?.programType).toBeUndefined();
  });

  it('says when OBS does not confirm the stop, keeps End available, and settles once OBS answers', async () => {
    await call('golive.start', { overrideReason: 'Repetition utan mikrofon' });
    await waitFor(() => golive?.phase === 'live', { timeoutMs: scaled(20_000), message: 'rehearsal live again' });
    expect(await obsStatus()).toEqual({ record: true, stream: false });

    // OBS freezes as it is asked to stop: the request waits unread in its socket.
    const askedAt = Date.now();
    const ending = core.handle('golive.end', {}) as Promise<Result<GoLiveState>>;
    obs.pause();
    expect(golive?.phase).toBe('ending');
    await waitFor(() => golive?.error?.code === 'GOLIVE_STOP_UNCONFIRMED', {
      timeoutMs: scaled(15_000),
      message: 'stop unconfirmed',
    });
    // The stop deadline said it (3 s), not the request timeout (5 s), even on a busy machine.
    expect(Date.now() - askedAt).toBeGreaterThanOrEqual(STOP_DEADLINE_MS - 50);
    expect(Date.now() - askedAt).toBeLessThan(5_000);
    // Still running as far as anyone knows: the End button is back, and the text names the recording.
    expect(golive).toMatchObject({
      phase: 'live',
      error: { code: 'GOLIVE_STOP_UNCONFIRMED', params: { recording: true } },
    });
    expect(golive?.broadcast?.endedAt).toBeNull();
    // The request's own answer changes nothing: the state already says what is known.
    expect((await ending).ok).toBe(true);
    expect(golive?.phase).toBe('live');

    obs.resume();
    // OBS reads the waiting StopRecord and stops: ended by the app, not "stopped in OBS".
    await waitFor(() => golive?.phase === 'ended', { timeoutMs: scaled(20_000), message: 'settled as ended' });
    expect(golive?.broadcast).toMatchObject({ rehearsal: true, endedBy: 'app' });
    expect(golive?.error).toBeNull();
    expect(golive?.after.map((a) => a.kind)).toEqual(['deleteRecording']);
    await waitFor(async () => !(await obsStatus()).record, {
      timeoutMs: scaled(10_000),
      message: 'OBS says the recording is off',
    });
    expect(await obsStatus()).toEqual({ record: false, stream: false });
    expect([...streamStates]).toEqual(['offline']);
  });
  it('refuses to rehearse into a recording folder that does not exist, naming the folder, and OBS records nothing', async () => {
    // OBS itself accepts StartRecord then, shows a dialog and never says the recording started.
    const missing = join(data.path, 'inspelningar-finns-inte');
    const setFolder = (folder: string) =>
      withRawObs(obs.address, obs.password, async (raw) => {
        for (const [parameterCategory, parameterName] of [
          ['SimpleOutput', 'FilePath'],
          ['AdvOut', 'RecFilePath'],
        ] as const) {
          await raw.call('SetProfileParameter', { parameterCategory, parameterName, parameterValue: folder });
        }
      });
    const before = await withRawObs(
      obs.address,
      obs.password,
      async (raw) => (await raw.call('GetRecordDirectory')).recordDirectory,
    );
    const diskCheck = () => checklist?.auto.find((a) => a.id === 'diskSpace');
    await setFolder(missing);
    try {
      await waitFor(() => diskCheck()?.reason === 'folderMissing', {
        timeoutMs: scaled(15_000),
        message: 'the checklist names the missing folder',
      });
      expect(diskCheck()).toMatchObject({ status: 'fail', params: { folder: missing } });
      const refused = (await core.handle('golive.start', { overrideReason: 'Repetition' })) as Result<GoLiveState>;
      expect(refused).toEqual({
        ok: false,
        error: { code: 'GOLIVE_RECORD_FAILED', params: { folder: missing, folderMissing: true } },
      });
      expect(golive).toMatchObject({ phase: 'failed', error: { code: 'GOLIVE_RECORD_FAILED' } });
      expect(await obsStatus()).toEqual({ record: false, stream: false });
      await call('golive.dismiss');
    } finally {
      await setFolder(before);
    }
    await waitFor(() => diskCheck()?.reason !== 'folderMissing', {
      timeoutMs: scaled(15_000),
      message: 'the folder is fine again',
    });
  });
});
