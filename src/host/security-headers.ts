/**
 * Sent on every response, errors included: the page may run only its own code and talk only to us.
 * `manifest`: the phone remote's pages link their web app manifest (installable on a home
 * screen); the desktop's hosts allow none.
 */
export function securityHeaders(socketOrigins: string[], options: { manifest?: boolean } = {}): Record<string, string> {
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${socketOrigins.join(' ')}`,
    // The phone's page: its manifest, and the silent video that keeps its screen on (use-wake-lock.ts).
    ...(options.manifest ? ["manifest-src 'self'", "media-src 'self'"] : []),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    // Responses depend on the token and the files are tiny and local: nothing is worth caching.
    'Cache-Control': 'no-store',
  };
}
