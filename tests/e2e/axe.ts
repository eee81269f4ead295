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

/**
 * Known problems in code this helper's owner does not own, each with who fixes it. Only that rule on
 * that element is let through; remove the entry with the fix.
 */
const KNOWN: ReadonlyArray<{ rule: string; selector: string; why: string }> = [];

/** The serious and critical violations axe finds on the page as it is now (impact: serious or worse). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses an
  // inline <script> (page.addScriptTag), and the refusal would show as a console error.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (known) => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe;
    const result = (await axe.run((globalThis as unknown as { document: unknown }).document, {
      resultTypes: ['violations'],
    })) as {
      violations: unknown;
      passes: unknown[];
    };
    // A scan that checked nothing would pass anything: axe must have run its rules.
    if (result.passes.length === 0) throw new Error('axe ran no rules on this page');
    const doc = (
      globalThis as unknown as {
        document: { querySelector: (s: string) => { matches: (s: string) => boolean } | null };
      }
    ).document;
    const isKnown = (id: string, target: unknown[]) =>
      known.some(
        (k) => k.rule === id && target.length === 1 && doc.querySelector(String(target[0]))?.matches(k.selector),
      );
    return (result.violations as AxeViolation[]).map((v) => ({
      ...v,
      nodes: v.nodes.filter((n) => !isKnown(v.id, n.target)),
    }));
  }, KNOWN);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary })),
    }))
    .filter((v) => v.nodes.length > 0);
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
