import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  RENDERER_ENTRY_URL,
  contentTypeFor,
  devServerOrigin,
  isExternalWebUrl,
  isRendererUrl,
  rendererEntryUrl,
  resolveRendererFile,
} from '../../../electron/main/renderer-location';

describe('devServerOrigin', () => {
  it('honours a loopback dev server only while the app is not packaged', () => {
    expect(devServerOrigin('http://localhost:5173', false)).toBe('http://localhost:5173');
    expect(devServerOrigin('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173');
    expect(devServerOrigin('http://localhost:5173', true)).toBeNull();
    expect(devServerOrigin(undefined, false)).toBeNull();
  });

  it.each(['http://example.com:5173', 'file:///tmp/index.html', 'not a url', 'http://localhost.evil.com:5173'])(
    'ignores %s',
    (value) => expect(devServerOrigin(value, false)).toBeNull(),
  );
});

describe('isRendererUrl', () => {
  it('accepts our scheme and, in development, the dev server origin', () => {
    expect(rendererEntryUrl(null)).toBe(RENDERER_ENTRY_URL);
    expect(isRendererUrl(RENDERER_ENTRY_URL, null)).toBe(true);
    expect(isRendererUrl('bibblan://app/assets/index.js', null)).toBe(true);
    expect(isRendererUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isRendererUrl(rendererEntryUrl('http://localhost:5173'), 'http://localhost:5173')).toBe(true);
  });

  const dev = 'http://localhost:5173';
  it.each([
    ['bibblan://other/index.html', null],
    ['bibblan://user:pw@app/index.html', null],
    ['file:///work/main/out/renderer/index.html', null],
    ['https://example.com/', dev],
    ['http://localhost:5173/', null],
    ['http://localhost:5174/', dev],
    ['about:blank', dev],
    ['', null],
  ] as const)('refuses %s (dev server: %s)', (url, devOrigin) => {
    expect(isRendererUrl(url, devOrigin)).toBe(false);
  });
});

describe('isExternalWebUrl', () => {
  it.each(['https://obsproject.com/', 'http://example.org/x?y=1'])('opens %s', (url) => {
    expect(isExternalWebUrl(url)).toBe(true);
  });
  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-settings:privacy',
    'bibblan://app/index.html',
    'data:text/html,hi',
    'not a url',
  ])('refuses %s', (url) => expect(isExternalWebUrl(url)).toBe(false));
});

describe('resolveRendererFile', () => {
  const dir = resolve('/srv/out/renderer');

  it('maps our URLs into the renderer folder', () => {
    expect(resolveRendererFile(dir, 'bibblan://app/')).toBe(join(dir, 'index.html'));
    expect(resolveRendererFile(dir, 'bibblan://app/index.html')).toBe(join(dir, 'index.html'));
    expect(resolveRendererFile(dir, 'bibblan://app/assets/index-abc.js?v=1#x')).toBe(
      join(dir, 'assets', 'index-abc.js'),
    );
  });

  it('keeps dot segments inside the folder (the URL parser resolves them first)', () => {
    expect(resolveRendererFile(dir, 'bibblan://app/../main/index.js')).toBe(join(dir, 'main', 'index.js'));
    expect(resolveRendererFile(dir, 'bibblan://app/%2e%2e/main/index.js')).toBe(join(dir, 'main', 'index.js'));
    expect(resolveRendererFile(dir, 'bibblan://app/.')).toBe(join(dir, 'index.html'));
  });

  it.each([
    'bibblan://app/assets/%2e%2e%2f%2e%2e%2fmain/index.js',
    'bibblan://app/..%5c..%5cmain%5cindex.js',
    'bibblan://app/%00.html',
    'bibblan://app/%E0%A4%A',
    'bibblan://other/index.html',
    'file:///srv/out/renderer/index.html',
  ])('refuses %s', (url) => expect(resolveRendererFile(dir, url)).toBeNull());
});

describe('contentTypeFor', () => {
  it('names the types a Vite build emits, and nothing is sniffed', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/a.unknown')).toBe('application/octet-stream');
  });
});
