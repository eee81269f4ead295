/**
 * The WebSocket transport's view of its link to the browser host; absent under Electron, whose
 * IPC cannot drop. Events sent while the link is down are lost, so every store fed from the API
 * loads again when it returns (see feed-store.ts).
 */
export interface HostLink {
  onConnectionChange(listener: (connected: boolean) => void): () => void;
  isConnected(): boolean;
}

/** This window's link, set once at start by connectStores; the views' stores follow it too. */
let windowLink: HostLink | null = null;

export const setWindowHostLink = (link: HostLink | null): void => {
  windowLink = link;
};

export const windowHostLink = (): HostLink | null => windowLink;
