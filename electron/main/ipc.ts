import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { AppCore } from '../../src/core/app-core';
import type { Logger } from '../../src/core/ports';
import { requestNames, type RequestName } from '../../src/shared/api-contract';
import { eventChannel, requestChannel } from '../../src/shared/api-bridge';
import { appError } from '../../src/shared/errors';
import { fail, type Result } from '../../src/shared/result';
import { isRendererUrl } from './renderer-location';
import { getAppWindows, isAppWebContents } from './window';

/**
 * One `ipcMain.handle` per request of the contract, nothing generic. Each checks who is
 * asking, then hands the untrusted params to the core, which validates them against the
 * contract's schemas. Core events go to our windows only.
 */
export function setupIpc(
  core: AppCore,
  devOrigin: string | null,
  logger: Logger,
  /** Told of each request our UI makes: the first one shows the UI runs (renderer-watch.ts). */
  onUiRequest: (contents: WebContents) => void = () => {},
): () => void {
  for (const name of requestNames) {
    ipcMain.handle(requestChannel(name), (event, params: unknown) => handleRequest(core, name, event, params));
  }

  async function handleRequest(
    appCore: AppCore,
    name: RequestName,
    event: IpcMainInvokeEvent,
    params: unknown,
  ): Promise<Result<unknown>> {
    if (!isTrustedSender(event, devOrigin)) {
      logger.warn('Refused an IPC request from a sender that is not our UI', { request: name });
      throw new Error('Request refused');
    }
    onUiRequest(event.sender);
    try {
      return await appCore.handle(name, params);
    } catch (error) {
      logger.error('The core threw while answering a request', { request: name, error: String(error) });
      return fail(appError('INTERNAL_ERROR'));
    }
  }

  const unsubscribe = core.subscribe((name, payload) => {
    for (const win of getAppWindows()) {
      const contents = win.webContents;
      if (!contents.isDestroyed() && isRendererUrl(contents.getURL(), devOrigin)) {
        contents.send(eventChannel(name), payload);
      }
    }
  });

  return () => {
    unsubscribe();
    for (const name of requestNames) ipcMain.removeHandler(requestChannel(name));
  };
}

/** The top frame of one of our windows, showing our renderer: nothing else may call the core. */
export function isTrustedSender(event: IpcMainInvokeEvent, devOrigin: string | null): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!isAppWebContents(event.sender)) return false;
  return isRendererUrl(frame.url, devOrigin);
}
