import type { BibblanApi } from '../shared/api-bridge';

declare global {
  interface Window {
    /** Set by Electron's preload (contextBridge); absent in a plain browser. */
    readonly bibblan?: BibblanApi;
  }
}

export {};
