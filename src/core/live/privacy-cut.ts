import type { RequestBatchRequest, ResponseMessage } from 'obs-websocket-js';
import { appError } from '../../shared/errors';
import type { Privacy } from '../../shared/live/live-state';
import type { ObsState } from '../../shared/obs-state';
import { fail, ok, type Result } from '../../shared/result';
import { sceneRef } from '../obs/scene-ref';

export interface PrivacyObs {
  readonly state: ObsState;
  callBatch(requests: RequestBatchRequest[]): Promise<Result<ResponseMessage[]>>;
}

export interface ProgramSwitches {
  /** The program scene OBS is on air with, or on its way to (see ProgramTarget). */
  current(state: ObsState): string | null;
  /** Called before a switch goes out: the log counts it as the app's, the target follows it. */
  note(scene: string): void;
  /** The switch was refused. */
  refused(scene: string): void;
}

interface Saved {
  since: number;
  previousScene: string | null;
  /** Every audio input's mute state before the cut. */
  muted: Record<string, boolean>;
}

/**
 * The privacy cut: one batch switches to the safe scene and mutes every audio input (a mic
 * not in the preset is still a mic); restore puts back the scene and each input's own state.
 * Kept in the core, so any window or browser can undo what another did.
 */
export class PrivacyCut {
  readonly #obs: PrivacyObs;
  readonly #switches: ProgramSwitches;
  #saved: Saved | null = null;

  constructor(obs: PrivacyObs, switches: ProgramSwitches) {
    this.#obs = obs;
    this.#switches = switches;
  }

  get view(): Privacy {
    const s = this.#saved;
    return s
      ? { active: true, since: s.since, previousScene: s.previousScene }
      : { active: false, since: null, previousScene: null };
  }

  async cut(safeScene: string | null): Promise<Result<null>> {
    if (this.#saved) return ok(null); // a second P while cut changes nothing
    if (!safeScene) return fail(appError('LIVE_SAFE_SCENE_MISSING'));
    const state = this.#obs.state;
    if (!state.scenes.some((s) => s.name === safeScene))
      return fail(appError('OBS_SCENE_NOT_FOUND', { sceneName: safeScene }));
    const muted = Object.fromEntries(state.inputs.flatMap((i) => (i.muted === null ? [] : [[i.name, i.muted]])));
    const requests: RequestBatchRequest[] = [
      { requestType: 'SetCurrentProgramScene', requestData: sceneRef(state, safeScene) },
      ...Object.keys(muted).map((inputName): RequestBatchRequest => ({
        requestType: 'SetInputMute',
        requestData: { inputName, inputMuted: true },
      })),
    ];
    // Read before the cut is noted: during a fade this is the scene the fade is going to.
    const onAir = this.#switches.current(state);
    this.#switches.note(safeScene);
    const sent = await this.#obs.callBatch(requests);
    if (!sent.ok || !sent.value[0]?.requestStatus.result) this.#switches.refused(safeScene);
    if (!sent.ok) return sent;
    if (!sent.value[0]?.requestStatus.result) return fail(appError('OBS_SCENE_NOT_FOUND', { sceneName: safeScene }));
    this.#saved = {
      since: Date.now(),
      previousScene: onAir === safeScene ? null : onAir,
      muted,
    };
    return ok(null);
  }

  async restore(): Promise<Result<null>> {
    const saved = this.#saved;
    if (!saved) return fail(appError('LIVE_PRIVACY_NOT_ACTIVE'));
    const state = this.#obs.state;
    const scene =
      saved.previousScene && state.scenes.some((s) => s.name === saved.previousScene) ? saved.previousScene : null;
    const present = new Set(state.inputs.map((i) => i.name));
    const requests: RequestBatchRequest[] = [
      // Mics first: the scene they belong to comes on with its sound already right.
      ...Object.entries(saved.muted).flatMap(([inputName, inputMuted]): RequestBatchRequest[] =>
        present.has(inputName) ? [{ requestType: 'SetInputMute', requestData: { inputName, inputMuted } }] : [],
      ),
      ...(scene
        ? [{ requestType: 'SetCurrentProgramScene', requestData: sceneRef(state, scene) } as RequestBatchRequest]
        : []),
    ];
    if (scene) this.#switches.note(scene);
    const sent = await this.#obs.callBatch(requests);
    if (!sent.ok && scene) this.#switches.refused(scene);
    if (!sent.ok) return sent;
    this.#saved = null;
    return ok(null);
  }
}
