// A stand-in for the `electron` module, loaded in plain Node instead of Electron (see
// electron-hooks.mjs). It only records what the shell does with Electron's API and lets a test
// play Electron's part (emit its events, call the handlers the shell registered). The state
// lives on globalThis, so the test (loaded by vitest) and the bundle (loaded by Node) share it.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';

const state = (globalThis.__electronStandIn ??= {});

class StandInEvent {
  defaultPrevented = false;
  preventDefault() {
    this.defaultPrevented = true;
  }
}

const record = (name, ...args) => state.calls.push({ name, args });
const failIfAsked = (name) => {
  if (state.failOn === name) throw new Error(`stand-in: ${name} failed`);
};

class WebContents extends EventEmitter {
  url = '';
  destroyed = false;
  sent = [];
  windowOpenHandler = null;
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return this.destroyed;
  }
  send(channel, payload) {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  reload() {
    record('webContents.reload');
  }
}

export class BrowserWindow extends EventEmitter {
  destroyed = false;
  constructor(options) {
    super();
    failIfAsked('new BrowserWindow');
    this.options = options;
    this.webContents = new WebContents();
    state.windows.push(this);
    record('new BrowserWindow', options);
    app.emit('web-contents-created', new StandInEvent(), this.webContents);
  }
  loadURL(url) {
    record('loadURL', url);
    this.webContents.url = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  show() {
    record('window.show');
  }
  focus() {}
  close() {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

class App extends EventEmitter {
  enableSandbox() {
    record('app.enableSandbox', { ready: state.ready });
  }
  requestSingleInstanceLock() {
    return true;
  }
  setAppUserModelId(id) {
    record('app.setAppUserModelId', id);
  }
  whenReady() {
    record('app.whenReady');
    state.ready = true;
    return Promise.resolve();
  }
  get isPackaged() {
    return true;
  }
  getPath(name) {
    if (name === 'userData') return state.userData;
    return join(state.userData, `path-${name}`);
  }
  getVersion() {
    return '0.1.0';
  }
  getLocale() {
    return state.locale;
  }
  /** Like Electron: `before-quit` may be prevented; otherwise the app quits. */
  quit() {
    const event = new StandInEvent();
    this.emit('before-quit', event);
    record('app.quit', { prevented: event.defaultPrevented });
    if (!event.defaultPrevented) state.quitCount += 1;
  }
  exit(code) {
    record('app.exit', code);
  }
}

export const app = new App();

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', schemes, { ready: state.ready });
  },
  handle(scheme, handler) {
    failIfAsked('protocol.handle');
    state.protocolHandlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => record('setPermissionRequestHandler', handler),
    setPermissionCheckHandler: (handler) => record('setPermissionCheckHandler', handler),
    setDevicePermissionHandler: (handler) => record('setDevicePermissionHandler', handler),
  },
};

export const ipcMain = {
  handle(channel, handler) {
    state.ipcHandlers.set(channel, handler);
  },
  removeHandler(channel) {
    state.ipcHandlers.delete(channel);
  },
  on(channel) {
    record('ipcMain.on', channel); // electron-store's own channel
  },
};

export const dialog = {
  showErrorBox(title, content) {
    record('dialog.showErrorBox', title, content);
  },
  async showMessageBox(options) {
    record('dialog.showMessageBox', options);
    return { response: state.messageBoxResponse, checkboxChecked: false };
  },
};

export const powerMonitor = new EventEmitter();

// "Encrypts" reversibly, so the secret store takes its os-encryption path.
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text) => Buffer.from(`enc:${text}`),
  decryptString: (data) => data.toString().replace(/^enc:/, ''),
};

export const shell = {
  async openExternal(url) {
    record('shell.openExternal', url);
  },
  async openPath(path) {
    record('shell.openPath', path);
    return '';
  },
};

export const contextBridge = {};
export const ipcRenderer = {};

/** Forgets everything between two loads of the bundle (this module is loaded once). */
export function resetStandIn(userData, { locale = 'sv-SE', failOn = null, messageBoxResponse = 0 } = {}) {
  Object.assign(state, {
    userData,
    locale,
    failOn,
    messageBoxResponse,
    ready: false,
    calls: [],
    windows: [],
    quitCount: 0,
    protocolHandlers: new Map(),
    ipcHandlers: new Map(),
  });
  app.removeAllListeners();
  powerMonitor.removeAllListeners();
}
state.reset = resetStandIn;
state.StandInEvent = StandInEvent;
state.WebContents = WebContents;

export default { app, BrowserWindow, protocol, session, ipcMain, dialog, powerMonitor, safeStorage, shell };
