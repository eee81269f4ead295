import { create } from 'zustand';
import type { AppInfo } from '../../shared/api-contract';
import type { AppError } from '../../shared/errors';

/**
 * The link between this window and the app's core. `local` when the core is reached
 * through Electron's preload (it cannot drop); the other states are the WebSocket host's.
 */
export type HostConnection = 'local' | 'connecting' | 'connected' | 'lost';

export interface AppStore {
  info: AppInfo | null;
  /** Notices from AppInfo the user has not dismissed yet. */
  notices: AppError[];
  host: HostConnection;
  /** Why the first load failed, shown instead of the app. */
  loadError: AppError | null;
}

export const useAppStore = create<AppStore>()(() => ({
  info: null,
  notices: [],
  host: 'local',
  loadError: null,
}));

export const setAppInfo = (info: AppInfo): void =>
  useAppStore.setState((s) => ({
    info,
    // A reload after a host reconnect must not bring back notices already dismissed.
    notices: s.info ? s.notices : info.notices,
  }));

export const dismissNotice = (index: number): void =>
  useAppStore.setState((s) => ({ notices: s.notices.filter((_, i) => i !== index) }));

export const setHostConnection = (host: HostConnection): void => useAppStore.setState({ host });

export const setLoadError = (loadError: AppError | null): void => useAppStore.setState({ loadError });
