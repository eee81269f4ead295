import { randomBytes } from 'node:crypto';
import type { ChecklistStatus } from '../../shared/checklist/checklist-schema';
import { appError, type AppError } from '../../shared/errors';
import type { AfterPlan, Broadcast, GoLiveState } from '../../shared/golive/golive-state';
import { fail, ok, type Result } from '../../shared/result';
import type { ChecklistService } from '../checklist/checklist-service';
import type { DestinationService } from '../destinations/destination-service';
import type { ObsController } from '../obs/obs-controller';
import type { Logger } from '../ports';
import type { BroadcastLogHook } from './broadcast-log-hook';
import { readRecordFolder } from '../checklist/read-record-folder';
import { checklistSnapshot } from './checklist-snapshot';
import { initialMachine, transition, type MachineEvent, type MachineState } from './golive-machine';
import { obsStreamService } from '../../shared/destinations/platforms';
import { checklistRoles, programMeta } from './program-meta';

export type GoLiveObs = Pick<ObsController, 'state' | 'onState' | 'call' | 'switchScene'>;

export interface GoLiveServiceOptions {
  obs: GoLiveObs;
  destinations: DestinationService;
  checklist: ChecklistService;
  logger: Logger;
  /** The broadcast log's recorder, when the core has one. */
  log?: BroadcastLogHook | null;
  /** From StartStream to OUTPUT_STARTED; default 20 s. */
  startDeadlineMs?: number;
  /** From StopStream to OUTPUT_STOPPED; default 20 s. */
  stopDeadlineMs?: number;
  /** Called before the app switches scenes, so the log counts the switch as the app's. */
  noteAppSwitch?: (sceneName: string) => void;
  /** How long the closing scene stays on air, after OBS says its transition ended, before the stop; default 1500. */
  closingHoldMs?: number;
  /** Longest wait for OBS to say the closing scene is on air (a long stinger); default 10 s. */
  closingTransitionWaitMs?: number;
}

/**
 * Going live, rehearsing and ending. Requests to OBS are sent here; the phase moves only on
 * OBS's answers in the mirror (see golive-machine.ts). The stream key is read from the secret
 * store at the moment it is sent to OBS and is kept nowhere else.
 */
export class GoLiveService {
  readonly #o: GoLiveServiceOptions;
  readonly #listeners = new Set<(state: GoLiveState) => void>();
  #m: MachineState = initialMachine();
  #deadline: NodeJS.Timeout | null = null;
  #unsubscribe: (() => void) | null = null;
  /** Recording this app started for the broadcast: stopped with it. */
  #startedRecording = false;

  constructor(options: GoLiveServiceOptions) {
    this.#o = options;
  }

  get state(): GoLiveState {
    return this.#m.view;
  }

  /** Read through a call so TypeScript does not narrow it across awaits. */
  phase(): GoLiveState['phase'] {
    return this.#m.view.phase;
  }

  start(): void {
    this.#unsubscribe ??= this.#o.obs.onState((obs) => this.#dispatch({ type: 'obs', obs, at: Date.now() }));
    this.#dispatch({ type: 'obs', obs: this.#o.obs.state, at: Date.now() });
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#clearDeadline();
    this.#listeners.clear();
  }

  onChange(listener: (state: GoLiveState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Go Live (or rehearse) with the checklist's session. Resolves once OBS was asked; the phase follows OBS. */
  async goLive(overrideReason: string | undefined): Promise<Result<GoLiveState>> {
    const phase = this.#m.view.phase;
    if (phase === 'starting' || phase === 'live' || phase === 'ending') return fail(appError('GOLIVE_BUSY'));
    const obs = this.#o.obs.state;
    if (obs.connection.status !== 'connected') return fail(appError('OBS_NOT_CONNECTED'));
    if (obs.stream.active || obs.stream.state !== 'offline') return fail(appError('GOLIVE_BUSY'));

    const status = this.#o.checklist.status();
    if (!status.ready && !overrideReason) {
      return fail(appError('GOLIVE_CHECKLIST_INCOMPLETE', { count: status.blocking.length }));
    }
    const { session } = status;
    const streaming = session.destinationId !== null || !session.rehearsal;
    const destination = session.destinationId ? this.#o.destinations.get(session.destinationId) : null;
    if (streaming && !destination) return fail(appError('DESTINATION_NOT_FOUND'));
    // A rehearsal without a destination only records.
    const recording = session.record || !streaming;

    const broadcast: Broadcast = {
      id: randomBytes(8).toString('hex'),
      origin: 'app',
      destinationId: destination?.id ?? null,
      destinationName: destination?.name ?? null,
      platform: destination?.platform ?? null,
      programType: session.programType,
      // Streams to a destination marked as a test destination are rehearsals too.
      rehearsal: session.rehearsal || destination?.isTest === true,
      streaming,
      recording,
      requestedAt: Date.now(),
      liveAt: null,
      endedAt: null,
      endedBy: null,
      overrideReason: status.ready ? null : (overrideReason ?? null),
      overridden: status.ready ? [] : status.blocking,
      logEntryId: null,
    };

    let key: string | null = null;
    if (streaming && destination) {
      const found = this.#o.destinations.key(destination.id);
      if (!found.ok) return fail(found.error);
      key = found.value;
    }

    this.#dispatch({ type: 'startRequested', broadcast });
    this.#o.logger.info('Go live requested', {
      broadcast: broadcast.id,
      destination: broadcast.destinationId,
      rehearsal: broadcast.rehearsal,
      recording,
      overridden: broadcast.overridden.length,
    });
    this.#handToLog(broadcast, status);

    const failed = await this.#sendStart(broadcast, destination?.server ?? null, key);
    // Drop the only reference to the secret as soon as OBS has it.
    // eslint-disable-next-line no-useless-assignment
    key = null;
    if (failed) {
      this.#o.log?.abandonBroadcast();
      await this.#stopOwnRecording();
      this.#dispatch({ type: 'requestFailed', error: failed });
      return fail(failed);
    }
    return ok(this.#m.view);
  }

  /** End: the closing scene (when known), then stop; the phase becomes ended when OBS says offline. */
  async end(closingScene: string | undefined): Promise<Result<GoLiveState>> {
    if (this.#m.view.phase !== 'live') return fail(appError('GOLIVE_NOT_LIVE'));
    const broadcast = this.#m.view.broadcast!;
    this.#dispatch({ type: 'endRequested' });
    // From End to OBS's confirmation, closing scene and requests included: not ending forever.
    const unconfirmed = (): void => this.#dispatch({ type: 'stopUnconfirmed', error: stopUnconfirmedError(broadcast) });
    this.#setDeadline(this.#o.stopDeadlineMs ?? 20_000, unconfirmed);
    const scene = closingScene ?? this.#o.checklist.status().closingScene;
    if (scene && this.#o.obs.state.scenes.some((s) => s.name === scene) && this.#o.obs.state.programScene !== scene) {
      this.#o.noteAppSwitch?.(scene);
      // By UUID where OBS has them (switchScene), like every other switch.
      const switched = await this.#o.obs.switchScene(scene);
      // A closing scene that cannot be shown must not keep the stream running.
      if (!switched.ok) this.#o.logger.warn('Could not switch to the closing scene', { error: switched.error.code });
      else await this.#holdClosingScene(scene);
    }
    // A record-only rehearsal's recording is stopped by this very request, not again at the end.
    if (!broadcast.streaming) this.#startedRecording = false;
    const stopped = broadcast.streaming ? await this.#o.obs.call('StopStream') : await this.#o.obs.call('StopRecord');
    if (!stopped.ok) {
      this.#o.logger.warn('The stop request failed', { broadcast: broadcast.id, error: stopped.error.code });
      // No answer: OBS may still act on the request. The state says so; the phase follows OBS.
      if (stopped.error.code === 'OBS_REQUEST_TIMEOUT' || stopped.error.code === 'OBS_CONNECTION_LOST') {
        unconfirmed();
        return ok(this.#m.view);
      }
      // Ended meanwhile (an earlier End arriving late, or stopped in OBS): nothing left to do.
      if (this.phase() === 'ended') return ok(this.#m.view);
      this.#dispatch({ type: 'endFailed', error: stopped.error });
      return fail(stopped.error);
    }
    if (broadcast.streaming) await this.#stopOwnRecording();
    this.#o.logger.info('End requested', { broadcast: broadcast.id });
    return ok(this.#m.view);
  }

  /**
   * OBS answers a switch before its transition has even started, and says the scene changed
   * (CurrentProgramSceneChanged) only when the transition has ended. Stopping at the answer cut
   * the stream on the old scene: viewers never saw the closing scene. So: wait for OBS's word
   * that it is on air, then keep it there a moment before the stop.
   */
  async #holdClosingScene(scene: string): Promise<void> {
    const onAir = await this.#waitForProgramScene(scene, this.#o.closingTransitionWaitMs ?? 10_000);
    if (!onAir) {
      this.#o.logger.warn('OBS did not say the closing scene was on air; stopping anyway');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, this.#o.closingHoldMs ?? 1500));
  }

  /** True once the mirror (OBS's events) shows `scene` on air; false after `timeoutMs` or a lost link. */
  #waitForProgramScene(scene: string, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const settle = (onAir: boolean): void => {
        clearTimeout(timer);
        unsubscribe();
        resolve(onAir);
      };
      const check = (obs: GoLiveObs['state']): void => {
        if (obs.programScene === scene) settle(true);
        else if (obs.connection.status !== 'connected') settle(false);
      };
      const timer = setTimeout(() => settle(false), timeoutMs);
      const unsubscribe = this.#o.obs.onState(check);
      check(this.#o.obs.state);
    });
  }

  setAfterPlan(plan: AfterPlan): Result<GoLiveState> {
    if (this.#m.view.phase !== 'ended') return fail(appError('GOLIVE_NOT_LIVE'));
    this.#dispatch({ type: 'afterPlan', plan });
    return ok(this.#m.view);
  }

  dismiss(): Result<GoLiveState> {
    this.#dispatch({ type: 'dismiss' });
    return ok(this.#m.view);
  }

  /** The broadcast log opened the entry of the stream now running: "open in the log" goes there. */
  logEntryOpened(id: string): void {
    this.#dispatch({ type: 'logEntry', id });
  }

  /** Returns the error that stopped the start, or null once OBS was asked to start. */
  async #sendStart(broadcast: Broadcast, server: string | null, key: string | null): Promise<AppError | null> {
    const obs = this.#o.obs;
    if (broadcast.streaming && server !== null && key !== null && broadcast.platform !== null) {
      const service = obsStreamService({ platform: broadcast.platform, server });
      const set = await obs.call('SetStreamServiceSettings', {
        streamServiceType: service.streamServiceType,
        streamServiceSettings:
          service.streamServiceType === 'rtmp_common'
            ? { service: service.service, server, key }
            : { server, key, use_auth: false },
      });
      // OBS's comment is dropped on purpose: nothing that might echo the settings is passed on.
      if (!set.ok) return this.#startError(set.error);
    }
    if (broadcast.recording && !obs.state.record.active) {
      // OBS accepts StartRecord into a missing folder and then only shows a dialog of its own.
      const folder = await readRecordFolder(obs, obs.state.connection.address);
      if (folder && folder.status !== 'ok') {
        return appError('GOLIVE_RECORD_FAILED', {
          folder: folder.path,
          [folder.status === 'missing' ? 'folderMissing' : 'folderNotWritable']: true,
        });
      }
      const rec = await obs.call('StartRecord');
      if (!rec.ok) return appError('GOLIVE_RECORD_FAILED');
      this.#startedRecording = true;
    }
    if (broadcast.streaming) {
      const started = await obs.call('StartStream');
      if (!started.ok) return this.#startError(started.error);
    }
    if (this.phase() === 'starting') {
      this.#setDeadline(this.#o.startDeadlineMs ?? 20_000, () => {
        // Give up on this attempt: OBS must not go live minutes later, unseen.
        if (broadcast.streaming) void obs.call('StopStream');
        this.#o.log?.abandonBroadcast();
        void this.#stopOwnRecording();
        const error = broadcast.streaming
          ? appError('GOLIVE_START_TIMEOUT', { destination: broadcast.destinationName ?? '' })
          : appError('GOLIVE_RECORD_FAILED', { noStart: true });
        this.#dispatch({ type: 'startDeadline', error });
      });
    }
    return null;
  }

  #startError(error: AppError): AppError {
    if (
      error.code === 'OBS_NOT_CONNECTED' ||
      error.code === 'OBS_CONNECTION_LOST' ||
      error.code === 'OBS_REQUEST_TIMEOUT'
    )
      return error;
    return appError('GOLIVE_START_FAILED', { destination: this.#m.view.broadcast?.destinationName ?? '' });
  }

  async #stopOwnRecording(): Promise<void> {
    if (!this.#startedRecording) return;
    this.#startedRecording = false;
    const reply = await this.#o.obs.call('StopRecord');
    if (!reply.ok) this.#o.logger.warn('Could not stop the recording', { error: reply.error.code });
  }

  #handToLog(broadcast: Broadcast, status: ChecklistStatus): void {
    const log = this.#o.log;
    // The log follows the stream: a record-only rehearsal gets no entry, and its details must
    // not wait there for the next stream (which would then count as this rehearsal).
    if (!log || !broadcast.streaming) return;
    const preset = this.#o.checklist.sessionPreset();
    const result = log.beginBroadcast({
      ...(preset ? programMeta(preset) : {}),
      programType: broadcast.programType ?? undefined,
      rehearsal: broadcast.rehearsal,
      ...(broadcast.destinationName && broadcast.platform
        ? { destination: { name: broadcast.destinationName, platform: broadcast.platform } }
        : {}),
      checklist: checklistSnapshot(status, broadcast.overrideReason),
      roles: checklistRoles(status),
    });
    if (!result.ok)
      this.#o.logger.warn('The broadcast log did not take the go-live details', { error: result.error.code });
  }

  #dispatch(event: MachineEvent): void {
    const before = this.#m;
    this.#m = transition(before, event);
    // The log may have opened the stream's entry before this flow saw OBS go live.
    const entryId = this.#o.log?.liveEntryId;
    if (entryId && this.#m.view.phase === 'live' && before.view.phase !== 'live')
      this.#m = transition(this.#m, { type: 'logEntry', id: entryId });
    this.#afterPlanToLog(before.view);
    if (this.#m.view === before.view) return;
    const phase = this.#m.view.phase;
    if (phase !== before.view.phase) {
      if (phase !== 'starting' && phase !== 'ending') this.#clearDeadline();
      if (phase === 'failed' || phase === 'ended') void this.#stopOwnRecording();
      this.#o.logger.info('Go-live phase', {
        phase,
        origin: this.#m.view.broadcast?.origin ?? null,
        error: this.#m.view.error?.code ?? null,
      });
    }
    for (const listener of [...this.#listeners]) listener(this.#m.view);
  }

  /** The after-broadcast list's dates go into the log entry, so "Klar" loses none of them. */
  #afterPlanToLog(before: GoLiveState): void {
    const view = this.#m.view;
    const entryId = view.broadcast?.logEntryId;
    if (view.phase !== 'ended' || !entryId || !view.afterPlan) return;
    if (before.phase === 'ended' && before.afterPlan === view.afterPlan) return;
    this.#o.log?.recordAfterPlan(entryId, {
      captionsDue: view.after.find((item) => item.kind === 'captions')?.dueDate ?? null,
      deleteBy: view.afterPlan.deleteBy,
    });
  }

  #setDeadline(ms: number, onExpire: () => void): void {
    this.#clearDeadline();
    this.#deadline = setTimeout(() => {
      this.#deadline = null;
      onExpire();
    }, ms);
    this.#deadline.unref();
  }

  #clearDeadline(): void {
    if (this.#deadline) clearTimeout(this.#deadline);
    this.#deadline = null;
  }
}

/** Which output OBS has not confirmed stopped: the texts differ (a stream may still be public). */
function stopUnconfirmedError(broadcast: Broadcast): AppError {
  return appError('GOLIVE_STOP_UNCONFIRMED', broadcast.streaming ? { streaming: true } : { recording: true });
}
