import { create } from 'zustand';
import type { BibblanApi } from '../../shared/api-bridge';
import type { AppError } from '../../shared/errors';
import {
  emptyLiveState,
  type LiveHealth,
  type LiveState,
  type MeterReading,
  type Meters,
} from '../../shared/live/live-state';
import { trackActivity, type ActivityMap } from '../../shared/live/mic-warnings';
import type { Result } from '../../shared/result';
import { feedStore, type FeedOptions } from './feed-store';

/** The live view as the core reports it. Meters live outside React state (see meterBus). */
export interface LiveStore {
  state: LiveState;
  health: LiveHealth | null;
  /** The last failed action, shown until the next one. */
  error: AppError | null;
  /** The scene last asked for, until OBS answers (the marker itself moves on OBS's event). */
  pending: string | null;
}

export const useLiveStore = create<LiveStore>()(() => ({
  state: emptyLiveState(),
  health: null,
  error: null,
  pending: null,
}));

/**
 * Meter readings arrive ~15 times a second; they go to a plain object that level meters read
 * in requestAnimationFrame, so React does not re-render the view at that rate.
 */
export const meterBus = {
  latest: new Map<string, MeterReading & { at: number }>(),
  activity: {} as ActivityMap,
};

/** The live state (layout, privacy): small and rarely changing, so fed always (connect-stores.ts). */
export const setLiveState = (state: LiveState): void => useLiveStore.setState({ state });

/**
 * Feeds health and meters while a view that shows them is open (see feed-store.ts). Returns the
 * unsubscribe. The live state itself is always fed: every screen shows whether P hid the picture.
 */
export function connectLiveStore(api: BibblanApi, options?: FeedOptions): () => void {
  return feedStore(
    [
      // null: nothing on air (after a host restart too), so no old figures stay up.
      { on: api.live.onHealth, load: api.live.getHealth, set: (health) => useLiveStore.setState({ health }) },
      { on: api.live.onMeters, set: takeMeters },
    ],
    options,
  ).stop;
}

function takeMeters({ at, inputs }: Meters): void {
  const now = Date.now();
  for (const r of inputs) meterBus.latest.set(r.inputName, { ...r, at });
  meterBus.activity = trackActivity(meterBus.activity, inputs, now);
}

/** Runs an action and keeps its failure (or clears the last one). */
export async function runLive<T>(action: () => Promise<Result<T>>): Promise<Result<T>> {
  const result = await action();
  useLiveStore.setState({ error: result.ok ? null : result.error });
  return result;
}

export async function selectScene(api: BibblanApi, sceneName: string): Promise<void> {
  useLiveStore.setState({ pending: sceneName, error: null });
  const result = await api.live.selectScene({ sceneName });
  useLiveStore.setState((s) => ({
    pending: s.pending === sceneName ? null : s.pending,
    error: result.ok ? s.error : result.error,
  }));
}
