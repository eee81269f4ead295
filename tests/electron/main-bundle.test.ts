import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  arrowBodyAfter,
  blockAfter,
  enclosingFunction,
  functionBody,
  indicesOf,
  leadingGuard,
  projectRoot,
  readBuiltWithChunks,
} from './built-output';

/**
 * Static checks of the built main process (out/main/index.js): the hardening must be in
 * what ships, not only in the sources. No Electron binary is needed.
 */
/** Read per test (cached), so a missing build fails every test with its message. */
let mainText: string | null = null;
const main = (): string => (mainText ??= readBuiltWithChunks('out/main/index.js'));

describe('windows', () => {
  it('creates every BrowserWindow isolated, sandboxed and without Node', () => {
    const windows = indicesOf(main(), 'new BrowserWindow(');
    expect(windows.length).toBeGreaterThan(0);
    for (const at of windows) {
      const options = blockAfter(main(), at);
      const prefs = blockAfter(options, options.indexOf('webPreferences'));
      expect(prefs).toMatch(/contextIsolation:\s*true/);
      expect(prefs).toMatch(/sandbox:\s*true/);
      expect(prefs).toMatch(/nodeIntegration:\s*false/);
      expect(prefs).toMatch(/webviewTag:\s*false/);
      expect(prefs).toMatch(/preload:/);
    }
  });

  it('sandboxes every renderer app-wide', () => {
    expect(main()).toMatch(/app\.enableSandbox\(\)/);
  });

  it.each([
    /contextIsolation:\s*false/,
    /sandbox:\s*false/,
    /nodeIntegration(InWorker|InSubFrames)?:\s*true/,
    /webSecurity:\s*false/,
    /allowRunningInsecureContent:\s*true/,
    /webviewTag:\s*true/,
    /experimentalFeatures:\s*true/,
    /enableBlinkFeatures/,
    /disable-web-security/,
    /setUsePlainTextEncryption\(\s*true/,
  ])('never weakens security: %s', (pattern) => {
    expect(main()).not.toMatch(pattern);
  });

  it('loads a preload that the build actually wrote', () => {
    const preload = /join\(\w+,\s*"(\.\.\/preload\/[^"]+)"\)/.exec(main());
    expect(preload?.[1]).toBe('../preload/index.cjs');
    expect(existsSync(join(projectRoot, 'out/main', preload?.[1] ?? 'missing'))).toBe(true);
  });
});

describe('navigation, new windows, external links, permissions', () => {
  it('prevents every navigation in will-navigate before anything else', () => {
    const at = main().indexOf('"will-navigate"');
    expect(at).toBeGreaterThan(-1);
    const handler = main().slice(at, at + 200);
    const param = /"will-navigate",\s*\((\w+)/.exec(handler)?.[1];
    expect(param).toBeDefined();
    const body = arrowBodyAfter(main(), at);
    expect(body.replace(/^\{\s*/, '')).toMatch(new RegExp(`^${param}\\.preventDefault\\(\\)`));
  });

  it('denies every new window', () => {
    const at = main().indexOf('setWindowOpenHandler(');
    expect(at).toBeGreaterThan(-1);
    const body = arrowBodyAfter(main(), at);
    const actions = [...body.matchAll(/action:\s*"(\w+)"/g)].map((m) => m[1]);
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['deny']));
  });

  it('calls shell.openExternal in one place, only after an http/https check', () => {
    const calls = indicesOf(main(), 'shell.openExternal(');
    expect(calls).toHaveLength(1);
    const at = calls[0] ?? 0;
    const { body } = enclosingFunction(main(), at);
    const guard = leadingGuard(body.slice(1));
    expect(guard, 'openExternal must follow `if (!isWebUrl(url)) { ... return }`').not.toBeNull();
    expect(guard?.block).toMatch(/\breturn\b/);
    const afterGuard = body.indexOf(guard?.block ?? '') + (guard?.block.length ?? 0);
    expect(body.indexOf('shell.openExternal(')).toBeGreaterThanOrEqual(afterGuard);
    const check = functionBody(main(), guard?.check ?? 'missing');
    const protocols = [...check.matchAll(/"([a-z][a-z0-9+.-]*:)"/g)].map((m) => m[1]);
    expect(new Set(protocols)).toEqual(new Set(['https:', 'http:']));
  });

  it('denies every permission request and check', () => {
    const request = arrowBodyAfter(main(), main().indexOf('setPermissionRequestHandler('));
    expect(request).toMatch(/callback\(false\)/);
    expect(request).not.toMatch(/callback\(true\)/);
    expect(main()).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
  });

  it('blocks <webview> attachment', () => {
    expect(main()).toMatch(/"will-attach-webview",\s*\((\w+)\)\s*=>\s*\1\.preventDefault\(\)/);
  });
});

describe('IPC', () => {
  it('registers request handlers only through the contract, no untyped channels', () => {
    expect(indicesOf(main(), 'ipcMain.handle(')).toHaveLength(1);
    expect(main()).toMatch(/for \(const (\w+) of requestNames\) ipcMain\.handle\(requestChannel\(\1\)/);
    expect(main()).not.toMatch(/ipcMain\.(on|once|handleOnce|addListener)\(/);
  });

  it('checks the sender first, then lets the core validate the params', () => {
    const at = main().indexOf('ipcMain.handle(');
    const delegate = /=>\s*(\w+)\(/.exec(main().slice(at, at + 300))?.[1];
    expect(delegate).toBeDefined();
    const handler = functionBody(main(), delegate ?? 'missing');
    const senderCheck = leadingGuard(handler.slice(1));
    expect(senderCheck, 'the handler must start with `if (!isTrustedSender(event, ...)) { ... throw }`').not.toBeNull();
    expect(senderCheck?.args).toMatch(/^event\b/);
    expect(senderCheck?.block).toMatch(/\bthrow\b/);
    expect(handler).toMatch(/\.handle\(name, params\)/);

    const trusted = functionBody(main(), senderCheck?.check ?? 'missing');
    expect(trusted).toMatch(/\.senderFrame/);
    expect(trusted).toMatch(/\.parent !== null/);
    expect(trusted).toMatch(/isAppWebContents\(\w+\.sender\)/);
    expect(trusted).toMatch(/isRendererUrl\(\w+\.url/);

    // The core validates name and params against the contract's schemas.
    expect(main()).toMatch(/if \(!isRequestName\(name\)\)/);
    expect(main()).toMatch(/apiRequests\[name\]\.params\.safeParse\(params\)/);
  });

  it('sends only contract events to the renderer', () => {
    const sends = [...main().matchAll(/\b\w*[cC]ontents\.send\(([^,)]*)/g)].map((m) => m[1]);
    expect(sends.length).toBeGreaterThan(0);
    for (const channel of sends) expect(channel).toMatch(/^eventChannel\(/);
  });
});

describe('renderer protocol', () => {
  it('serves the UI from the privileged bibblan:// scheme, read-only, with a CSP header', () => {
    expect(main()).toMatch(/registerSchemesAsPrivileged\(/);
    expect(main()).toMatch(/protocol\.handle\(/);
    expect(main()).toMatch(/"content-security-policy":/);
    expect(main()).toMatch(/"x-content-type-options": "nosniff"/);
    expect(main()).not.toMatch(/\.loadFile\(/);
  });
});
