import { create } from 'zustand';
import type { BibblanApi } from '../../shared/api-bridge';
import type { ProgramPicture } from '../../shared/live/live-state';
import { feedStore, type FeedOptions } from './feed-store';

/** The program monitor's latest picture (and the preview's in studio mode), from the core's one loop. */
export interface ProgramStore {
  picture: ProgramPicture | null;
}

export const useProgramStore = create<ProgramStore>()(() => ({ picture: null }));

export const setProgramPicture = (picture: ProgramPicture | null): void => useProgramStore.setState({ picture });

/**
 * Feeds the store from `live.program` while a monitor is shown; no load: the next picture comes
 * within half a second of the lease. Stopping drops the picture, so a monitor shown again later
 * never starts on an old one. Returns the unsubscribe.
 */
export function connectProgramStore(api: BibblanApi, options?: FeedOptions): () => void {
  const stop = feedStore([{ on: api.live.onProgram, set: setProgramPicture }], options).stop;
  return () => {
    stop();
    setProgramPicture(null);
  };
}
