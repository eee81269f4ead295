import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeTempDir } from '../../support/temp-dir';
import { waitFor } from '../../support/wait-for';
import { projectRoot, readBuilt } from '../built-output';

/**
 * Loads the real built main process (out/main/index.js) in plain Node, with the `electron`
 * module replaced by a stand-in that records calls (electron-stand-in.mjs). Each boot loads
 * the bundle afresh (a new query string), so every test starts its own app.
 */
export interface StandInWindow {
  options: { webPreferences: Record<string, unknown> } & Record<string, unknown>;
  webContents: StandInWebContents;
  destroyed: boolean;
  emit(event: string, ...args: unknown[]): boolean;
  close(): void;
}
export interface StandInWebContents {
  url: string;
  emit(event: string, ...args: unknown[]): boolean;
}
export interface StandInEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}
export interface StandInState {
  calls: Array<{ name: string; args: unknown[] }>;
  windows: StandInWindow[];
  quitCount: number;
  protocolHandlers: Map<string, (request: { method: string; url: string }) => Promise<Response>>;
  ipcHandlers: Map<string, (event: unknown, params: unknown) => Promise<unknown>>;
  StandInEvent: new () => StandInEvent;
  WebContents: new () => StandInWebContents;
  reset(userData: string, options?: BootOptions): void;
}
interface StandInModule {
  app: { quit(): void; emit(event: string, ...args: unknown[]): boolean };
  powerMonitor: { emit(event: string, ...args: unknown[]): boolean };
}

export interface BootOptions {
  locale?: string;
  /** A stand-in call that throws, e.g. 'protocol.handle', to make the start fail. */
  failOn?: string | null;
  /** The button the user presses in a message box. */
  messageBoxResponse?: number;
  /** settings.json's language; the OBS address always points at a closed port. */
  language?: 'sv' | 'en';
}

const here = dirname(fileURLToPath(import.meta.url));
const standInUrl = pathToFileURL(join(here, 'electron-stand-in.mjs')).href;
const mainUrl = pathToFileURL(join(projectRoot, 'out/main/index.js')).href;
let hooked = false;
let boots = 0;

// Node's own import (see native-import.cjs), not vitest's.
const nativeImport = createRequire(import.meta.url)('./native-import.cjs') as (url: string) => Promise<unknown>;

export interface BootedMain {
  state: StandInState;
  electron: StandInModule;
  userData: string;
  logFolder: string;
  readLog(): string;
  calls(name: string): unknown[][];
  /** Quits like the user would and waits until the app is gone; removes the data folder. */
  shutDown(): Promise<void>;
}

export async function bootMain(options: BootOptions = {}): Promise<BootedMain> {
  readBuilt('out/main/index.js'); // a missing build fails here, saying what to do
  if (!hooked) {
    register(pathToFileURL(join(here, 'electron-hooks.mjs')).href, { data: { standInUrl } });
    hooked = true;
  }
  const electron = (await nativeImport(standInUrl)) as StandInModule;
  const state = (globalThis as unknown as { __electronStandIn: StandInState }).__electronStandIn;
  const dir = makeTempDir('bibblan-shell-');
  writeFileSync(
    join(dir.path, 'settings.json'),
    JSON.stringify({
      schemaVersion: 1,
      language: options.language ?? 'sv',
      obs: { address: 'ws://127.0.0.1:1' },
      setupDone: true,
    }),
  );
  state.reset(dir.path, options);
  await nativeImport(`${mainUrl}?boot=${++boots}`);
  await waitFor(() => state.windows.length > 0 || state.calls.some((c) => c.name === 'app.exit'), {
    message: 'the main process opened its window or exited',
  });
  const logFolder = join(dir.path, 'logs');
  const booted: BootedMain = {
    state,
    electron,
    userData: dir.path,
    logFolder,
    readLog: () => {
      try {
        return readFileSync(join(logFolder, 'bibblan-live.log'), 'utf8');
      } catch {
        return '';
      }
    },
    calls: (name) => state.calls.filter((c) => c.name === name).map((c) => c.args),
    async shutDown() {
      if (state.windows.length > 0 && state.quitCount === 0) {
        electron.app.quit();
        await waitFor(() => state.quitCount > 0, { message: 'the app quit' });
      }
      dir.remove();
    },
  };
  return booted;
}
