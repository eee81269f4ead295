import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's own bundle, injected as it is: the standard engine, not a wrapper's copy of it. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** The serious and critical violations axe finds on the page as it is now (impact: serious or worse). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) {
    try {
      await page.addScriptTag({ content: axeSource });
    } catch {
      // The app's CSP allows only its own scripts ('self'): an inline script tag is refused
      // there, so the same source is evaluated through the DevTools protocol instead.
    }
    if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  }
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe;
    const result = (await axe.run((globalThis as unknown as { document: unknown }).document, {
      resultTypes: ['violations'],
    })) as {
      violations: unknown;
      passes: unknown[];
    };
    // A scan that checked nothing would pass anything: axe must have run its rules.
    if (result.passes.length === 0) throw new Error('axe ran no rules on this page');
    return result.violations as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary })),
    }));
}

/** Fails, naming each rule and where it broke, when `screen` has a serious or critical violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const found = await axeViolations(page);
  if (found.length === 0) return;
  const lines = found.flatMap((v) => [
    `${v.impact} ${v.id}: ${v.help}`,
    ...v.nodes
      .slice(0, 6)
      .map((n) => `  at ${n.target.join(' ')}${n.failureSummary ? ` – ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`),
  ]);
  throw new Error(`axe found ${found.length} serious or critical problem(s) on ${screen}:\n${lines.join('\n')}`);
}
