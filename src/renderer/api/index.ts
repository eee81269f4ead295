import { buildApi, type BibblanApi } from '../../shared/api-bridge';
import type { HostLink } from '../stores/connect-stores';
import { createWsTransport, wsUrlFromLocation } from './ws-transport';

interface ApiHandle {
  api: BibblanApi;
  /** The WebSocket link to the browser host; null under Electron, whose IPC cannot drop. */
  host: HostLink | null;
}

let handle: ApiHandle | null = null;

function open(): ApiHandle {
  // Electron's preload exposes the API; a plain browser talks to the host over WebSocket.
  if (window.bibblan) return { api: window.bibblan, host: null };
  const transport = createWsTransport({ url: wsUrlFromLocation(location) });
  return { api: buildApi(transport), host: transport };
}

/** The one API of this window, opened on first use. */
export function getApi(): BibblanApi {
  handle ??= open();
  return handle.api;
}

/** The host link to watch for the WebSocket case, or null. */
export function getHostLink(): HostLink | null {
  handle ??= open();
  return handle.host;
}
