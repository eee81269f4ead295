import { join } from 'node:path';
import type { AppError } from '../shared/errors';
import { createAppCore, type AppCore, type LogFolder, type RemoteDeps } from './app-core';
import type { DocumentStore, Logger, SecretName, SecretStore } from './ports';
import { presetStoreNotices } from './presets/preset-store';

/**
 * The one start-up wiring of the core, used by the Electron main process and the browser
 * host alike: which files the core keeps in the data folder, in which order their notices
 * are shown, and the secret store seen through the logger's redaction. Each side passes
 * only what differs: how a file is opened (electron-store or conf) and how secrets are kept.
 */
export const STORE_NAMES = ['settings', 'destinations', 'checklist', 'presets', 'remote-devices'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

export interface OpenedStore {
  store: DocumentStore;
  notices: AppError[];
}

export interface AppWiring {
  /** The user-data folder: the stores' files, `broadcast-log/` and `logs/` live here. */
  dataDir: string;
  openStore(name: StoreName): OpenedStore;
  /** Opened after settings.json, so its notices follow the settings file's. */
  openSecrets(): { store: SecretStore; notices: AppError[] };
  version: string;
  logger: Logger;
  /** Where the log files are and how to show them; absent: "not available". */
  logFolder?: LogFolder;
  /** The phone remote's LAN listener and the computer's addresses; absent: the remote cannot be turned on. */
  remote?: RemoteDeps;
}

export function wireAppCore(wiring: AppWiring): AppCore {
  const { logger } = wiring;
  const settings = wiring.openStore('settings');
  const secrets = wiring.openSecrets();
  const destinations = wiring.openStore('destinations');
  const checklist = wiring.openStore('checklist');
  const presets = wiring.openStore('presets');
  const remoteDevices = wiring.openStore('remote-devices');
  return createAppCore({
    settings: settings.store,
    secrets: secretsSeenByLogger(secrets.store, logger),
    version: wiring.version,
    notices: [
      ...settings.notices,
      ...secrets.notices,
      ...destinations.notices,
      ...checklist.notices,
      ...presetStoreNotices(presets.notices),
      ...remoteDevices.notices,
    ],
    logger,
    destinations: destinations.store,
    checklist: checklist.store,
    presets: presets.store,
    logDir: join(wiring.dataDir, 'broadcast-log'),
    logFolder: wiring.logFolder,
    remoteDevices: remoteDevices.store,
    ...(wiring.remote ? { remote: wiring.remote } : {}),
  });
}

/** The log folder inside a data folder; both sides keep their log files there. */
export const logFolderIn = (dataDir: string): string => join(dataDir, 'logs');

/** Every secret read or saved is handed to the logger, which then never writes it. */
function secretsSeenByLogger(store: SecretStore, logger: Logger): SecretStore {
  return {
    get protection() {
      return store.protection;
    },
    get(name: SecretName) {
      const value = store.get(name);
      logger.addSecret?.(value);
      return value;
    },
    set(name: SecretName, value: string) {
      logger.addSecret?.(value);
      store.set(name, value);
    },
    delete(name: SecretName) {
      store.delete(name);
    },
  };
}
