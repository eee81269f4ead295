import { app, session, shell, type WebContents } from 'electron';
import type { Logger } from '../../src/core/ports';
import { isExternalWebUrl, isRendererUrl } from './renderer-location';

/**
 * Guards for every web contents the app ever creates (registered before the first window):
 * no navigation away from the UI, no new windows, no <webview>, no permissions.
 * Links to web pages open in the user's browser; nothing else is ever handed to the OS.
 */
export function setupSecurityGuards(devOrigin: string | null, logger: Logger): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, devOrigin, logger));

  // The app needs no camera, microphone, notifications, geolocation, clipboard, HID, ...
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('A permission request was denied', { permission });
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

function guardWebContents(contents: WebContents, devOrigin: string | null, logger: Logger): void {
  contents.on('will-navigate', (event, url) => {
    // The UI is one page: it never navigates. A plain link to a web page opens in the browser.
    event.preventDefault();
    if (!isRendererUrl(url, devOrigin)) openExternalWebUrl(url, logger);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) {
      event.preventDefault();
      logger.warn('A frame navigation was blocked', { url: event.url });
    }
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalWebUrl(url, logger);
    return { action: 'deny' };
  });
}

/** Opens http(s) URLs in the user's browser; refuses every other protocol. */
export function openExternalWebUrl(url: string, logger: Logger): boolean {
  if (!isExternalWebUrl(url)) {
    logger.warn('Refused to open a link that is not a web page', { protocol: safeProtocol(url) });
    return false;
  }
  shell.openExternal(url).catch((error: unknown) => {
    logger.warn('The browser could not be opened', { error: String(error) });
  });
  return true;
}

const safeProtocol = (url: string): string => {
  try {
    return new URL(url).protocol;
  } catch {
    return 'invalid';
  }
};
