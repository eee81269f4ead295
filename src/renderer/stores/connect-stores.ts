import type { BibblanApi } from '../../shared/api-bridge';
import type { Result } from '../../shared/result';
import { setAppInfo, setHostConnection, setLoadError } from './app-store';
import { reloadGoLiveStore } from './golive-store';
import { setObsState } from './obs-store';
import { setSettings } from './settings-store';

/** The WebSocket transport's view of its link to the host; absent under Electron. */
export interface HostLink {
  onConnectionChange(listener: (connected: boolean) => void): () => void;
}

/**
 * Feeds the stores from the API, outside React: subscribes to the events, then loads
 * the current state. Through a WebSocket host it loads again after every reconnect,
 * since events sent while the link was down are lost.
 */
export interface StoreConnection {
  /** Loads the current state again, e.g. from a "Try again" button after a failed start. */
  reload(): Promise<void>;
  disconnect(): void;
}

export function connectStores(api: BibblanApi, host: HostLink | null = null): StoreConnection {
  // Counts events so an answer to getState/get that was overtaken by an event is dropped:
  // the event is newer.
  let obsEvents = 0;
  let settingsEvents = 0;

  const unsubscribers = [
    api.obs.onState((state) => {
      obsEvents += 1;
      setObsState(state);
    }),
    api.settings.onChanged((settings) => {
      settingsEvents += 1;
      setSettings(settings);
    }),
  ];

  const hostDown = <T>(result: Result<T>): boolean =>
    host !== null && !result.ok && result.error.code === 'HOST_CONNECTION_LOST';

  const load = async (): Promise<void> => {
    const obsBefore = obsEvents;
    const settingsBefore = settingsEvents;
    // The go-live store loads itself when its view connects it; after that, with the rest.
    const [settings, obs, info] = await Promise.all([
      api.settings.get(),
      api.obs.getState(),
      api.app.getInfo(),
      reloadGoLiveStore(),
    ]);
    // Through a host that is not up yet, wait for its connect event and load then.
    if (hostDown(settings)) return;
    if (settings.ok) {
      if (settingsEvents === settingsBefore) setSettings(settings.value);
      setLoadError(null);
    } else {
      setLoadError(settings.error);
    }
    if (obs.ok && obsEvents === obsBefore) setObsState(obs.value);
    if (info.ok) setAppInfo(info.value);
  };

  if (host) {
    // The first load waits for the link too: each (re)connect loads everything afresh.
    setHostConnection('connecting');
    unsubscribers.push(
      host.onConnectionChange((connected) => {
        setHostConnection(connected ? 'connected' : 'lost');
        if (connected) void load();
      }),
    );
  } else {
    void load();
  }

  return {
    reload: load,
    disconnect() {
      for (const unsubscribe of unsubscribers) unsubscribe();
    },
  };
}
