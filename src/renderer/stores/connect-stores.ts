import type { BibblanApi } from '../../shared/api-bridge';
import { setAppInfo, setHostConnection, setLoadError } from './app-store';
import { feedStore } from './feed-store';
import { setWindowHostLink, type HostLink } from './host-link';
import { setLiveState } from './live-store';
import { setObsState } from './obs-store';
import { setSettings } from './settings-store';

export type { HostLink } from './host-link';

/**
 * Feeds the window's always-on stores (settings, OBS, the live state, app info) from the API,
 * outside React, and tracks the link to the host. The views' stores (go-live, live health and
 * meters, presets, log) are fed while their view is open, and follow the same link.
 */
export interface StoreConnection {
  /** Loads the current state again, e.g. from a "Try again" button after a failed start. */
  reload(): Promise<void>;
  disconnect(): void;
}

export function connectStores(api: BibblanApi, host: HostLink | null = null): StoreConnection {
  setWindowHostLink(host);
  const offHost = host?.onConnectionChange((connected) => setHostConnection(connected ? 'connected' : 'lost'));
  if (host) setHostConnection(host.isConnected() ? 'connected' : 'connecting');

  const feed = feedStore(
    [
      {
        on: api.settings.onChanged,
        load: api.settings.get,
        set: (settings) => {
          setSettings(settings);
          setLoadError(null);
        },
        // Shown instead of the app when nothing could be loaded.
        failed: setLoadError,
      },
      { on: api.obs.onState, load: api.obs.getState, set: setObsState },
      { on: api.live.onState, load: api.live.getState, set: setLiveState },
      { load: api.app.getInfo, set: setAppInfo },
    ],
    { link: host },
  );

  return {
    reload: feed.reload,
    disconnect() {
      offHost?.();
      feed.stop();
    },
  };
}
