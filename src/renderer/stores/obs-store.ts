import { create } from 'zustand';
import { emptyObsState, type ObsState } from '../../shared/obs-state';
import { DEFAULT_OBS_ADDRESS } from '../../shared/settings';
import { keepUnchanged } from '../lib/keep-unchanged';

/** A mirror of OBS as the core reports it. Written only from API events and answers, never from clicks. */
export interface ObsStore {
  state: ObsState;
  /** False until the first state has arrived from the core. */
  loaded: boolean;
}

export const useObsStore = create<ObsStore>()(() => ({
  state: emptyObsState(DEFAULT_OBS_ADDRESS),
  loaded: false,
}));

/** Parts that did not change keep their identity, so only the components reading them re-render. */
export const setObsState = (state: ObsState): void =>
  useObsStore.setState((current) => ({ state: keepUnchanged(current.state, state), loaded: true }));
