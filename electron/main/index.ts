import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, safeStorage } from 'electron';
import { createAppCore, type AppCore } from '../../src/core/app-core';
import type { Logger } from '../../src/core/ports';
import type { AppError } from '../../src/shared/errors';
import { createConsoleLogger } from './logger';
import { presetStoreNotices } from '../../src/core/presets/preset-store';
import { openElectronStore } from './open-electron-store';
import { devServerOrigin } from './renderer-location';
import { registerRendererScheme, setupRendererProtocol } from './renderer-protocol';
import { SafeStorageSecretStore } from './safe-storage-secret-store';
import { setupSecurityGuards } from './security';
import { setupIpc } from './ipc';
import { createMainWindow, focusWindow, getAppWindows } from './window';

/** Boot of the Electron shell: one `setupX()` per concern once the app is ready. */

const here = dirname(fileURLToPath(import.meta.url)); // out/main
const preloadPath = join(here, '../preload/index.cjs');
const rendererDir = join(here, '../renderer');
const STOP_TIMEOUT_MS = 5_000;

const logger = createConsoleLogger('main');
const devOrigin = devServerOrigin(process.env.ELECTRON_RENDERER_URL, app.isPackaged);

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
    .catch((error: unknown) => {
      logger.error('The app could not start', { error: String(error) });
      app.exit(1);
    });
}

function onReady(): void {
  setupSecurityGuards(devOrigin, logger);
  setupRendererProtocol(rendererDir, logger);
  const core = setupCore(logger);
  setupIpc(core, devOrigin, logger);
  core.start();
  openWindow();
  setupLifecycle(core);
}

function setupCore(log: Logger): AppCore {
  const notices: AppError[] = [];
  const settings = openElectronStore('settings');
  const secretFile = openElectronStore('secrets');
  notices.push(...settings.notices, ...secretFile.notices);
  const secrets = new SafeStorageSecretStore({
    cipher: safeStorage,
    file: secretFile.store,
    platform: process.platform,
    logger: log,
  });
  if (secrets.notice) notices.push(secrets.notice);
  // Destinations (no keys: those are in secrets) and the go-live checklist (issue #5).
  const destinations = openElectronStore('destinations');
  const checklist = openElectronStore('checklist');
  notices.push(...destinations.notices, ...checklist.notices);
  // Scene presets (issue #3): the user's presets, program details and what the app made in OBS.
  const presets = openElectronStore('presets');
  notices.push(...presetStoreNotices(presets.notices));
  return createAppCore({
    settings: settings.store,
    secrets,
    version: app.getVersion(),
    notices,
    logger: log,
    destinations: destinations.store,
    checklist: checklist.store,
    presets: presets.store,
    logDir: join(app.getPath('userData'), 'broadcast-log'),
  });
}

const openWindow = (): BrowserWindow => createMainWindow({ preloadPath, devOrigin, logger });

function setupLifecycle(core: AppCore): void {
  app.on('second-instance', () => focusWindow(getAppWindows()[0] ?? openWindow()));
  app.on('activate', () => {
    if (getAppWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Close the OBS connection cleanly before the process ends (bounded: never hang the quit).
  let stopping: Promise<void> | null = null;
  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    stopping ??= Promise.race([core.stop(), new Promise<void>((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS))])
      .catch((error: unknown) => logger.error('The core did not stop cleanly', { error: String(error) }))
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });
}
