import { readdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lanAddresses } from '../../src/host/remote/lan-addresses';
import { apiRequests, requestNames } from '../../src/shared/api-contract';
import { requestChannel } from '../../src/shared/api-bridge';
import { AppErrorSchema } from '../../src/shared/errors';
import { waitFor } from '../support/wait-for';
import { projectRoot } from './built-output';
import { bootMain, type BootedMain, type BootOptions } from './support/boot-main';

/**
 * The built main process (out/main/index.js) run in Node against a stand-in `electron` that
 * only records calls: what the shell does with Electron's API, as Electron documents it.
 * No Electron binary is needed; electron-smoke.test.ts does the same with a real one.
 */
const running: BootedMain[] = [];
async function boot(options?: BootOptions): Promise<BootedMain> {
  const main = await bootMain(options);
  running.push(main);
  return main;
}
// The main process logs to the console too; the tests read its log file instead.
beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
  for (const main of running.splice(0)) await main.shutDown();
  vi.restoreAllMocks();
});

const ENTRY = 'bibblan://app/index.html';
const trusted = (main: BootedMain) => ({
  sender: main.state.windows[0]?.webContents,
  senderFrame: { url: ENTRY, parent: null },
});

describe('start-up', () => {
  it('opens one hardened window on the bibblan:// entry, sandboxed before ready', async () => {
    const main = await boot();
    expect(main.state.windows).toHaveLength(1);
    expect(main.state.windows[0]?.options.webPreferences).toEqual({
      preload: join(projectRoot, 'out/preload/index.cjs'),
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
      devTools: false,
    });
    expect(main.calls('loadURL')).toEqual([[ENTRY]]);
    expect(main.calls('app.enableSandbox')).toEqual([[{ ready: false }]]);
    const [schemes, when] = main.calls('protocol.registerSchemesAsPrivileged')[0] ?? [];
    expect(when).toEqual({ ready: false });
    expect(schemes).toEqual([
      { scheme: 'bibblan', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('shows a Swedish dialog, writes the log and exits 1 when the start fails', async () => {
    const main = await boot({ failOn: 'protocol.handle' });
    expect(main.state.windows).toHaveLength(0);
    const [[title, body]] = main.calls('dialog.showErrorBox') as [[string, string]];
    expect(title).toBe('Bibblan Live kunde inte starta');
    expect(body).toContain('Starta programmet igen');
    expect(body).toContain(main.logFolder);
    expect(main.calls('app.exit')).toEqual([[1]]);
    expect(main.readLog()).toMatch(/error \[main\] The app could not start .*stand-in: protocol\.handle failed/);
  });

  it('says it in English when that is the saved language, whatever the OS locale', async () => {
    const main = await boot({ failOn: 'protocol.handle', language: 'en', locale: 'sv-SE' });
    const [[title]] = main.calls('dialog.showErrorBox') as [[string]];
    expect(title).toBe('Bibblan Live could not start');
  });
});

describe('bibblan:// serves the built UI', () => {
  const get = async (main: BootedMain, url: string, method = 'GET') => {
    const handler = main.state.protocolHandlers.get('bibblan');
    if (!handler) throw new Error('no bibblan:// handler registered');
    return handler({ method, url });
  };
  const assets = readdirSync(join(projectRoot, 'out/renderer/assets'));

  it.each([
    ['index.html', ENTRY, 'text/html'],
    ['the UI script', `bibblan://app/assets/${assets.find((f) => f.endsWith('.js'))}`, 'text/javascript'],
    ['the style sheet', `bibblan://app/assets/${assets.find((f) => f.endsWith('.css'))}`, 'text/css'],
  ])('%s with its content type, a CSP and nosniff', async (_name, url, type) => {
    const main = await boot();
    const response = await get(main, url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(new RegExp(`^${type}`));
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it.each([
    'bibblan://app/../main/index.js',
    'bibblan://app/%2e%2e/main/index.js',
    'bibblan://app/..%2fmain%2findex.js',
    'bibblan://app/assets/..%5c..%5cmain%5cindex.js',
    'bibblan://app/%00index.html',
    'bibblan://other/index.html',
    'bibblan://app/no-such-file.js',
  ])('refuses %s', async (url) => {
    const main = await boot();
    const response = await get(main, url);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('');
  });

  it('answers only GET', async () => {
    const main = await boot();
    expect((await get(main, ENTRY, 'POST')).status).toBe(405);
  });
});

describe('IPC', () => {
  it('has one handler per request of the contract, and nothing else', async () => {
    const main = await boot();
    expect(new Set(main.state.ipcHandlers.keys())).toEqual(new Set(requestNames.map(requestChannel)));
  });

  it('answers every request from our window through the contract', async () => {
    const main = await boot();
    for (const name of requestNames) {
      const handler = main.state.ipcHandlers.get(requestChannel(name));
      // No params: each request either needs none (answered ok) or says VALIDATION_FAILED.
      const answer = (await handler?.(trusted(main), undefined)) as { ok: boolean; value?: unknown; error?: unknown };
      if (answer.ok) expect(apiRequests[name].result.safeParse(answer.value).success, name).toBe(true);
      else expect(AppErrorSchema.safeParse(answer.error).success, name).toBe(true);
    }
    const info = (await main.state.ipcHandlers.get(requestChannel('app.getInfo'))?.(trusted(main), undefined)) as {
      ok: boolean;
      value: { version: string; secretProtection: string };
    };
    expect(info).toMatchObject({ ok: true, value: { version: '0.1.0', secretProtection: 'os-encryption' } });
  });

  it.each([
    [
      'another web contents',
      (main: BootedMain) => ({ sender: new main.state.WebContents(), senderFrame: { url: ENTRY, parent: null } }),
    ],
    [
      'a page that is not ours',
      (main: BootedMain) => ({ ...trusted(main), senderFrame: { url: 'https://evil.example/', parent: null } }),
    ],
    ['a frame inside our page', (main: BootedMain) => ({ ...trusted(main), senderFrame: { url: ENTRY, parent: {} } })],
    ['no frame at all', (main: BootedMain) => ({ ...trusted(main), senderFrame: null })],
  ])('refuses a request from %s', async (_name, event) => {
    const main = await boot();
    const handler = main.state.ipcHandlers.get(requestChannel('settings.get'));
    await expect(handler?.(event(main), undefined)).rejects.toThrow('Request refused');
    expect(main.readLog()).toContain('Refused an IPC request from a sender that is not our UI');
  });

  it("gives the core the phone remote: this computer's name and LAN addresses, on the fixed port", async () => {
    const main = await boot();
    const state = (await main.state.ipcHandlers.get(requestChannel('remote.getState'))?.(trusted(main), undefined)) as {
      ok: boolean;
      value: { enabled: boolean; computerName: string; addresses: string[]; port: number };
    };
    expect(state).toMatchObject({
      ok: true,
      value: { enabled: false, computerName: hostname(), addresses: lanAddresses(), port: 47180 },
    });
  });

  it('opens the log folder with shell.openPath', async () => {
    const main = await boot();
    const answer = await main.state.ipcHandlers.get(requestChannel('app.openLogFolder'))?.(trusted(main), undefined);
    expect(answer).toEqual({ ok: true, value: { folder: main.logFolder } });
    expect(main.calls('shell.openPath')).toEqual([[main.logFolder]]);
  });
});

describe('quitting and shutdown', () => {
  it('quit waits for the core to stop, then quits', async () => {
    const main = await boot();
    main.electron.app.quit();
    // The first quit is held back while the core stops; the app quits once it has.
    expect(main.calls('app.quit')[0]).toEqual([{ prevented: true }]);
    expect(main.state.quitCount).toBe(0);
    await waitFor(() => main.state.quitCount === 1, { message: 'the app quit after the core stopped' });
    expect(main.readLog()).toMatch(/Stopping the core \{"reason":"quit"\}/);
  });

  it.each([
    [
      'the OS shuts down (macOS, Linux)',
      (main: BootedMain, event: unknown) => main.electron.powerMonitor.emit('shutdown', event),
    ],
    [
      'Windows asks to end the session',
      (main: BootedMain, event: unknown) =>
        main.state.windows[0]?.emit('query-session-end', Object.assign(event as object, { reasons: ['shutdown'] })),
    ],
  ])('stops the core once when %s, holding the OS back meanwhile', async (_name, emit) => {
    const main = await boot();
    const event = new main.state.StandInEvent();
    emit(main, event);
    expect(event.defaultPrevented).toBe(true);
    // Windows then ends the session; a quit may come too: none of them stops the core again.
    main.state.windows[0]?.emit('session-end', new main.state.StandInEvent());
    await waitFor(() => main.state.quitCount >= 1, { message: 'the app quit after the core stopped' });
    main.electron.app.quit();
    expect(main.readLog().match(/Stopping the core/g)).toHaveLength(1);
  });

  it('stops the core when Windows ends the session without asking', async () => {
    const main = await boot();
    main.state.windows[0]?.emit('session-end', Object.assign(new main.state.StandInEvent(), { reasons: ['logoff'] }));
    await waitFor(() => main.state.quitCount >= 1, { message: 'the app quit after the core stopped' });
    expect(main.readLog()).toMatch(/Stopping the core \{"reason":"session-end"\}/);
  });
});

describe('a window that crashes', () => {
  it('says so and reloads when the user presses Reload', async () => {
    const main = await boot({ messageBoxResponse: 0 });
    main.state.windows[0]?.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 133 });
    await waitFor(() => main.calls('webContents.reload').length === 1, { message: 'the window reloaded' });
    const [[options]] = main.calls('dialog.showMessageBox') as [[{ message: string; buttons: string[] }]];
    expect(options.message).toBe('Fönstret i Bibblan Live slutade fungera.');
    expect(options.buttons).toEqual(['Ladda om', 'Avsluta']);
    expect(main.readLog()).toMatch(/error \[main\] The renderer process ended \{"reason":"crashed","exitCode":133\}/);
  });

  it('quits (cleanly) when the user presses Quit', async () => {
    const main = await boot({ messageBoxResponse: 1, language: 'en' });
    main.state.windows[0]?.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    await waitFor(() => main.state.quitCount === 1, { message: 'the app quit' });
    const [[options]] = main.calls('dialog.showMessageBox') as [[{ buttons: string[] }]];
    expect(options.buttons).toEqual(['Reload', 'Quit']);
    expect(main.calls('webContents.reload')).toHaveLength(0);
  });

  it('asks the same when the UI never starts (no request within 30 s)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let main: BootedMain;
    try {
      main = await boot({ messageBoxResponse: 0 });
      vi.advanceTimersByTime(29_000);
      expect(main.calls('dialog.showMessageBox')).toHaveLength(0);
      vi.advanceTimersByTime(1_000);
    } finally {
      vi.useRealTimers();
    }
    await waitFor(() => main.calls('webContents.reload').length === 1, { message: 'the window reloaded' });
    const [[options]] = main.calls('dialog.showMessageBox') as [[{ message: string }]];
    expect(options.message).toBe('Fönstret i Bibblan Live blev inte klart.');
    expect(main.readLog()).toContain('The window did not become ready in time');
  });

  it('asks nothing when the UI has made its first request', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let main: BootedMain;
    try {
      main = await boot();
      await main.state.ipcHandlers.get(requestChannel('app.getInfo'))?.(trusted(main), undefined);
      vi.advanceTimersByTime(60_000);
    } finally {
      vi.useRealTimers();
    }
    expect(main.calls('dialog.showMessageBox')).toHaveLength(0);
  });

  it('asks the same when the UI fails to load', async () => {
    const main = await boot({ messageBoxResponse: 0 });
    main.state.windows[0]?.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', ENTRY, true);
    await waitFor(() => main.calls('webContents.reload').length === 1, { message: 'the window reloaded' });
    const [[options]] = main.calls('dialog.showMessageBox') as [[{ message: string }]];
    expect(options.message).toBe('Fönstret i Bibblan Live blev inte klart.');
  });
});
