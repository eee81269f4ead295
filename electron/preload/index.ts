import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  buildApi,
  eventChannel,
  requestChannel,
  type ApiTransport,
  type BibblanApi,
} from '../../src/shared/api-bridge';
import type { Result } from '../../src/shared/result';

/**
 * The sandboxed preload: the renderer gets `window.bibblan`, the contract's named methods
 * and nothing else. No ipcRenderer, no generic invoke/send/on, and listeners never see the
 * IPC event (its `sender` is the ipcRenderer itself).
 */
const transport: ApiTransport = {
  request: (name, params) => ipcRenderer.invoke(requestChannel(name), params) as Promise<Result<unknown>>,
  subscribe(name, listener) {
    const channel = eventChannel(name);
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

const api: BibblanApi = buildApi(transport);

contextBridge.exposeInMainWorld('bibblan', api);
