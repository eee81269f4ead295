import type {
  AutoCheckId,
  ChecklistStatus,
  LocalizedText,
  ProgramType,
  Session,
} from '../../shared/checklist/checklist-schema';
import { camerasToCheck, evaluateChecklist, type ChecklistFacts } from '../../shared/checklist/evaluate';
import type { OutputFacts } from '../../shared/checklist/obs-output-facts';
import type { PresetEntry } from '../../shared/contract/presets';
import type { Destination } from '../../shared/destinations/destination-schema';
import { appError, type AppError } from '../../shared/errors';
import type { ObsState } from '../../shared/obs-state';
import { fail, ok, type Result } from '../../shared/result';
import type { DestinationService } from '../destinations/destination-service';
import type { ObsController } from '../obs/obs-controller';
import type { Ownership } from '../presets/ownership';
import type { DocumentStore, Logger } from '../ports';
import { runFix } from './checklist-fixes';
import { changeSession, tickSession, type SessionChange } from './checklist-session';
import { ChecklistStore } from './checklist-store';
import * as templates from './checklist-templates';
import { MicSignalTracker } from './mic-signal-tracker';
import { presetFacts, type ChecklistPresets } from './preset-facts';
import { readCameraPictures } from './read-camera-pictures';
import { ObsProfileFiles } from './read-obs-profile-files';
import { readOutputFacts } from './read-output-facts';

export type ChecklistObs = Pick<
  ObsController,
  'state' | 'onState' | 'call' | 'reconnectNow' | 'switchScene' | 'watchMeters'
>;

export interface ChecklistServiceOptions {
  /** How often OBS's output settings, free disk, cameras and the preset are read again while connected; default 10 s. */
  refreshMs?: number;
  /** The presets domain; without it the session cannot name a preset. */
  presets?: ChecklistPresets;
  /**
   * OBS's settings folder, read (never written) for the Advanced output mode's stream encoder
   * when OBS runs on this computer. Default: where OBS keeps it on this OS; null: never read.
   */
  obsConfigDir?: string | null;
}

/** How often time-based verdicts (the mic's last 10 s) are looked at again while meters flow. */
const SIGNAL_TICK_MS = 1_000;
/**
 * Comparing OBS with the preset reads every scene and OBS's device lists, which is slow on
 * some systems (DirectShow): done when something changed, else every third refresh.
 */
const PLAN_EVERY_REFRESHES = 3;
/** How long a mic test waits for sound before leaving the mic's scene on air for staff to decide. */
const MIC_TEST_MS = 60_000;

/**
 * The go-live checklist: templates, the session being prepared, and the automatic checks,
 * re-evaluated whenever OBS's mirror changes (connection, inputs, mute, scenes, outputs) and
 * every `refreshMs` for what OBS does not announce (output settings, free disk). What a
 * template edit, a session change and a fix-it button do is in checklist-templates.ts,
 * checklist-session.ts and checklist-fixes.ts; this class keeps the state and reads OBS.
 */
export class ChecklistService {
  readonly #store: ChecklistStore;
  readonly #obs: ChecklistObs;
  readonly #destinations: DestinationService;
  readonly #logger: Logger;
  readonly #refreshMs: number;
  readonly #listeners = new Set<(status: ChecklistStatus) => void>();
  readonly #presets: ChecklistPresets | null;
  readonly #mics = new MicSignalTracker();
  readonly #profileFiles: ObsProfileFiles | null;
  #facts: OutputFacts | null = null;
  #cameraPicture: Record<string, boolean> | null = null;
  /** Mutations a re-apply of the preset would send, from the last read of OBS. */
  #planned: { presetId: string; mutations: number } | null = null;
  #planDue = true;
  #destinationLookup: { id: string; destination: Destination | null } | null = null;
  #presetLookup: { presetId: string; found: { entry: PresetEntry; ownership: Ownership } | null } | null = null;
  #reading: Promise<ChecklistStatus> | null = null;
  #readAgain = false;
  #lastPlanAt = 0;
  /** Scene and input names last seen: a change makes the preset comparison due at once. */
  #namesSeen = '';
  #readError: AppError | null = null;
  #last = '';
  #timer: NodeJS.Timeout | null = null;
  #signalTimer: NodeJS.Timeout | null = null;
  #unwatchMeters: (() => void) | null = null;
  #unsubscribe: (() => void) | null = null;
  #wasConnected = false;
  /** Whether OBS was streaming when last seen connected: its end clears the ticks. */
  #wasStreaming: boolean | null = null;
  /** A mic test under way: the scene it showed, the starting scene to put back once heard, until when. */
  #micTest: { scene: string; back: string; from: string | null; until: number } | null = null;

  constructor(
    store: DocumentStore,
    obs: ChecklistObs,
    destinations: DestinationService,
    logger: Logger,
    options: ChecklistServiceOptions = {},
  ) {
    this.#store = new ChecklistStore(store, logger);
    this.#obs = obs;
    this.#destinations = destinations;
    this.#logger = logger;
    this.#refreshMs = options.refreshMs ?? 10_000;
    this.#presets = options.presets ?? null;
    this.#profileFiles =
      options.obsConfigDir === null
        ? null
        : new ObsProfileFiles({
            logger,
            ...(options.obsConfigDir !== undefined ? { configDir: options.obsConfigDir } : {}),
          });
  }

  start(): void {
    this.#unsubscribe ??= this.#obs.onState((state) => this.#onObs(state));
    this.#chooseOnlyDestination();
    this.#onObs(this.#obs.state);
  }

  /**
   * With one saved destination and none chosen, that one is chosen: nothing to click. A
   * rehearsal may mean "record only" (no destination), so it is left as staff set it.
   */
  #chooseOnlyDestination(): boolean {
    const session = this.#store.session();
    if (session.destinationId !== null || session.rehearsal) return false;
    const all = this.#destinations.list();
    if (all.length !== 1) return false;
    const chosen = this.updateSession({ destinationId: all[0]!.id });
    if (!chosen.ok) this.#logger.warn('Could not choose the only destination', { error: chosen.error.code });
    return chosen.ok;
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#stopTimer();
    this.#watchMeters(false);
    this.#listeners.clear();
  }

  onChange(listener: (status: ChecklistStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  status(): ChecklistStatus {
    const session = this.#store.session();
    const template = this.#store.template(session.programType);
    return evaluateChecklist(template, session, this.#checkFacts(session));
  }

  #checkFacts(session: Session): ChecklistFacts {
    return {
      obs: this.#obs.state,
      destination: this.#destination(session.destinationId),
      output: this.#facts,
      readError: this.#readError,
      preset: this.#presetFacts(session.presetId),
      micSignal: this.#mics.signals,
      cameraPicture: this.#cameraPicture,
      now: Date.now(),
    };
  }

  /** Cached like the preset (its key lives in the secret store): read again when destinations change. */
  #destination(id: string | null): Destination | null {
    if (id === null) return null;
    if (this.#destinationLookup?.id !== id) this.#destinationLookup = { id, destination: this.#destinations.get(id) };
    return this.#destinationLookup.destination;
  }

  /** A destination was saved or deleted (its key may have come or gone). */
  destinationsChanged(): ChecklistStatus {
    this.#destinationLookup = null;
    this.#chooseOnlyDestination();
    return this.notify();
  }

  #presetFacts(presetId: string | null): ChecklistFacts['preset'] {
    if (presetId === null || !this.#presets) return null;
    // Looked up again only when presets change or OBS is read: the checks run every second.
    if (this.#presetLookup?.presetId !== presetId) {
      const found = this.#presets.find(presetId);
      this.#presetLookup = {
        presetId,
        found: found.ok ? { entry: found.value, ownership: this.#presets.ownership(presetId) } : null,
      };
    }
    const { found } = this.#presetLookup;
    if (!found) return { found: false };
    const mutations = this.#planned?.presetId === presetId ? this.#planned.mutations : null;
    return { found: true, ...presetFacts(found.entry, found.ownership, mutations) };
  }

  /** Re-evaluates and tells listeners when anything changed (e.g. a destination got its key). */
  notify(): ChecklistStatus {
    const status = this.status();
    this.#endMicTest(status);
    const text = JSON.stringify(status);
    if (text !== this.#last) {
      this.#last = text;
      for (const listener of [...this.#listeners]) listener(status);
    }
    return status;
  }

  /**
   * Reads what OBS does not announce: output settings and free disk, whether the cameras give
   * a picture, and whether applying the preset again would change anything. Not while
   * streaming: the checklist is for before, and the reads would compete with the broadcast.
   */
  refresh(): Promise<ChecklistStatus> {
    // One read at a time; a refresh asked for meanwhile runs once more after it, so whoever
    // waits (e.g. after applying the preset) gets a read that started after their change.
    if (this.#reading) {
      this.#readAgain = true;
      return this.#reading;
    }
    const run = async (): Promise<ChecklistStatus> => {
      try {
        let status: ChecklistStatus;
        do {
          this.#readAgain = false;
          status = await this.#readObs();
        } while (this.#readAgain);
        return status;
      } finally {
        this.#reading = null;
      }
    };
    this.#reading = run();
    return this.#reading;
  }

  async #readObs(): Promise<ChecklistStatus> {
    this.#presetLookup = null;
    this.#destinationLookup = null;
    const state = this.#obs.state;
    if (state.connection.status !== 'connected' || state.stream.active) return this.notify();
    const facts = await readOutputFacts(this.#obs, {
      address: state.connection.address,
      profileFiles: this.#profileFiles,
    });
    if (facts.ok) {
      this.#facts = facts.value;
      this.#readError = null;
    } else {
      this.#readError = facts.error;
      this.#logger.warn('Could not read the output settings of OBS', { error: facts.error.code });
    }
    const session = this.#store.session();
    const preset = this.#presetFacts(session.presetId);
    const cameras = camerasToCheck(this.#obs.state.inputs, preset?.found ? preset : null).map((c) => c.name);
    this.#cameraPicture = await readCameraPictures(this.#obs, cameras);
    const planDue = this.#planDue || Date.now() - this.#lastPlanAt >= PLAN_EVERY_REFRESHES * this.#refreshMs - 50;
    if (session.presetId !== null && preset?.found && this.#presets && planDue) {
      this.#planDue = false;
      this.#lastPlanAt = Date.now();
      // Only the count of changes matters here: no device lists on this periodic read.
      const plan = await this.#presets.plan(session.presetId, { devices: false });
      this.#planned = plan.ok ? { presetId: session.presetId, mutations: plan.value.mutations } : null;
    }
    return this.notify();
  }

  updateSession(change: SessionChange): Result<ChecklistStatus> {
    const changed = changeSession(this.#store.session(), change, {
      presetProgramType: (presetId) => {
        const found = this.#presets?.find(presetId);
        return found?.ok ? ok(found.value.preset.programType) : fail(appError('PRESET_NOT_FOUND'));
      },
      templateRecords: (programType) => this.#store.template(programType).record,
      destinationExists: (id) => this.#destinations.get(id) !== null,
    });
    if (!changed.ok) return changed;
    const saved = this.#saveSession(changed.value.next);
    if (changed.value.presetChanged) {
      this.#planned = null;
      this.#planDue = true;
      if (this.#obs.state.connection.status === 'connected') void this.refresh();
    }
    if (saved.ok && change.rehearsal === false && this.#chooseOnlyDestination()) return ok(this.notify());
    return saved;
  }

  tick(itemId: string, done: boolean, note: string | undefined): Result<ChecklistStatus> {
    const session = this.#store.session();
    if (!this.#store.template(session.programType).manualItems.some((m) => m.id === itemId)) {
      return fail(appError('CHECKLIST_ITEM_NOT_FOUND'));
    }
    return this.#saveSession(tickSession(session, itemId, done, note));
  }

  resetTicks(): Result<ChecklistStatus> {
    return this.#saveSession({ ...this.#store.session(), ticks: {} });
  }

  addItem(text: LocalizedText, required: boolean, asksForNote: boolean): Result<ChecklistStatus> {
    return this.#editTemplate(templates.addItem(text, required, asksForNote));
  }

  removeItem(itemId: string): Result<ChecklistStatus> {
    return this.#editTemplate(templates.removeItem(itemId));
  }

  moveItem(itemId: string, direction: 'up' | 'down'): Result<ChecklistStatus> {
    return this.#editTemplate(templates.moveItem(itemId, direction));
  }

  /** A manual item, or an automatic check by its id: required blocks Go Live, else recommended. */
  setItemRequired(itemId: string, required: boolean): Result<ChecklistStatus> {
    return this.#editTemplate(templates.setItemRequired(itemId, required));
  }

  setTemplateOptions(options: templates.TemplateOptions): Result<ChecklistStatus> {
    const result = this.#editTemplate(templates.setTemplateOptions(options));
    if (result.ok && options.record !== undefined) return this.updateSession({ record: options.record });
    return result;
  }

  resetTemplate(): Result<ChecklistStatus> {
    const programType: ProgramType = this.#store.session().programType;
    try {
      this.#store.resetTemplate(programType);
    } catch {
      return fail(appError('STORAGE_WRITE_FAILED', { file: 'checklist.json' }));
    }
    return ok(this.notify());
  }

  /** The fix-it button of an automatic check. */
  async fix(checkId: AutoCheckId): Promise<Result<ChecklistStatus>> {
    const status = this.status();
    const check = status.auto.find((a) => a.id === checkId);
    if (!check || check.status !== 'fail' || check.fix === null) return fail(appError('CHECKLIST_NO_FIX'));
    const { destinationId } = status.session;
    if (check.fix === 'testMic') {
      const preset = this.#presetFacts(status.session.presetId);
      const scene = preset?.found ? preset.micScene : null;
      const back = status.startingScene;
      const from = this.#obs.state.programScene;
      this.#micTest = scene && back && scene !== back ? { scene, back, from, until: Date.now() + MIC_TEST_MS } : null;
    }
    return runFix(check.fix, {
      obs: this.#obs,
      status,
      presets: this.#presets,
      presetFacts: (presetId) => this.#presetFacts(presetId),
      destination: destinationId ? this.#destinations.get(destinationId) : null,
      output: this.#facts,
      enableRecording: () => this.updateSession({ record: true }),
      notify: () => this.notify(),
      refresh: () => this.refresh(),
    });
  }

  #editTemplate(edit: templates.TemplateEdit): Result<ChecklistStatus> {
    const template = structuredClone(this.#store.template(this.#store.session().programType));
    if (!edit(template)) return fail(appError('CHECKLIST_ITEM_NOT_FOUND'));
    try {
      this.#store.saveTemplate(template);
    } catch {
      return fail(appError('STORAGE_WRITE_FAILED', { file: 'checklist.json' }));
    }
    return ok(this.notify());
  }

  #saveSession(session: Session): Result<ChecklistStatus> {
    try {
      this.#store.saveSession(session);
    } catch {
      return fail(appError('STORAGE_WRITE_FAILED', { file: 'checklist.json' }));
    }
    return ok(this.notify());
  }

  #onObs(state: ObsState): void {
    const connected = state.connection.status === 'connected';
    if (connected && !this.#wasConnected) {
      this.#startTimer();
      void this.refresh();
    } else if (!connected && this.#wasConnected) {
      this.#stopTimer();
      this.#facts = null;
      this.#cameraPicture = null;
      this.#planned = null;
      this.#mics.clear();
    }
    this.#wasConnected = connected;
    if (connected) this.#afterBroadcast(state.stream.active);
    const names = JSON.stringify([state.scenes.map((x) => x.name), state.inputs.map((i) => i.name)]);
    if (names !== this.#namesSeen) {
      this.#namesSeen = names;
      this.#planDue = true;
    }
    // Meters only while preparing: on air the live view watches them, and the checklist is done.
    this.#watchMeters(connected && !state.stream.active);
    this.notify();
  }

  /**
   * Ticks and roles belong to one broadcast: when OBS's stream ends (seen while connected, so a
   * lost link is not an end), the next broadcast starts clean. A rehearsal keeps them for the
   * real broadcast that follows; the log took its copy at Go Live.
   */
  #afterBroadcast(streaming: boolean): void {
    const ended = this.#wasStreaming === true && !streaming;
    this.#wasStreaming = streaming;
    if (!ended) return;
    const session = this.#store.session();
    const rehearsal = session.rehearsal || this.#destination(session.destinationId)?.isTest === true;
    if (rehearsal || Object.keys(session.ticks).length === 0) return;
    const cleared = this.resetTicks();
    if (!cleared.ok) this.#logger.warn('Could not clear the ticks after the broadcast', { error: cleared.error.code });
  }

  /**
   * "Test the mic" shows a scene with the mic. Once the mic is heard, the starting scene goes
   * back on air, so the test does not leave "Starting soon is live" failing. Staff switching
   * elsewhere meanwhile, going live, or a minute without sound ends the test as it is.
   */
  #endMicTest(status: ChecklistStatus): void {
    const test = this.#micTest;
    if (!test) return;
    const obs = this.#obs.state;
    if (obs.connection.status !== 'connected' || obs.stream.active || Date.now() > test.until) {
      this.#micTest = null;
      return;
    }
    if (obs.programScene !== test.scene) {
      // Not on air yet right after the request; anything else means staff chose another scene.
      if (obs.programScene !== test.from) this.#micTest = null;
      return;
    }
    if (status.auto.find((a) => a.id === 'micReady')?.status !== 'pass') return;
    this.#micTest = null;
    void this.#obs.switchScene(test.back).then((r) => {
      if (!r.ok) this.#logger.warn('Could not put the starting scene back after the mic test', { error: r.error.code });
    });
  }

  #watchMeters(on: boolean): void {
    if (on && !this.#unwatchMeters) {
      this.#unwatchMeters = this.#obs.watchMeters((data) => {
        if (this.#mics.take(data, Date.now())) this.notify();
      });
      this.#signalTimer = setInterval(() => this.notify(), SIGNAL_TICK_MS);
      this.#signalTimer.unref();
    } else if (!on && this.#unwatchMeters) {
      this.#unwatchMeters();
      this.#unwatchMeters = null;
      if (this.#signalTimer) clearInterval(this.#signalTimer);
      this.#signalTimer = null;
    }
  }

  /** The session's preset with its details, when one is chosen and still exists. */
  sessionPreset(): PresetEntry | null {
    const id = this.#store.session().presetId;
    if (id === null || !this.#presets) return null;
    const found = this.#presets.find(id);
    return found.ok ? found.value : null;
  }

  /** A preset was applied or changed: its checks are read again. */
  presetsChanged(): void {
    this.#planDue = true;
    this.#presetLookup = null;
    if (this.#store.session().presetId !== null) void this.refresh();
    else this.notify();
  }

  #startTimer(): void {
    this.#stopTimer();
    this.#timer = setInterval(() => void this.refresh(), this.#refreshMs);
    this.#timer.unref();
  }

  #stopTimer(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }
}
