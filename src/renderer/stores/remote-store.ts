import { create } from 'zustand';
import type { BibblanApi } from '../../shared/api-bridge';
import type { AppError } from '../../shared/errors';
import type { RemoteState, RemoteWhoAmI } from '../../shared/remote/remote-state';
import { feedStore, type FeedOptions } from './feed-store';

/**
 * The phone remote. On the computer: its state (on/off, addresses, the pairing in progress, the
 * paired devices) as the core reports it. On a phone: who this device is (name, role) and the
 * computer's name.
 */
export interface RemoteStore {
  /** The desktop's view; null until loaded. */
  state: RemoteState | null;
  /** Why the desktop's view could not be loaded. */
  loadError: AppError | null;
  /** The phone's view of itself; null until loaded (and on the computer). */
  me: RemoteWhoAmI | null;
}

export const useRemoteStore = create<RemoteStore>()(() => ({ state: null, loadError: null, me: null }));

export const setRemoteState = (state: RemoteState): void => useRemoteStore.setState({ state, loadError: null });
export const setRemoteMe = (me: RemoteWhoAmI): void => useRemoteStore.setState({ me });

/** Feeds the desktop's view while the remote panel is shown (see feed-store.ts). Returns the unsubscribe. */
export function connectRemoteStore(api: BibblanApi, options?: FeedOptions): () => void {
  return feedStore(
    [
      {
        on: api.remote.onState,
        load: api.remote.getState,
        set: setRemoteState,
        failed: (loadError) => useRemoteStore.setState({ loadError }),
      },
    ],
    options,
  ).stop;
}

/**
 * Feeds the phone's view of itself: `remote.whoAmI` on every (re)connect and the `remote.device`
 * event when the computer changes its role or name. Returns the unsubscribe.
 */
export function connectDeviceStore(api: BibblanApi, options?: FeedOptions): () => void {
  return feedStore([{ on: api.remote.onDevice, load: api.remote.whoAmI, set: setRemoteMe }], options).stop;
}

/** Seconds left until `expiresAt` (ISO), never below 0. */
export function secondsLeft(expiresAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000));
}

/** 1:45, 0:09: the pairing code's countdown. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
