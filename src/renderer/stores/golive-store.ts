import { create } from 'zustand';
import type { BibblanApi } from '../../shared/api-bridge';
import type { ChecklistStatus } from '../../shared/checklist/checklist-schema';
import type { Destination } from '../../shared/destinations/destination-schema';
import { idleGoLiveState, type GoLiveState } from '../../shared/golive/golive-state';
import { feedStore, type FeedOptions } from './feed-store';

/** Destinations, the checklist and the go-live state as the core reports them; never a stream key. */
export interface GoLiveStore {
  destinations: Destination[];
  checklist: ChecklistStatus | null;
  golive: GoLiveState;
}

export const useGoLiveStore = create<GoLiveStore>()(() => ({
  destinations: [],
  checklist: null,
  golive: idleGoLiveState,
}));

export const setDestinations = (destinations: Destination[]): void => useGoLiveStore.setState({ destinations });
export const setChecklist = (checklist: ChecklistStatus): void => useGoLiveStore.setState({ checklist });
export const setGoLive = (golive: GoLiveState): void => useGoLiveStore.setState({ golive });

/**
 * Feeds the store while a view that shows it is open (see feed-store.ts: answers overtaken by an
 * event are dropped, and it loads again when the host link returns). Returns the unsubscribe.
 */
export function connectGoLiveStore(api: BibblanApi, options?: FeedOptions): () => void {
  return feedStore(
    [
      { on: api.destinations.onChanged, load: api.destinations.list, set: setDestinations },
      { on: api.checklist.onChanged, load: api.checklist.get, set: setChecklist },
      { on: api.golive.onState, load: api.golive.getState, set: setGoLive },
    ],
    options,
  ).stop;
}

/**
 * Only the go-live state, for a paired phone: the core lets a device read that but not the
 * destinations or the checklist. Returns the unsubscribe.
 */
export function connectGoLivePhase(api: BibblanApi, options?: FeedOptions): () => void {
  return feedStore([{ on: api.golive.onState, load: api.golive.getState, set: setGoLive }], options).stop;
}
