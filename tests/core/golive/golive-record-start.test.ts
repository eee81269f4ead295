import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChecklistService } from '../../../src/core/checklist/checklist-service';
import type { DestinationService } from '../../../src/core/destinations/destination-service';
import { GoLiveService } from '../../../src/core/golive/golive-service';
import { ok } from '../../../src/shared/result';
import { FakeObsController } from '../../support/fake-obs-controller';
import { waitFor } from '../../support/wait-for';

/**
 * A record-only rehearsal where OBS takes StartRecord and then never records: what OBS 29 to 32
 * do when they cannot (their own dialog, no RecordStateChanged). The app must say the recording
 * failed, not that "the stream to (nothing)" did not start. OBS is the FakeObsController here: the real OBS's
 * side is in golive-rehearsal.obs.test.ts.
 */
describe('starting a record-only rehearsal', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function service(recordDirectory: string, address = 'ws://127.0.0.1:4455') {
    const obs = new FakeObsController({
      address,
      connected: true,
      answer: (name) => ok(name === 'GetRecordDirectory' ? { recordDirectory } : undefined),
    });
    const calls = obs.calls;
    const session = {
      programType: 'storytime',
      presetId: null,
      destinationId: null,
      record: true,
      rehearsal: true,
      ticks: {},
    };
    const checklist = {
      status: () => ({ ready: true, blocking: [], session, closingScene: null, auto: [], manual: [] }),
      sessionPreset: () => null,
    } as unknown as ChecklistService;
    const destinations = { get: () => null } as unknown as DestinationService;
    const logger = { info() {}, warn() {}, error() {} };
    const golive = new GoLiveService({ obs, destinations, checklist, logger, startDeadlineMs: 300 });
    golive.start();
    return { golive, calls };
  }

  it('says the recording did not start when OBS never reports it, and stops asking', async () => {
    const folder = mkdtempSync(join(os.tmpdir(), 'bibblan-rec-'));
    dirs.push(folder);
    const { golive, calls } = service(folder);
    const started = await golive.goLive(undefined);
    expect(started.ok).toBe(true);
    expect(calls).toEqual(['GetRecordDirectory', 'StartRecord']);
    await waitFor(() => golive.phase() === 'failed', { timeoutMs: 5_000, message: 'start deadline' });
    expect(golive.state.error).toEqual({ code: 'GOLIVE_RECORD_FAILED', params: { noStart: true } });
    // The recording it asked for is asked to stop, in case OBS starts it late.
    await waitFor(() => calls.includes('StopRecord'), { message: 'StopRecord sent' });
    golive.stop();
  });

  it('does not ask OBS to record into a folder that does not exist on this computer', async () => {
    const missing = join(os.tmpdir(), `bibblan-no-such-folder-${process.pid}`);
    const { golive, calls } = service(missing);
    const refused = await golive.goLive(undefined);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'GOLIVE_RECORD_FAILED', params: { folder: missing, folderMissing: true } },
    });
    expect(calls).toEqual(['GetRecordDirectory']);
    expect(golive.state).toMatchObject({ phase: 'failed', error: { code: 'GOLIVE_RECORD_FAILED' } });
    golive.stop();
  });

  it('leaves the folder to OBS when OBS runs on another computer', async () => {
    const { golive, calls } = service('/nowhere/on/this/computer', 'ws://192.0.2.10:4455');
    expect((await golive.goLive(undefined)).ok).toBe(true);
    expect(calls).toEqual(['StartRecord']);
    golive.stop();
  });
});
