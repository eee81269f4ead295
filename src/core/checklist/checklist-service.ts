import { randomBytes } from 'node:crypto';
import {
  AutoCheckIdSchema,
  type AutoCheckId,
  type ChecklistStatus,
  type LocalizedText,
  type ProgramType,
  type Session,
  type Template,
} from '../../shared/checklist/checklist-schema';
import { camerasToCheck, evaluateChecklist, micsToCheck, type ChecklistFacts } from '../../shared/checklist/evaluate';
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
import { ChecklistStore } from './checklist-store';
import { MicSignalTracker } from './mic-signal-tracker';
import { applyPlatformBitrate, applyPlatformResolution } from './output-fixes';
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

/**
 * The go-live checklist: templates, the session being prepared, and the automatic checks,
 * re-evaluated whenever OBS's mirror changes (connection, inputs, mute, scenes, outputs) and
 * every `refreshMs` for what OBS does not announce (output settings, free disk).
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
    this.#onObs(this.#obs.state);
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

  updateSession(
    change: Partial<Pick<Session, 'programType' | 'presetId' | 'destinationId' | 'record' | 'rehearsal'>>,
  ): Result<ChecklistStatus> {
    const session = this.#store.session();
    const next: Session = { ...session };
    let programType = change.programType;
    if (change.presetId !== undefined && change.presetId !== session.presetId) {
      if (change.presetId !== null) {
        const found = this.#presets?.find(change.presetId);
        if (!found?.ok) return fail(appError('PRESET_NOT_FOUND'));
        // The preset says which checklist it uses, unless staff pick another in the same change.
        programType ??= found.value.preset.programType;
      }
      next.presetId = change.presetId;
      this.#planned = null;
      this.#planDue = true;
      if (this.#obs.state.connection.status === 'connected') void this.refresh();
    }
    if (programType !== undefined && programType !== session.programType) {
      next.programType = programType;
      // Another program: its template decides whether to record.
      next.record = this.#store.template(programType).record;
    }
    if (change.destinationId !== undefined) {
      if (change.destinationId !== null && !this.#destinations.get(change.destinationId))
        return fail(appError('DESTINATION_NOT_FOUND'));
      next.destinationId = change.destinationId;
    }
    if (change.record !== undefined) next.record = change.record;
    if (change.rehearsal !== undefined) next.rehearsal = change.rehearsal;
    return this.#saveSession(next);
  }

  tick(itemId: string, done: boolean, note: string | undefined): Result<ChecklistStatus> {
    const session = this.#store.session();
    if (!this.#store.template(session.programType).manualItems.some((m) => m.id === itemId)) {
      return fail(appError('CHECKLIST_ITEM_NOT_FOUND'));
    }
    const previous = session.ticks[itemId];
    return this.#saveSession({
      ...session,
      ticks: { ...session.ticks, [itemId]: { done, note: note ?? previous?.note ?? '' } },
    });
  }

  resetTicks(): Result<ChecklistStatus> {
    return this.#saveSession({ ...this.#store.session(), ticks: {} });
  }

  addItem(text: LocalizedText, required: boolean, asksForNote: boolean): Result<ChecklistStatus> {
    return this.#editTemplate((t) => {
      t.manualItems.push({ id: `own-${randomBytes(4).toString('hex')}`, text, required, asksForNote });
      return true;
    });
  }

  removeItem(itemId: string): Result<ChecklistStatus> {
    return this.#editTemplate((t) => {
      const before = t.manualItems.length;
      t.manualItems = t.manualItems.filter((m) => m.id !== itemId);
      return t.manualItems.length !== before;
    });
  }

  moveItem(itemId: string, direction: 'up' | 'down'): Result<ChecklistStatus> {
    return this.#editTemplate((t) => {
      const index = t.manualItems.findIndex((m) => m.id === itemId);
      if (index < 0) return false;
      const target = direction === 'up' ? index - 1 : index + 1;
      if (target < 0 || target >= t.manualItems.length) return true; // already at the edge
      const items = t.manualItems;
      [items[index], items[target]] = [items[target]!, items[index]!];
      return true;
    });
  }

  /** A manual item, or an automatic check by its id: required blocks Go Live, else recommended. */
  setItemRequired(itemId: string, required: boolean): Result<ChecklistStatus> {
    const check = AutoCheckIdSchema.safeParse(itemId);
    if (check.success) {
      return this.#editTemplate((t) => {
        const others = t.requiredChecks.filter((id) => id !== check.data);
        // Kept in the catalogue's order, so the stored template reads the same way every time.
        t.requiredChecks = AutoCheckIdSchema.options.filter(
          (id) => others.includes(id) || (required && id === check.data),
        );
        return true;
      });
    }
    return this.#editTemplate((t) => {
      const item = t.manualItems.find((m) => m.id === itemId);
      if (!item) return false;
      item.required = required;
      return true;
    });
  }

  setTemplateOptions(
    options: Partial<Pick<Template, 'record' | 'startingScene' | 'closingScene'>>,
  ): Result<ChecklistStatus> {
    const result = this.#editTemplate((t) => {
      if (options.record !== undefined) t.record = options.record;
      if (options.startingScene !== undefined) t.startingScene = options.startingScene;
      if (options.closingScene !== undefined) t.closingScene = options.closingScene;
      return true;
    });
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
    switch (check.fix) {
      case 'reconnectObs':
        this.#obs.reconnectNow();
        return ok(this.notify());
      case 'enableRecording':
        return this.updateSession({ record: true });
      case 'switchToStartingScene': {
        if (!status.startingScene) return fail(appError('CHECKLIST_NO_FIX'));
        const switched = await this.#obs.switchScene(status.startingScene);
        return switched.ok ? ok(this.notify()) : fail(switched.error);
      }
      case 'testMic': {
        const preset = this.#presetFacts(status.session.presetId);
        // Never while streaming: it would put the room on air.
        if (!preset?.found || !preset.micScene || this.#obs.state.stream.active)
          return fail(appError('CHECKLIST_NO_FIX'));
        const switched = await this.#obs.switchScene(preset.micScene);
        return switched.ok ? ok(this.notify()) : fail(switched.error);
      }
      case 'applyPreset': {
        const presetId = status.session.presetId;
        if (presetId === null || !this.#presets) return fail(appError('CHECKLIST_NO_FIX'));
        const applied = await this.#presets.apply(presetId);
        if (!applied.ok) return fail(applied.error);
        return ok(await this.refresh());
      }
      case 'unmuteMic': {
        const preset = this.#presetFacts(status.session.presetId);
        const mic = micsToCheck(this.#obs.state.inputs, preset?.found ? preset : null).find((m) => m.muted === true);
        if (!mic) return fail(appError('CHECKLIST_NO_FIX'));
        const reply = await this.#obs.call('SetInputMute', { inputName: mic.name, inputMuted: false });
        return reply.ok ? ok(this.notify()) : fail(reply.error);
      }
      case 'applyPlatformBitrate':
        return this.#fixOutput(applyPlatformBitrate);
      case 'applyPlatformResolution':
        return this.#fixOutput(applyPlatformResolution);
    }
  }

  /** A fix that changes OBS's output settings; the checks read them again after it. */
  async #fixOutput(apply: typeof applyPlatformBitrate): Promise<Result<ChecklistStatus>> {
    const session = this.#store.session();
    const destination = session.destinationId ? this.#destinations.get(session.destinationId) : null;
    const applied = await apply(this.#obs, destination, this.#facts);
    return applied.ok ? ok(await this.refresh()) : applied;
  }

  #editTemplate(edit: (template: Template) => boolean): Result<ChecklistStatus> {
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
    const names = JSON.stringify([state.scenes.map((x) => x.name), state.inputs.map((i) => i.name)]);
    if (names !== this.#namesSeen) {
      this.#namesSeen = names;
      this.#planDue = true;
    }
    // Meters only while preparing: on air the live view watches them, and the checklist is done.
    this.#watchMeters(connected && !state.stream.active);
    this.notify();
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
