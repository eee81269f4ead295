import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BroadcastLogStore } from '../../../src/core/broadcast-log/broadcast-log-store';
import { BroadcastRecorder, type RecorderObs } from '../../../src/core/broadcast-log/broadcast-recorder';
import type { ObsState } from '../../../src/shared/obs-state';
import { ok } from '../../../src/shared/result';
import { FakeObsController } from '../../support/fake-obs-controller';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';

/** The OBS controller faked: the test sets its stream state; GetStreamStatus answers from it. */
class FakeObs extends FakeObsController {
  streamStartedAt = Date.now();
  bytes = 0;
  constructor() {
    super({ connected: true });
    this.answer((type) => {
      this.bytes += 250_000;
      if (type === 'GetStats') return ok({ outputSkippedFrames: 1, outputTotalFrames: 100 });
      return ok({
        outputActive: this.state.stream.active,
        outputReconnecting: this.state.stream.state === 'reconnecting',
        outputDuration: Date.now() - this.streamStartedAt,
        outputBytes: this.bytes,
        outputSkippedFrames: 2,
        outputTotalFrames: 100,
        outputCongestion: 0.1,
        outputTimecode: '',
      });
    });
  }
  stream(state: ObsState['stream']['state']) {
    if (state === 'live' && !this.state.stream.active) this.streamStartedAt = Date.now();
    this.set({ stream: { active: state !== 'offline', state } });
  }
}

describe('the broadcast recorder (OBS faked)', () => {
  const temp = makeTempDir('bibblan-recorder-');
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  afterAll(() => temp.remove());

  const setup = (obs = new FakeObs(), dir = `${temp.path}/${Math.random()}`) => {
    const { store } = BroadcastLogStore.open(dir, { sampleFlushMs: 50 });
    const recorder = new BroadcastRecorder(store, obs as unknown as RecorderObs, { sampleMs: 30 });
    recorder.start();
    cleanups.push(async () => {
      await recorder.stop();
      await store.close();
    });
    return { obs, store, recorder, dir };
  };

  it('records a stop OBS did not pass through "stopping" as ended by OBS or the network', async () => {
    const { obs, store } = setup();
    obs.stream('starting');
    obs.stream('live');
    await waitFor(() => store.entries()[0]?.outcome === null, { message: 'live entry' });
    obs.stream('reconnecting');
    obs.stream('live');
    obs.stream('reconnecting');
    obs.stream('offline');
    expect(store.entries()[0]!.outcome).toBe('ended-by-obs-or-network');
    expect(store.entries()[0]!.health.reconnects).toBe(2);
  });

  it("writes down a paired phone's switch and actions with its name, and keeps them through a snapshot", async () => {
    const { obs, store, recorder, dir } = setup();
    obs.set({ programScene: 'Startar snart' });
    obs.stream('live');
    const id = store.entries()[0]!.id;
    recorder.noteDeviceSwitch('Läsaren', 'Annas telefon');
    recorder.noteAppSwitch('Läsaren'); // the live service's own note, right after: keeps the name
    obs.set({ programScene: 'Läsaren' });
    recorder.noteAppSwitch('Boken'); // the computer's own click
    obs.set({ programScene: 'Boken' });
    recorder.noteDeviceAction('Annas telefon', 'mic-off', 'Mikrofon');
    recorder.noteDeviceAction('Annas telefon', 'privacy-on');
    const entry = store.get(id)!;
    expect(entry.timeline.slice(1).map((s) => [s.scene, s.source, s.device])).toEqual([
      ['Läsaren', 'app', 'Annas telefon'],
      ['Boken', 'app', undefined],
    ]);
    expect(entry.remoteActions.map((a) => [a.device, a.action, a.target])).toEqual([
      ['Annas telefon', 'mic-off', 'Mikrofon'],
      ['Annas telefon', 'privacy-on', undefined],
    ]);
    obs.stream('stopping');
    obs.stream('offline');
    await store.compact();
    await recorder.stop();
    await store.close();
    const { store: again } = BroadcastLogStore.open(dir);
    cleanups.push(() => again.close());
    const reread = again.get(id)!;
    expect(reread.timeline.map((s) => s.device ?? null)).toEqual([null, 'Annas telefon', null]);
    expect(reread.remoteActions).toHaveLength(2);
  });

  it('records a start that never went live as failed to start', () => {
    const { obs, store } = setup();
    obs.stream('starting');
    obs.stream('offline');
    expect(store.entries().map((e) => e.outcome)).toEqual(['failed-to-start']);
  });

  it('puts what the go-live flow knows into the entry, never a key', async () => {
    const { obs, store, recorder } = setup();
    recorder.beginBroadcast({
      title: 'Sagostund',
      programType: 'sagostund',
      destination: { name: 'Bibliotekets YouTube', platform: 'youtube' },
      rehearsal: true,
      books: [{ title: 'Pippi', creditLineSaid: true, archiveAllowed: true, reportRequired: false }],
    });
    obs.stream('live');
    const entry = store.entries()[0]!;
    expect(entry).toMatchObject({ title: 'Sagostund', rehearsal: true, destination: { platform: 'youtube' } });
    await waitFor(() => store.samples.read(entry.id).length >= 3, { message: 'samples' });
    obs.stream('stopping');
    obs.stream('offline');
    const done = store.get(entry.id)!;
    expect(done.outcome).toBe('completed');
    expect(done.health).toMatchObject({ droppedPct: 2, skippedPct: 1, worstCongestion: 0.1 });
  });

  it("writes the after-broadcast list's dates into the entry, keeping a book's own date and a done caption", () => {
    const { obs, store, recorder } = setup();
    recorder.beginBroadcast({
      title: 'Sagostund',
      books: [
        { title: 'Gruffalon', creditLineSaid: true, archiveAllowed: null, reportRequired: true },
        { title: 'Pippi', creditLineSaid: true, archiveAllowed: null, reportRequired: false, deleteBy: '2027-01-31' },
      ],
    });
    obs.stream('live');
    const id = recorder.liveEntryId!;
    obs.stream('offline');
    recorder.recordAfterPlan(id, { captionsDue: '2026-12-16', deleteBy: '2026-12-24' });
    let entry = store.get(id)!;
    expect(entry.captionsDue).toBe('2026-12-16');
    expect(entry.books.map((b) => b.deleteBy)).toEqual(['2026-12-24', '2027-01-31']);
    // Changed in the list: its own earlier date is replaced, the book's own stays.
    recorder.recordAfterPlan(id, { captionsDue: null, deleteBy: '2026-12-31' });
    entry = store.get(id)!;
    expect(entry.captionsDue).toBeUndefined();
    expect(entry.books.map((b) => b.deleteBy)).toEqual(['2026-12-31', '2027-01-31']);
    // Captions already done: the list does not bring the to-do back.
    store.patch(id, { captionsDoneOn: '2026-12-03' }, true);
    recorder.recordAfterPlan(id, { captionsDue: '2026-12-16', deleteBy: null });
    entry = store.get(id)!;
    expect(entry.captionsDue).toBeUndefined();
    expect(entry.books.map((b) => b.deleteBy)).toEqual([undefined, '2027-01-31']);
  });

  it('drops the details of a start the go-live flow gave up on, unless OBS is still starting it', () => {
    const { obs, store, recorder } = setup();
    recorder.beginBroadcast({ programType: 'sagostund', rehearsal: true });
    recorder.abandonBroadcast();
    obs.stream('live'); // later started directly in OBS: not the rehearsal
    expect(store.entries()[0]).toMatchObject({ rehearsal: false });
    expect(store.entries()[0]!.programType).toBeUndefined();
    obs.stream('offline');

    recorder.beginBroadcast({ programType: 'sagostund', destination: { name: 'Stängd port', platform: 'custom' } });
    obs.stream('starting');
    recorder.abandonBroadcast(); // OBS reports the failed start itself, with the details
    obs.stream('offline');
    expect(store.entries().find((e) => e.outcome === 'failed-to-start')).toMatchObject({
      programType: 'sagostund',
      destination: { name: 'Stängd port' },
    });
  });

  it('on a new start: re-attaches when OBS streams the same stream, closes as interrupted when it stopped meanwhile', async () => {
    const first = setup();
    first.obs.stream('live');
    const id = first.store.entries()[0]!.id;
    await waitFor(() => first.store.samples.read(id).length >= 2, { message: 'samples' });
    await cleanups.pop()!(); // the app closes while OBS streams on

    const again = setup(first.obs, first.dir);
    again.obs.connection('reconnecting');
    again.obs.connection('connected');
    await waitFor(() => again.recorder.liveEntryId === id, { message: 're-attached' });
    expect(again.store.size).toBe(1);
    await cleanups.pop()!();

    first.obs.stream('offline'); // the stream ends while the app is closed
    const third = setup(first.obs, first.dir);
    await waitFor(() => third.store.get(id)?.outcome === 'interrupted', { message: 'closed as interrupted' });
    expect(third.store.get(id)!.end).not.toBeNull();
  });

  it('closes an entry left open as interrupted when OBS is not reached in time, and re-opens it if OBS turns up streaming it', async () => {
    const obs = new FakeObs();
    const first = setup(obs);
    obs.stream('live');
    const id = first.store.entries()[0]!.id;
    await waitFor(() => first.store.samples.read(id).length >= 1, { message: 'a sample' });
    await cleanups.pop()!();

    obs.connection('reconnecting'); // OBS out of reach at the next start
    const { store } = BroadcastLogStore.open(first.dir, { sampleFlushMs: 50 });
    const recorder = new BroadcastRecorder(store, obs as unknown as RecorderObs, { sampleMs: 30, orphanGraceMs: 50 });
    cleanups.push(async () => {
      await recorder.stop();
      await store.close();
    });
    recorder.start();
    await waitFor(() => store.get(id)?.outcome === 'interrupted', { message: 'orphan closed' });
    obs.connection('connected'); // OBS is back, still streaming the same stream
    await waitFor(() => store.get(id)?.outcome === null && recorder.liveEntryId === id, { message: 're-opened' });
  });
});
