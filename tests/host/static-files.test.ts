import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../src/host/server';
import { urlPathSegments } from '../../src/host/static-files';
import { FakeCore, makeSite, rawRequest, removeDir, SECRET_TEXT, tempDir } from './helpers';

describe('urlPathSegments', () => {
  it('maps plain paths and the root', () => {
    expect(urlPathSegments('/')).toEqual(['index.html']);
    expect(urlPathSegments('/assets/app-1a2b.js')).toEqual(['assets', 'app-1a2b.js']);
    expect(urlPathSegments('/assets/')).toEqual(['assets', 'index.html']);
    expect(urlPathSegments('/sv%20text.txt')).toEqual(['sv text.txt']);
  });

  it('rejects traversal in every spelling, backslashes, NUL, drive letters and dotfiles', () => {
    for (const path of [
      '/../x',
      '/assets/../../x',
      '/%2e%2e/x',
      '/%2E%2E/x',
      '/%252e%252e/x',
      '/..%2fx',
      '/%2e%2e%2fx',
      '/..\\x',
      '/%5c..%5cx',
      '/x%00',
      '/x\0',
      '/C:/x',
      '/.env',
      '/%',
      'x',
    ]) {
      expect(urlPathSegments(path), path).toBeNull();
    }
  });
});

describe('browser host: static files', () => {
  let site: ReturnType<typeof makeSite>;
  let host: BrowserHost;
  let cookie: Record<string, string>;

  beforeAll(async () => {
    site = makeSite();
    // A symlink inside the UI folder that points out of it must not be followed.
    symlinkSync(join(site.root, 'secret.txt'), join(site.staticDir, 'assets', 'link.txt'));
    mkdirSync(join(site.staticDir, 'empty'));
    host = await startBrowserHost({ core: new FakeCore(), staticDir: site.staticDir, port: 0 });
    cookie = { Cookie: `bibblan_live_${host.port}=${host.token}` };
  });
  afterAll(async () => {
    await host.close();
    removeDir(site.root);
  });

  it('serves index.html for / with the right type and never caches it', async () => {
    const res = await rawRequest(host.port, `/?token=${host.token}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Bibblan</title>');
    expect(res.head).toMatch(/content-type: text\/html; charset=utf-8/i);
    expect(res.head).toMatch(/cache-control: no-store/i);
  });

  it('serves assets with their content types', async () => {
    for (const [path, type] of [
      ['/assets/app.js', 'text/javascript'],
      ['/assets/app.css', 'text/css'],
      ['/assets/logo.svg', 'image/svg+xml'],
      ['/index.html', 'text/html'],
    ]) {
      const res = await rawRequest(host.port, path ?? '', cookie);
      expect(res.status, path).toBe(200);
      expect(res.head.toLowerCase(), path).toContain(`content-type: ${type}`);
    }
  });

  it('sends the security headers on every response, refusals included', async () => {
    for (const [path, headers] of [
      ['/', {}],
      ['/assets/app.js', cookie],
      ['/missing.js', cookie],
      ['/%2e%2e/secret.txt', cookie],
    ] as const) {
      const head = (await rawRequest(host.port, path, headers)).head.toLowerCase();
      const csp = /content-security-policy: (.*)/.exec(head)?.[1] ?? '';
      expect(csp, path).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("img-src 'self' data: blob:");
      expect(csp).toContain("font-src 'self'");
      expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${host.port} ws://localhost:${host.port}`);
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("form-action 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      // Only the phone remote's pages are installable (src/host/remote).
      expect(csp).not.toContain('manifest-src');
      expect(csp).not.toContain('media-src');
      expect(head).toContain('x-content-type-options: nosniff');
      expect(head).toContain('referrer-policy: no-referrer');
    }
  });

  it('answers 404 for missing files and folders, without a listing', async () => {
    for (const path of ['/missing.js', '/assets', '/empty/', '/assets/link.txt']) {
      const res = await rawRequest(host.port, path, cookie);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('app.js');
      expect(res.body, path).not.toContain(SECRET_TEXT);
    }
  });

  it('never serves a file outside the UI folder, however the path is spelled', async () => {
    for (const path of [
      '/../secret.txt',
      '/../package.json',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/%252e%252e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..\\secret.txt',
      '/\\..\\secret.txt',
      '/%5c..%5csecret.txt',
      '/secret.txt%00',
      '/assets/%00/../../secret.txt',
      '/assets/\0',
      `/${encodeURIComponent(join(site.root, 'secret.txt'))}`,
      `/${site.root}/secret.txt`,
    ]) {
      const res = await rawRequest(host.port, path, cookie);
      expect([400, 404], `${path} -> ${res.status}`).toContain(res.status);
      expect(res.body, path).not.toContain(SECRET_TEXT);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/`, { method: 'POST', headers: cookie });
    expect(res.status).toBe(405);
    const head = await fetch(`http://127.0.0.1:${host.port}/assets/app.js`, { method: 'HEAD', headers: cookie });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('console.log("app");'.length));
  });
});

describe('browser host: UI not built', () => {
  it('says how to build it', async () => {
    const dir = tempDir('unbuilt');
    writeFileSync(join(dir, 'stray.txt'), 'x');
    const host = await startBrowserHost({ core: new FakeCore(), staticDir: join(dir, 'missing'), port: 0 });
    try {
      const res = await fetch(host.url);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain("The app's UI is not built yet: run npm run build");
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    } finally {
      await host.close();
      removeDir(dir);
    }
  });
});
