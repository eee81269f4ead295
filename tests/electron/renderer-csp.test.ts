import { describe, expect, it } from 'vitest';
import { readBuilt } from './built-output';

/** The built renderer page must carry a CSP that forbids inline and eval'd script. */
/** Read per test (cached), so a missing build fails every test with its message. */
const html = (): string => readBuilt('out/renderer/index.html');

const cspOf = (page: string): Map<string, string[]> | null => {
  const meta = /<meta[^>]+http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(page)?.[0];
  const content = meta && /content=(["'])(.*?)\1/i.exec(meta)?.[2];
  if (!content) return null;
  const directives = new Map<string, string[]>();
  for (const part of content.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
};

describe('renderer CSP', () => {
  it('has a CSP meta tag', () => {
    expect(cspOf(html())).not.toBeNull();
  });

  it("allows no inline, eval'd or remote script", () => {
    const csp = cspOf(html()) ?? new Map<string, string[]>();
    const scriptSrc = csp.get('script-src') ?? csp.get('default-src');
    expect(scriptSrc, 'script-src (or default-src) must be set').toBeDefined();
    for (const banned of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:', 'blob:']) {
      expect(scriptSrc).not.toContain(banned);
    }
  });

  it('has no inline script for that CSP to block', () => {
    const inline = [...html().matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
      (m) => !/\bsrc=/.test(m[1] ?? '') && (m[2] ?? '').trim() !== '',
    );
    expect(inline).toEqual([]);
  });
});
