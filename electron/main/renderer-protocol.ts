import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import type { Logger } from '../../src/core/ports';
import { RENDERER_BASELINE_CSP, RENDERER_SCHEME, contentTypeFor, resolveRendererFile } from './renderer-location';

/** Must run before `app` is ready: the scheme gets a real origin, like https. */
export function registerRendererScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: RENDERER_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer (`out/renderer`) read-only on `bibblan://app/`. */
export function setupRendererProtocol(rendererDir: string, logger: Logger): void {
  protocol.handle(RENDERER_SCHEME, async (request) => {
    if (request.method !== 'GET') return new Response(null, { status: 405 });
    const file = resolveRendererFile(rendererDir, request.url);
    if (!file) return new Response(null, { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': contentTypeFor(file),
          'content-security-policy': RENDERER_BASELINE_CSP,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
        },
      });
    } catch {
      logger.warn('A renderer file was requested but is missing', { url: request.url });
      return new Response(null, { status: 404 });
    }
  });
}
