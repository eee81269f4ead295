import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, safeStorage, shell, type WebContents } from 'electron';
import type { AppCore } from '../../src/core/app-core';
import { logFolderIn, wireAppCore } from '../../src/core/app-wiring';
import { remotePlatform } from '../../src/host/remote';
import { setupCleanQuit, type CleanQuit } from './clean-quit';
import { setupIpc } from './ipc';
import { createMainLogger } from './main-logger';
import { openElectronStore } from './open-electron-store';
import { devServerOrigin } from './renderer-location';
import { registerRendererScheme, setupRendererProtocol } from './renderer-protocol';
import { watchRenderer, type RendererWatch } from './renderer-watch';
import { SafeStorageSecretStore } from './safe-storage-secret-store';
import { setupSecurityGuards } from './security';
import { reportStartFailure } from './startup-error';
import { createMainWindow, focusWindow, getAppWindows } from './window';

/** Boot of the Electron shell: one `setupX()` per concern once the app is ready. */

const here = dirname(fileURLToPath(import.meta.url)); // out/main
const preloadPath = join(here, '../preload/index.cjs');
const rendererDir = join(here, '../renderer');

// The user-data folder is known before `ready`, so even a failed start is logged.
const logDir = logFolderIn(app.getPath('userData'));
const { logger } = createMainLogger(logDir);
const devOrigin = devServerOrigin(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
const rendererWatches = new Map<WebContents, RendererWatch>();

// Before `ready`: every renderer sandboxed, our scheme privileged, one instance only.
app.enableSandbox();
registerRendererScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setAppUserModelId('se.bibblanlive.app');
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => reportStartFailure(error, logger, logDir));
}

function onReady(): void {
  logger.info('Starting', { version: app.getVersion(), platform: process.platform });
  setupSecurityGuards(devOrigin, logger);
  setupRendererProtocol(rendererDir, logger);
  const core = setupCore();
  setupIpc(core, devOrigin, logger, (contents) => rendererWatches.get(contents)?.ready());
  core.start();
  const cleanQuit = setupCleanQuit(core, logger);
  setupLifecycle(cleanQuit);
  openWindow(cleanQuit);
}

function setupCore(): AppCore {
  const userData = app.getPath('userData');
  return wireAppCore({
    dataDir: userData,
    openStore: openElectronStore,
    openSecrets: () => {
      const file = openElectronStore('secrets');
      const store = new SafeStorageSecretStore({
        cipher: safeStorage,
        file: file.store,
        platform: process.platform,
        logger,
      });
      return { store, notices: store.notice ? [...file.notices, store.notice] : file.notices };
    },
    version: app.getVersion(),
    logger,
    logFolder: { path: logDir, open: openLogFolder },
    // The phone remote serves the same built UI (inside app.asar when packaged) on a LAN address.
    remote: remotePlatform({ staticDir: rendererDir, logger }),
  });
}

async function openLogFolder(): Promise<boolean> {
  mkdirSync(logDir, { recursive: true });
  const problem = await shell.openPath(logDir); // '' when it opened
  if (problem) logger.warn('The log folder could not be opened', { problem });
  return problem === '';
}

function openWindow(cleanQuit: CleanQuit): BrowserWindow {
  const win = createMainWindow({ preloadPath, devOrigin, logger });
  const contents = win.webContents;
  rendererWatches.set(contents, watchRenderer(win, logger));
  win.on('closed', () => rendererWatches.delete(contents));
  cleanQuit.watchWindow(win);
  return win;
}

function setupLifecycle(cleanQuit: CleanQuit): void {
  app.on('second-instance', () => focusWindow(getAppWindows()[0] ?? openWindow(cleanQuit)));
  app.on('activate', () => {
    if (getAppWindows().length === 0) openWindow(cleanQuit);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
