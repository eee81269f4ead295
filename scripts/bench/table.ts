import { round } from './stats';

/** One printed line of the results table. */
export interface Row {
  figure: string;
  value: number;
  unit: string;
  /** The raw floor and/or ratio, e.g. "raw 46 ms, 1.10×". */
  floor?: string;
  /** The target as the issue states it, e.g. "≤ 1.2× raw". */
  target?: string;
}

/** What a phase gives back: flat JSON numbers and table rows. */
export interface PhaseResult {
  figures: Record<string, number>;
  rows: Row[];
  /** Parts that failed while the rest was measured: the phase counts as failed, its other figures stay. */
  errors?: string[];
}

export function formatTable(rows: readonly Row[]): string {
  const header = ['figure', 'value', 'unit', 'floor / ratio', 'target'];
  const cells = rows.map((r) => [r.figure, String(round(r.value)), r.unit, r.floor ?? '', r.target ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]): string =>
    c
      .map((v, i) => (i === 1 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** The same rows as a Markdown table (for README). */
export function formatMarkdown(rows: readonly Row[]): string {
  const out = ['| figure | value | unit | floor / ratio | target |', '|---|---:|---|---|---|'];
  for (const r of rows)
    out.push(`| ${r.figure} | ${round(r.value)} | ${r.unit} | ${r.floor ?? ''} | ${r.target ?? ''} |`);
  return out.join('\n');
}
