import { randomBytes } from 'node:crypto';
import {
  emptyHealth,
  LOG_SCHEMA_VERSION,
  type Entry,
  type HealthSummary,
  type Outcome,
  type RemoteActionKind,
  type SwitchSource,
} from '../../shared/broadcast-log/entry-schema';
import { LOG_LIMITS } from '../../shared/broadcast-log/limits';
import { addSampleToSummary, summarize } from '../../shared/broadcast-log/health';
import type { ObsState } from '../../shared/obs-state';
import { fail, ok, type Result } from '../../shared/result';
import type { ObsController } from '../obs/obs-controller';
import { silentLogger, type Logger } from '../ports';
import type { BroadcastLogStore } from './broadcast-log-store';
import { BroadcastMetaSchema, type AfterDuties, type BroadcastMeta, type BroadcastMetaInput } from './broadcast-meta';
import { describeIssues } from '../validation-details';
import { appError } from '../../shared/errors';
import { readStream, sampleFrom, type StreamReading } from './health-sampler';

export type RecorderObs = Pick<ObsController, 'state' | 'onState' | 'call'>;

export interface RecorderOptions {
  logger?: Logger;
  /** Health sample interval; default 2000 ms. */
  sampleMs?: number;
  /** The health summary in the entry is refreshed every this many samples (the samples themselves always). */
  summaryEvery?: number;
  onChanged?: (ids: string[]) => void;
  /** A stream's entry was opened (the go-live flow links its broadcast to it). */
  onEntryOpened?: (id: string) => void;
  /**
   * An entry left open by a previous run is closed as interrupted if OBS is not reached within
   * this long (default 30 s), so it does not show as live forever; should OBS turn up later
   * still streaming the same stream, the entry is re-opened (see `#attach`).
   */
  orphanGraceMs?: number;
}

/** A stream found running on connect is the open entry's if their starts differ by less than this. */
const SAME_STREAM_TOLERANCE_MS = 30_000;
/** A scene switch asked for through the app counts as the app's if OBS reports it within this. */
const APP_SWITCH_WINDOW_MS = 10_000;

/**
 * Writes every broadcast into the log as OBS reports it: an entry when the stream starts, each
 * program-scene switch, health every ~2 s, and the end with its outcome. It notices streams
 * started anywhere (the app, OBS itself, another remote), and re-attaches after the app or its
 * link to OBS was gone: see `#attach`.
 */
export class BroadcastRecorder {
  readonly #store: BroadcastLogStore;
  readonly #obs: RecorderObs;
  readonly #logger: Logger;
  readonly #sampleMs: number;
  readonly #summaryEvery: number;
  readonly #onChanged: (ids: string[]) => void;
  readonly #onEntryOpened: (id: string) => void;
  #prev: ObsState | null = null;
  #liveId: string | null = null;
  #sawStopping = false;
  #sawStarting = false;
  #pendingMeta: BroadcastMeta | null = null;
  /** The delete-by date the after-broadcast list last wrote, per entry (see recordAfterPlan). */
  readonly #afterDeleteBy = new Map<string, string | undefined>();
  #appSwitch: { scene: string; atMs: number; device?: string } | null = null;
  #timer: NodeJS.Timeout | null = null;
  #lastReading: StreamReading | null = null;
  #summary: HealthSummary = emptyHealth();
  #wasReconnecting = false;
  #samplesSinceSummary = 0;
  #attaching = false;
  #unsubscribe: (() => void) | null = null;
  readonly #orphanGraceMs: number;
  #orphanTimer: NodeJS.Timeout | null = null;

  constructor(store: BroadcastLogStore, obs: RecorderObs, options: RecorderOptions = {}) {
    this.#store = store;
    this.#obs = obs;
    this.#logger = options.logger ?? silentLogger;
    this.#sampleMs = options.sampleMs ?? 2_000;
    this.#summaryEvery = options.summaryEvery ?? 5;
    this.#onChanged = options.onChanged ?? (() => {});
    this.#onEntryOpened = options.onEntryOpened ?? (() => {});
    this.#orphanGraceMs = options.orphanGraceMs ?? 30_000;
  }

  get liveEntryId(): string | null {
    return this.#liveId;
  }

  start(): void {
    this.#unsubscribe ??= this.#obs.onState((state) => this.#onState(state));
    this.#onState(this.#obs.state);
    this.#orphanTimer = setTimeout(() => this.#closeOrphan(), this.#orphanGraceMs);
    this.#orphanTimer.unref();
  }

  #closeOrphan(): void {
    this.#orphanTimer = null;
    if (this.#liveId || this.#attaching || this.#obs.state.connection.status === 'connected') return;
    const latest = this.#store.newest();
    if (latest?.outcome === null) this.#closeEntry(latest, 'interrupted', this.#lastKnownMs(latest));
  }

  /**
   * Leaves an open entry open: OBS may stream on after the app closes, and the next start
   * re-attaches to it (or closes it as interrupted). Pending samples are written first.
   */
  async stop(): Promise<void> {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    if (this.#orphanTimer) clearTimeout(this.#orphanTimer);
    this.#orphanTimer = null;
    this.#stopSampling();
    if (this.#liveId) this.#writeSummary(this.#liveId, true);
    await this.#store.samples.flush();
  }

  /** Details from the go-live flow: applied to the stream now live, or to the next one that starts. */
  beginBroadcast(input: BroadcastMetaInput): Result<null> {
    const parsed = BroadcastMetaSchema.safeParse(input);
    if (!parsed.success) return fail(appError('VALIDATION_FAILED', { details: describeIssues(parsed.error) }));
    const meta = parsed.data;
    if (this.#liveId) {
      // OBS reported the stream before the hand-off arrived: it is still the app's broadcast.
      const applied = this.#store.patch(this.#liveId, { ...metaFields(meta), startedIn: 'app' }, true);
      if (!applied.ok) return applied;
      this.#onChanged([this.#liveId]);
    } else {
      this.#pendingMeta = meta;
    }
    return ok(null);
  }

  /**
   * The go-live flow gave up before OBS took the stream (a request failed, or the start
   * deadline passed): its details must not wait for the next stream, which would then carry
   * this program's type, checklist and rehearsal mark. While OBS is still starting, the
   * failed start it is about to report keeps them.
   */
  abandonBroadcast(): void {
    if (this.#liveId || this.#sawStarting || this.#obs.state.stream.state === 'starting') return;
    this.#pendingMeta = null;
  }

  /** Called just before the app asks OBS to switch, so the switch is logged as the app's. */
  /**
   * The after-broadcast choices, written into the stream's entry so its to-dos remind staff
   * after "Klar": captions due when the video stays online, and the recording's delete-by date
   * on every book without a date of its own (a date set here earlier is replaced).
   */
  recordAfterPlan(entryId: string, duties: AfterDuties): void {
    const entry = this.#store.get(entryId);
    if (!entry) return;
    const earlier = this.#afterDeleteBy.get(entryId);
    const books = entry.books.map((book) =>
      book.deleteBy === undefined || book.deleteBy === earlier
        ? { ...book, deleteBy: duties.deleteBy ?? undefined }
        : book,
    );
    const set: Partial<Entry> = { books };
    if (!entry.captionsDoneOn) set.captionsDue = duties.captionsDue ?? undefined;
    const written = this.#store.patch(entryId, set, true);
    if (!written.ok) {
      this.#logger.warn('Could not write the after-broadcast choices to the log', { error: written.error.code });
      return;
    }
    this.#afterDeleteBy.set(entryId, duties.deleteBy ?? undefined);
    this.#onChanged([entryId]);
  }

  noteAppSwitch(sceneName: string): void {
    // A phone's switch is noted first (noteDeviceSwitch); the app's own note that follows keeps its name.
    const prev = this.#appSwitch;
    const device = prev?.scene === sceneName && Date.now() - prev.atMs < 1_000 ? prev.device : undefined;
    this.#appSwitch = { scene: sceneName, atMs: Date.now(), ...(device !== undefined ? { device } : {}) };
  }

  /** A paired phone or tablet is about to switch to `sceneName`: the switch is logged with its name. */
  noteDeviceSwitch(sceneName: string, device: string): void {
    this.#appSwitch = { scene: sceneName, atMs: Date.now(), device };
  }

  /** What a paired phone or tablet did, written into the broadcast that is on air (if one is). */
  noteDeviceAction(device: string, action: RemoteActionKind, target?: string): void {
    const id = this.#liveId;
    const entry = id ? this.#store.get(id) : undefined;
    if (!id || !entry) return;
    // An entry from a snapshot written before remote actions existed has none yet.
    const done = Array.isArray(entry.remoteActions) ? entry.remoteActions : [];
    if (done.length >= LOG_LIMITS.remoteActions) return;
    const note = { at: new Date().toISOString(), device, action, ...(target !== undefined ? { target } : {}) };
    const written = this.#store.patch(id, { remoteActions: [...done, note] });
    if (written.ok) this.#onChanged([id]);
  }

  // ---- OBS state --------------------------------------------------------------------------

  #onState(state: ObsState): void {
    const prev = this.#prev;
    this.#prev = state;
    const connected = state.connection.status === 'connected';
    const wasConnected = prev?.connection.status === 'connected';
    if (!connected) {
      if (wasConnected && this.#liveId) this.#closeLive('interrupted', Date.now());
      this.#stopSampling();
      return;
    }
    if (!wasConnected) {
      void this.#attach();
      return;
    }
    if (this.#attaching || !prev) return;
    this.#onStreamChange(prev, state);
    if (this.#liveId && state.programScene && state.programScene !== prev.programScene) {
      this.#logSwitch(this.#liveId, state.programScene);
    }
  }

  #onStreamChange(prev: ObsState, state: ObsState): void {
    const before = prev.stream.state;
    const now = state.stream.state;
    if (before === now) return;
    if (now === 'starting') this.#sawStarting = true;
    if (now === 'stopping') this.#sawStopping = true;
    if (now === 'reconnecting' && this.#liveId && !this.#wasReconnecting) {
      // OBS's event is surer than a sample: a reconnect under 2 s falls between samples.
      this.#summary = { ...this.#summary, reconnects: this.#summary.reconnects + 1 };
      this.#wasReconnecting = true;
    }
    if (now === 'live') this.#wasReconnecting = false;
    if ((now === 'live' || now === 'reconnecting') && !this.#liveId) {
      this.#openEntry(Date.now(), state.programScene);
    } else if (now === 'offline') {
      if (this.#liveId) {
        // A stop someone asked for passes through "stopping"; OBS giving up (network) does not.
        this.#closeLive(this.#sawStopping ? 'completed' : 'ended-by-obs-or-network', Date.now());
      } else if (this.#sawStarting) {
        this.#recordFailedStart();
      }
      this.#sawStarting = false;
      this.#sawStopping = false;
    }
  }

  /**
   * On every (re)connect: the open entry (left by a crash, a closed app or a lost link) is
   * re-attached when OBS is still streaming the same stream, or closed as interrupted at the
   * last time it was known to be live. A stream with no entry gets one.
   */
  async #attach(): Promise<void> {
    if (this.#attaching) return;
    this.#attaching = true;
    try {
      const candidate = this.#liveId ? this.#store.get(this.#liveId) : this.#findOpenOrRecentlyInterrupted();
      const streaming = this.#obs.state.stream.active;
      let startedMs: number | null = null;
      if (streaming) {
        const status = await this.#obs.call('GetStreamStatus');
        if (status.ok && status.value.outputActive) startedMs = Date.now() - status.value.outputDuration;
      }
      if (
        candidate &&
        startedMs !== null &&
        Math.abs(Date.parse(candidate.actualStart) - startedMs) < SAME_STREAM_TOLERANCE_MS
      ) {
        this.#reattach(candidate);
      } else {
        if (candidate && candidate.outcome === null)
          this.#closeEntry(candidate, 'interrupted', this.#lastKnownMs(candidate));
        this.#liveId = null;
        if (startedMs !== null) this.#openEntry(startedMs, this.#obs.state.programScene);
      }
    } catch (error) {
      this.#logger.error('Re-attaching the broadcast log failed', { error: String(error) });
    } finally {
      this.#attaching = false;
      this.#sawStarting = false;
      this.#sawStopping = false;
    }
    // What changed while attaching (the stream ended meanwhile, say) is handled now.
    const state = this.#obs.state;
    if (state.connection.status === 'connected' && this.#liveId && !state.stream.active) {
      this.#closeLive('ended-by-obs-or-network', Date.now());
    }
  }

  #findOpenOrRecentlyInterrupted(): Entry | undefined {
    // Newest first: an app that starts again only ever re-attaches to the latest broadcast.
    const latest = this.#store.newest();
    return latest && (latest.outcome === null || latest.outcome === 'interrupted') ? latest : undefined;
  }

  #reattach(entry: Entry): void {
    this.#liveId = entry.id;
    const samples = this.#store.samples.read(entry.id);
    this.#summary = samples.length > 0 ? summarize(samples) : entry.health;
    this.#lastReading = null;
    if (entry.outcome !== null) {
      this.#store.patch(entry.id, { outcome: null, end: null, durationSec: null }, true);
    }
    this.#logger.info('Re-attached to the broadcast still running in OBS', { id: entry.id });
    const scene = this.#obs.state.programScene;
    const last = entry.timeline.at(-1)?.scene;
    if (scene && scene !== last) this.#logSwitch(entry.id, scene, 'obs');
    this.#startSampling();
    this.#onChanged([entry.id]);
    this.#onEntryOpened(entry.id);
  }

  // ---- entries ----------------------------------------------------------------------------

  #openEntry(startMs: number, programScene: string | null): void {
    // No details from the go-live flow: someone pressed Start Streaming in OBS itself.
    const startedIn = this.#pendingMeta ? 'app' : 'obs';
    const meta = this.#pendingMeta ?? {};
    this.#pendingMeta = null;
    const start = new Date(startMs).toISOString();
    const entry: Entry = {
      schemaVersion: LOG_SCHEMA_VERSION,
      id: newEntryId(startMs),
      title: '',
      actualStart: start,
      end: null,
      durationSec: null,
      outcome: null,
      rehearsal: false,
      startedIn,
      // The scene on air when the stream started opens the timeline.
      timeline: programScene ? [{ at: start, scene: programScene, source: 'obs' }] : [],
      remoteActions: [],
      health: emptyHealth(),
      checklist: [],
      roles: [],
      notes: '',
      videoUrl: '',
      books: [],
      updatedAt: new Date().toISOString(),
      ...metaFields(meta),
    };
    const written = this.#store.put(entry, true);
    if (!written.ok) {
      this.#logger.error('Could not write the new broadcast to the log', { error: written.error.code });
      return;
    }
    this.#liveId = entry.id;
    this.#summary = emptyHealth();
    this.#lastReading = null;
    this.#wasReconnecting = false;
    this.#startSampling();
    this.#onChanged([entry.id]);
  }

  #recordFailedStart(): void {
    const meta = this.#pendingMeta ?? {};
    this.#pendingMeta = null;
    const now = new Date().toISOString();
    const entry: Entry = {
      schemaVersion: LOG_SCHEMA_VERSION,
      id: newEntryId(Date.now()),
      title: '',
      actualStart: now,
      end: now,
      durationSec: 0,
      outcome: 'failed-to-start',
      rehearsal: false,
      startedIn: 'app',
      timeline: [],
      remoteActions: [],
      health: emptyHealth(),
      checklist: [],
      roles: [],
      notes: '',
      videoUrl: '',
      books: [],
      updatedAt: now,
      ...metaFields(meta),
    };
    if (this.#store.put(entry, true).ok) this.#onChanged([entry.id]);
  }

  #closeLive(outcome: Outcome, endMs: number): void {
    const id = this.#liveId;
    this.#stopSampling();
    this.#liveId = null;
    const entry = id ? this.#store.get(id) : undefined;
    if (entry) this.#closeEntry(entry, outcome, endMs, this.#summary.reconnects);
  }

  #closeEntry(entry: Entry, outcome: Outcome, endMs: number, reconnectsSeen = 0): void {
    const samples = this.#store.samples.read(entry.id);
    const fromSamples = samples.length > 0 ? summarize(samples) : entry.health;
    const health = {
      ...fromSamples,
      reconnects: Math.max(fromSamples.reconnects, reconnectsSeen, entry.health.reconnects),
    };
    const startMs = Date.parse(entry.actualStart);
    const end = Math.max(endMs, startMs);
    const closed = this.#store.patch(
      entry.id,
      { end: new Date(end).toISOString(), durationSec: Math.round((end - startMs) / 1000), outcome, health },
      true,
    );
    void this.#store.samples.flush();
    if (!closed.ok) this.#logger.error('Could not close the broadcast in the log', { error: closed.error.code });
    else this.#onChanged([entry.id]);
  }

  /** The last moment the entry was known live: its latest sample, or its start. */
  #lastKnownMs(entry: Entry): number {
    const samples = this.#store.samples.read(entry.id);
    const times = [
      Date.parse(entry.actualStart),
      Date.parse(samples.at(-1)?.at ?? ''),
      Date.parse(entry.health.lastSeenAt ?? ''),
    ];
    return Math.max(...times.filter((t) => Number.isFinite(t)));
  }

  #logSwitch(id: string, scene: string, forced?: SwitchSource): void {
    const app = this.#appSwitch;
    const fromApp = app !== null && app.scene === scene && Date.now() - app.atMs < APP_SWITCH_WINDOW_MS;
    if (fromApp) this.#appSwitch = null;
    // obs-websocket does not say which client switched: anything not asked for here is "obs".
    const source: SwitchSource = forced ?? (fromApp ? 'app' : 'obs');
    const device = fromApp ? app.device : undefined;
    const written = this.#store.addSwitch(id, {
      at: new Date().toISOString(),
      scene,
      source,
      ...(device !== undefined ? { device } : {}),
    });
    if (written.ok) this.#onChanged([id]);
  }

  // ---- health -----------------------------------------------------------------------------

  #startSampling(): void {
    this.#stopSampling();
    this.#samplesSinceSummary = 0;
    this.#timer = setInterval(() => void this.#sample(), this.#sampleMs);
  }

  #stopSampling(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  async #sample(): Promise<void> {
    const id = this.#liveId;
    if (!id) return;
    const reading = await readStream(this.#obs);
    if (!reading?.active || id !== this.#liveId) return;
    const sample = sampleFrom(reading, this.#lastReading);
    this.#lastReading = reading;
    this.#store.samples.append(id, sample);
    this.#summary = addSampleToSummary(this.#summary, sample, sample.reconnecting && !this.#wasReconnecting);
    this.#wasReconnecting = sample.reconnecting;
    this.#samplesSinceSummary += 1;
    if (this.#samplesSinceSummary >= this.#summaryEvery) this.#writeSummary(id, false);
  }

  #writeSummary(id: string, durable: boolean): void {
    this.#samplesSinceSummary = 0;
    if (this.#summary.samples === 0) return;
    if (this.#store.patch(id, { health: this.#summary }, durable).ok) this.#onChanged([id]);
  }
}

function metaFields(meta: BroadcastMeta): Partial<Entry> {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as Partial<Entry>;
}

/** Sortable and readable: 20261129-100512-1a2b3c4d. */
export function newEntryId(atMs: number): string {
  const stamp = new Date(atMs).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}
