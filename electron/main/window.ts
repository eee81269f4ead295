import { app, BrowserWindow, type WebContents } from 'electron';
import type { Logger } from '../../src/core/ports';
import { rendererEntryUrl } from './renderer-location';

/** The windows this app created; IPC answers only these (see ipc.ts). */
const appWindows = new Set<BrowserWindow>();

export const getAppWindows = (): BrowserWindow[] => [...appWindows].filter((win) => !win.isDestroyed());

export const isAppWebContents = (contents: WebContents): boolean =>
  getAppWindows().some((win) => win.webContents === contents);

export interface MainWindowOptions {
  preloadPath: string;
  devOrigin: string | null;
  logger: Logger;
}

export function createMainWindow({ preloadPath, devOrigin, logger }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Bibblan Live',
    width: 1100,
    height: 760,
    // Narrow enough to sit beside OBS on a laptop screen.
    minWidth: 360,
    minHeight: 480,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  appWindows.add(win);
  win.on('closed', () => appWindows.delete(win));
  win.once('ready-to-show', () => win.show());

  const url = rendererEntryUrl(devOrigin);
  win.loadURL(url).catch((error: unknown) => {
    logger.error('The window could not load the UI', { url, error: String(error) });
  });
  return win;
}

/** For a second launch: bring the existing window forward instead of opening another app. */
export function focusWindow(win: BrowserWindow | undefined): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
