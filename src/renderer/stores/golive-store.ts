import { create } from 'zustand';
import type { BibblanApi } from '../../shared/api-bridge';
import type { ChecklistStatus } from '../../shared/checklist/checklist-schema';
import type { Destination } from '../../shared/destinations/destination-schema';
import { idleGoLiveState, type GoLiveState } from '../../shared/golive/golive-state';

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

/** The loads of the connected views (usually one): run again by reloadGoLiveStore(). */
const loaders = new Set<() => Promise<void>>();

/**
 * Feeds the store from the API's events, then loads the current state (answers overtaken by
 * an event are dropped: the event is newer). Returns the unsubscribe.
 */
export function connectGoLiveStore(api: BibblanApi): () => void {
  let seen = { destinations: 0, checklist: 0, golive: 0 };
  const unsubscribers = [
    api.destinations.onChanged((list) => {
      seen = { ...seen, destinations: seen.destinations + 1 };
      setDestinations(list);
    }),
    api.checklist.onChanged((status) => {
      seen = { ...seen, checklist: seen.checklist + 1 };
      setChecklist(status);
    }),
    api.golive.onState((state) => {
      seen = { ...seen, golive: seen.golive + 1 };
      setGoLive(state);
    }),
  ];
  const load = async (): Promise<void> => {
    const before = { ...seen };
    const [d, c, g] = await Promise.all([api.destinations.list(), api.checklist.get(), api.golive.getState()]);
    // A failed answer (the host gone again, say) keeps what is shown: the next connect loads.
    if (d.ok && seen.destinations === before.destinations) setDestinations(d.value);
    if (c.ok && seen.checklist === before.checklist) setChecklist(c.value);
    if (g.ok && seen.golive === before.golive) setGoLive(g.value);
  };
  loaders.add(load);
  void load();
  return () => {
    loaders.delete(load);
    unsubscribers.forEach((u) => u());
  };
}

/**
 * Loads the store again where it is connected, e.g. after the link to the host came back:
 * the events sent while it was down are lost (a restarted host also has a new go-live state).
 */
export async function reloadGoLiveStore(): Promise<void> {
  await Promise.all([...loaders].map((load) => load()));
}
