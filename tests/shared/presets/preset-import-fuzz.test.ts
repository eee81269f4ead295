import { describe, expect, it } from 'vitest';
import { builtInPresets } from '../../../src/core/presets/built-ins';
import { parsePresetDocument, parsePresetJson } from '../../../src/shared/presets/preset-document';

/** A small deterministic PRNG, so a failing case can be replayed from its seed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const weird: unknown[] = [
  null,
  undefined,
  0,
  -1,
  1e308,
  Number.NaN,
  '',
  'x'.repeat(10_000),
  '\u0000',
  '\u202e',
  [],
  {},
  [[[]]],
  true,
  { __proto__: { x: 1 } },
  '{{title}}',
  20_001,
  0.5,
  -0.1,
];

function paths(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      paths(child, [...prefix, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

function mutate(doc: any, random: () => number): unknown {
  const all = paths(doc).filter((p) => p.length > 0);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  for (let n = 1 + Math.floor(random() * 3); n > 0; n -= 1) {
    const path = pick(all);
    let parent = doc;
    for (const key of path.slice(0, -1)) parent = parent?.[key];
    if (!parent || typeof parent !== 'object') continue;
    const last = path[path.length - 1]!;
    const r = random();
    if (r < 0.4) parent[last] = pick(weird);
    else if (r < 0.6) delete parent[last];
    else if (r < 0.8) parent[`${String(last)}x`] = pick(weird);
    else if (Array.isArray(parent)) parent.push(structuredClone(parent[0]));
    else parent[last] = structuredClone(doc);
  }
  return doc;
}

describe('importing mutated presets (fuzz)', () => {
  it('never throws and always answers a preset or problems with paths, for 3000 mutations', () => {
    const bases = [...builtInPresets('sv'), ...builtInPresets('en')];
    let rejected = 0;
    for (let seed = 1; seed <= 3000; seed += 1) {
      const random = prng(seed);
      const doc = mutate(structuredClone(bases[seed % bases.length]), random);
      let text: string;
      try {
        text = JSON.stringify(doc) ?? 'undefined';
      } catch {
        continue;
      }
      if (random() < 0.2) text = text.slice(0, Math.floor(random() * text.length)); // a truncated file
      const viaText = parsePresetJson(text);
      const viaValue = parsePresetDocument(doc);
      for (const outcome of [viaText, viaValue]) {
        if (outcome.ok) {
          expect(outcome.preset.schemaVersion).toBe(1);
        } else {
          rejected += 1;
          expect(outcome.problems.length, `seed ${seed}`).toBeGreaterThan(0);
          for (const problem of outcome.problems) {
            expect(typeof problem.path).toBe('string');
            expect(typeof problem.message).toBe('string');
          }
        }
      }
    }
    expect(rejected).toBeGreaterThan(1000);
  });
});
