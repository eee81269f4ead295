import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../src/shared/errors';
import { en } from '../../src/renderer/i18n/en';
import { sv } from '../../src/renderer/i18n/sv';

type Tree = { [key: string]: string | Tree };

/** Every leaf as [dotted key, text]. */
function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

const svLeaves = new Map(leaves(sv as unknown as Tree));
const enLeaves = new Map(leaves(en as unknown as Tree));

describe('message files', () => {
  it('sv and en have exactly the same keys', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...svLeaves.keys()].sort());
  });

  it('has no empty texts', () => {
    for (const [key, text] of [...svLeaves, ...enLeaves]) expect(text.trim(), key).not.toBe('');
  });

  it('uses the same {{placeholders}} in both languages', () => {
    for (const [key, text] of svLeaves) expect(placeholders(enLeaves.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('has a message and an action for every error code, in both languages', () => {
    for (const messages of [sv, en]) {
      for (const code of errorCodes) {
        expect(messages.errors[code]?.message, code).toBeTruthy();
        expect(messages.errors[code]?.action, code).toBeTruthy();
      }
      expect(Object.keys(messages.errors).sort()).toEqual([...errorCodes].sort());
    }
  });

  it('gives every plural an _one and an _other form', () => {
    for (const key of svLeaves.keys()) {
      const plural = /^(.*)_(one|other)$/.exec(key);
      if (!plural) continue;
      expect(svLeaves.has(`${plural[1]}_one`), key).toBe(true);
      expect(svLeaves.has(`${plural[1]}_other`), key).toBe(true);
    }
  });

  it('numbers steps 1, 2, 3 … without gaps', () => {
    for (const [name, steps] of Object.entries(sv.steps)) {
      const numbers = Object.keys(steps)
        .map(Number)
        .sort((a, b) => a - b);
      expect(numbers, name).toEqual(numbers.map((_, i) => i + 1));
    }
  });
});
