import type { PresetEntry } from '../../shared/contract/presets';
import { appError } from '../../shared/errors';
import { emptyLiveState, type LiveLayout, type LiveState, type TransitionChoice } from '../../shared/live/live-state';
import type { ObsState } from '../../shared/obs-state';
import { fail, ok, type Result } from '../../shared/result';
import type { Logger } from '../ports';
import type { ObsController } from '../obs/obs-controller';
import type { Ownership } from '../presets/ownership';
import { LatestWins } from './latest-wins';
import { findLiveLayout } from './live-layout';
import { PrivacyCut } from './privacy-cut';
import { ProgramTarget } from './program-target';

export type LiveObs = Pick<ObsController, 'state' | 'onState' | 'call' | 'callBatch' | 'refresh' | 'switchScene'>;

export interface LiveServiceDeps {
  obs: LiveObs;
  presets: { list(): PresetEntry[]; ownership(presetId: string): Ownership };
  logger: Logger;
  onChange(state: LiveState): void;
  /** The broadcast log counts app-made switches apart from OBS-made ones. */
  noteAppSwitch?: (sceneName: string) => void;
}

/**
 * The live view's actions. Nothing here holds OBS's state: scenes, mutes and studio mode come
 * from the mirror (OBS's events), so every client ends up showing what OBS really does.
 */
export class LiveService {
  readonly #d: LiveServiceDeps;
  readonly #switcher: LatestWins<string>;
  readonly #privacy: PrivacyCut;
  readonly #target = new ProgramTarget();
  #layout: LiveLayout | null = null;
  #transition: TransitionChoice = 'preset';
  #last = '';
  #unsubscribe: (() => void) | null = null;

  constructor(deps: LiveServiceDeps) {
    this.#d = deps;
    this.#switcher = new LatestWins((sceneName) => this.#sendSwitch(sceneName));
    this.#privacy = new PrivacyCut(deps.obs, {
      current: (state) => this.#target.current(state),
      note: (scene) => this.#noteProgramSwitch(scene),
      refused: (scene) => this.#target.forget(scene),
    });
  }

  get state(): LiveState {
    return { ...emptyLiveState(), layout: this.#layout, transition: this.#transition, privacy: this.#privacy.view };
  }

  start(): void {
    this.#unsubscribe ??= this.#d.obs.onState((state) => {
      this.#target.observe(state);
      this.refreshLayout(state);
    });
    this.refreshLayout();
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  /** After OBS or the presets changed: which preset is on, in OBS names. */
  refreshLayout(obs: ObsState = this.#d.obs.state): void {
    if (obs.connection.status !== 'connected') return; // keep the last layout through a blip
    const before = this.#layout?.presetId;
    this.#layout = findLiveLayout(this.#d.presets.list(), (id) => this.#d.presets.ownership(id), obs);
    if (this.#layout && this.#layout.presetId !== before && this.#transition === 'preset') {
      void this.#applyTransition().then(
        (r) => r.ok || this.#d.logger.warn('Could not set the preset transition', { error: r.error.code }),
      );
    }
    this.#changed();
  }

  /** Studio mode: the preview; otherwise the program scene. Latest wins (see LatestWins). */
  async selectScene(sceneName: string): Promise<Result<{ sent: boolean }>> {
    if (!this.#d.obs.state.scenes.some((s) => s.name === sceneName)) return this.#sceneGone(sceneName);
    return this.#switcher.run(sceneName);
  }

  async take(): Promise<Result<null>> {
    const { studioMode, previewScene } = this.#d.obs.state;
    if (!studioMode) return fail(appError('LIVE_NOT_STUDIO_MODE'));
    if (previewScene) this.#noteProgramSwitch(previewScene);
    const result = await this.#d.obs.call('TriggerStudioModeTransition');
    if (!result.ok && previewScene) this.#target.forget(previewScene);
    return result.ok ? ok(null) : fail(result.error);
  }

  async setStudioMode(enabled: boolean): Promise<Result<null>> {
    const result = await this.#d.obs.call('SetStudioModeEnabled', { studioModeEnabled: enabled });
    return result.ok ? ok(null) : fail(result.error);
  }

  async setTransition(choice: TransitionChoice): Promise<Result<LiveState>> {
    const previous = this.#transition;
    this.#transition = choice;
    const applied = await this.#applyTransition();
    if (!applied.ok) {
      this.#transition = previous;
      return applied;
    }
    this.#changed();
    return ok(this.state);
  }

  async setMute(inputName: string, muted: boolean): Promise<Result<null>> {
    const input = this.#d.obs.state.inputs.find((i) => i.name === inputName);
    if (!input || input.muted === null) return fail(appError('LIVE_MIC_NOT_FOUND', { inputName }));
    const result = await this.#d.obs.call('SetInputMute', { inputName, inputMuted: muted });
    return result.ok ? ok(null) : fail(result.error);
  }

  /** The preset's main mic, or without a preset OBS's first audio input. */
  async toggleMainMic(): Promise<Result<{ inputName: string; muted: boolean }>> {
    const inputs = this.#d.obs.state.inputs;
    const main = this.#layout?.mics.find((m) => m.main)?.inputName;
    const input =
      inputs.find((i) => i.name === main && i.muted !== null) ??
      (main ? undefined : inputs.find((i) => i.muted !== null));
    if (!input || input.muted === null) return fail(appError('LIVE_MIC_NOT_FOUND', { inputName: main ?? '' }));
    const muted = !input.muted;
    const result = await this.setMute(input.name, muted);
    return result.ok ? ok({ inputName: input.name, muted }) : result;
  }

  async privacyCut(): Promise<Result<LiveState>> {
    const result = await this.#privacy.cut(this.#layout?.safeScene ?? null);
    this.#changed();
    return result.ok ? ok(this.state) : result;
  }

  async privacyRestore(): Promise<Result<LiveState>> {
    const result = await this.#privacy.restore();
    this.#changed();
    return result.ok ? ok(this.state) : result;
  }

  async thumbnail(sceneName: string, width = 192): Promise<Result<{ sceneName: string; imageData: string }>> {
    const result = await this.#d.obs.call('GetSourceScreenshot', {
      sourceName: sceneName,
      imageFormat: 'jpg',
      imageWidth: width,
      imageCompressionQuality: 50,
    });
    if (result.ok) return ok({ sceneName, imageData: result.value.imageData });
    return isNotFound(result.error) ? fail(appError('OBS_SCENE_NOT_FOUND', { sceneName })) : fail(result.error);
  }

  async #sendSwitch(sceneName: string): Promise<Result<null>> {
    // Read at send time: a toggle of studio mode during a burst applies to what is still unsent.
    const studio = this.#d.obs.state.studioMode;
    if (!studio) this.#noteProgramSwitch(sceneName);
    const sceneUuid = this.#layout?.scenes.find((s) => s.obsName === sceneName)?.obsUuid;
    const result = await this.#d.obs.switchScene(sceneName, { preview: studio, ...(sceneUuid ? { sceneUuid } : {}) });
    if (result.ok) return ok(null);
    if (!studio) this.#target.forget(sceneName);
    return result.error.code === 'OBS_SCENE_NOT_FOUND' ? this.#sceneGone(sceneName) : fail(result.error);
  }

  /** OBS no longer has the scene: read OBS again so every list shows what is there. */
  async #sceneGone<T>(sceneName: string): Promise<Result<T>> {
    await this.#d.obs.refresh();
    return fail(appError('OBS_SCENE_NOT_FOUND', { sceneName }));
  }

  async #applyTransition(): Promise<Result<null>> {
    const list = await this.#d.obs.call('GetSceneTransitionList');
    if (!list.ok) return fail(list.error);
    const kind = this.#transition === 'cut' ? 'cut' : (this.#layout?.transition.kind ?? 'fade');
    const wanted = list.value.transitions.find((t) => t.transitionKind === `${kind}_transition`);
    if (!wanted) return fail(appError('LIVE_TRANSITION_MISSING', { kind }));
    const set = await this.#d.obs.call('SetCurrentSceneTransition', { transitionName: String(wanted.transitionName) });
    if (!set.ok) return fail(set.error);
    if (kind === 'fade') {
      const durationMs = this.#layout?.transition.durationMs ?? 300;
      const d = await this.#d.obs.call('SetCurrentSceneTransitionDuration', { transitionDuration: durationMs });
      if (!d.ok) return fail(d.error);
    }
    return ok(null);
  }

  #noteProgramSwitch(sceneName: string): void {
    this.#target.expect(sceneName);
    this.#d.noteAppSwitch?.(sceneName);
  }

  #changed(): void {
    const state = this.state;
    const json = JSON.stringify(state);
    if (json === this.#last) return;
    this.#last = json;
    this.#d.onChange(state);
  }
}

const isNotFound = (error: { code: string; params?: Record<string, unknown> }) =>
  error.code === 'OBS_REQUEST_FAILED' && error.params?.status === 600;
