import { randomBytes } from 'node:crypto';
import type { AutoCheckId, ChecklistStatus, LocalizedText, ProgramType, Session, Template } from '../../shared/checklist/checklist-schema';
import { evaluateChecklist, micCandidates } from '../../shared/checklist/evaluate';
import type { OutputFacts } from '../../shared/checklist/obs-output-facts';
import { maxVideoKbps, platforms } from '../../shared/destinations/platforms';
import { appError, type AppError } from '../../shared/errors';
import type { ObsState } from '../../shared/obs-state';
import { fail, ok, type Result } from '../../shared/result';
import type { DestinationService } from '../destinations/destination-service';
import type { ObsController } from '../obs/obs-controller';
import type { DocumentStore, Logger } from '../ports';
import { ChecklistStore } from './checklist-store';
import { readOutputFacts } from './read-output-facts';

export type ChecklistObs = Pick<ObsController, 'state' | 'onState' | 'call' | 'reconnectNow' | 'switchScene'>;

export interface ChecklistServiceOptions {
  /** How often OBS's output settings and free disk are read again while connected; default 10 s. */
  refreshMs?: number;
}

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
  #facts: OutputFacts | null = null;
  #readError: AppError | null = null;
  #last = '';
  #timer: NodeJS.Timeout | null = null;
  #unsubscribe: (() => void) | null = null;
  #wasConnected = false;

  constructor(store: DocumentStore, obs: ChecklistObs, destinations: DestinationService, logger: Logger, options: ChecklistServiceOptions = {}) {
    this.#store = new ChecklistStore(store, logger);
    this.#obs = obs;
    this.#destinations = destinations;
    this.#logger = logger;
    this.#refreshMs = options.refreshMs ?? 10_000;
  }

  start(): void {
    this.#unsubscribe ??= this.#obs.onState((state) => this.#onObs(state));
    this.#onObs(this.#obs.state);
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#stopTimer();
    this.#listeners.clear();
  }

  onChange(listener: (status: ChecklistStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  status(): ChecklistStatus {
    const session = this.#store.session();
    const template = this.#store.template(session.programType);
    const destination = session.destinationId ? this.#destinations.get(session.destinationId) : null;
    return evaluateChecklist(template, session, { obs: this.#obs.state, destination, output: this.#facts, readError: this.#readError });
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

  async refresh(): Promise<ChecklistStatus> {
    if (this.#obs.state.connection.status !== 'connected') return this.notify();
    const facts = await readOutputFacts(this.#obs);
    if (facts.ok) {
      this.#facts = facts.value;
      this.#readError = null;
    } else {
      this.#readError = facts.error;
      this.#logger.warn('Could not read the output settings of OBS', { error: facts.error.code });
    }
    return this.notify();
  }

  updateSession(change: Partial<Pick<Session, 'programType' | 'destinationId' | 'record' | 'rehearsal'>>): Result<ChecklistStatus> {
    const session = this.#store.session();
    const next: Session = { ...session };
    if (change.programType !== undefined && change.programType !== session.programType) {
      next.programType = change.programType;
      // Another program: its template decides whether to record.
      next.record = this.#store.template(change.programType).record;
    }
    if (change.destinationId !== undefined) {
      if (change.destinationId !== null && !this.#destinations.get(change.destinationId)) return fail(appError('DESTINATION_NOT_FOUND'));
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
    return this.#saveSession({ ...session, ticks: { ...session.ticks, [itemId]: { done, note: note ?? previous?.note ?? '' } } });
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

  setItemRequired(itemId: string, required: boolean): Result<ChecklistStatus> {
    return this.#editTemplate((t) => {
      const item = t.manualItems.find((m) => m.id === itemId);
      if (!item) return false;
      item.required = required;
      return true;
    });
  }

  setTemplateOptions(options: Partial<Pick<Template, 'record' | 'startingScene' | 'closingScene'>>): Result<ChecklistStatus> {
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
        if (!status.template.startingScene) return fail(appError('CHECKLIST_NO_FIX'));
        const switched = await this.#obs.switchScene(status.template.startingScene);
        return switched.ok ? ok(this.notify()) : fail(switched.error);
      }
      case 'unmuteMic': {
        const mic = micCandidates(this.#obs.state.inputs).find((m) => m.muted === true);
        if (!mic) return fail(appError('CHECKLIST_NO_FIX'));
        const reply = await this.#obs.call('SetInputMute', { inputName: mic.name, inputMuted: false });
        return reply.ok ? ok(this.notify()) : fail(reply.error);
      }
      case 'applyPlatformBitrate':
        return this.#applyPlatformBitrate();
    }
  }

  /** Simple output mode only: sets video and audio bitrate to the destination's limits. */
  async #applyPlatformBitrate(): Promise<Result<ChecklistStatus>> {
    const session = this.#store.session();
    const destination = session.destinationId ? this.#destinations.get(session.destinationId) : null;
    const facts = this.#facts;
    if (!destination || !facts || facts.mode !== 'Simple') return fail(appError('CHECKLIST_NO_FIX'));
    const maxVideo = maxVideoKbps(destination.platform, facts.height, facts.fps);
    const maxAudio = platforms[destination.platform].maxAudioKbps;
    const set = async (name: string, value: number) =>
      this.#obs.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: name, parameterValue: String(value) });
    if (maxVideo !== null && facts.videoKbps !== null && facts.videoKbps > maxVideo) {
      const reply = await set('VBitrate', maxVideo);
      if (!reply.ok) return fail(reply.error);
    }
    if (maxAudio !== null && facts.audioKbps !== null && facts.audioKbps > maxAudio) {
      const reply = await set('ABitrate', maxAudio);
      if (!reply.ok) return fail(reply.error);
    }
    return ok(await this.refresh());
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
    }
    this.#wasConnected = connected;
    this.notify();
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
