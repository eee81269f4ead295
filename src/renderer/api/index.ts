import { buildApi, type BibblanApi } from '../../shared/api-bridge';
import type { HostLink } from '../stores/connect-stores';
import { createWsTransport, phoneWsUrl, wsUrlFromLocation } from './ws-transport';

interface ApiHandle {
  api: BibblanApi;
  /** The WebSocket link to the browser host; null under Electron, whose IPC cannot drop. */
  host: HostLink | null;
  close(): void;
}

let handle: ApiHandle | null = null;
/** A paired phone's page: its socket carries the device cookie, never a token. */
let phone = false;

function open(): ApiHandle {
  // Electron's preload exposes the API; a plain browser talks to the host over WebSocket.
  if (window.bibblan) return { api: window.bibblan, host: null, close: () => {} };
  const url = phone ? phoneWsUrl(location) : wsUrlFromLocation(location);
  const transport = createWsTransport({ url });
  return { api: buildApi(transport), host: transport, close: transport.close };
}

/** This page is a paired phone's (see remote/boot-mode.ts): the next getApi() opens its socket. */
export function choosePhoneSocket(): void {
  closeApi();
  phone = true;
}

/** The one API of this window, opened on first use. */
export function getApi(): BibblanApi {
  handle ??= open();
  return handle.api;
}

/** Stops the socket for good (a phone whose access ended); the next getApi() opens a new one. */
export function closeApi(): void {
  handle?.close();
  handle = null;
}

/** The host link to watch for the WebSocket case, or null. */
export function getHostLink(): HostLink | null {
  handle ??= open();
  return handle.host;
}
