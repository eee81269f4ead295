import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Helpers for the static checks of what `npm run build` wrote to out/. */

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const builtFiles = new Map<string, string>();

/** Reads a built file (once); a missing build fails the test with what to do, it never skips. */
export function readBuilt(relativePath: string): string {
  const cached = builtFiles.get(relativePath);
  if (cached !== undefined) return cached;
  const file = join(projectRoot, relativePath);
  if (!existsSync(file)) {
    throw new Error(`${relativePath} is missing: run npm run build first (npm test does it for you).`);
  }
  const text = readFileSync(file, 'utf8');
  builtFiles.set(relativePath, text);
  return text;
}

/**
 * A built entry with the shared chunks it imports appended (the main process and the browser
 * host are built together, so the core they share lands in out/main/chunks/).
 */
export function readBuiltWithChunks(relativePath: string, seen = new Set<string>()): string {
  seen.add(relativePath);
  const text = readBuilt(relativePath);
  const chunks = [...text.matchAll(/from "(\.\.?\/[^"]+\.js)"/g)]
    .map((m) =>
      join(dirname(relativePath), m[1] ?? '')
        .split(sep)
        .join('/'),
    )
    .filter((chunk) => !seen.has(chunk));
  return [text, ...chunks.map((chunk) => (seen.has(chunk) ? '' : readBuiltWithChunks(chunk, seen)))].join('\n');
}

/** Index just past the `}` matching the `{` at `open` (strings and comments are not special-cased). */
function matchBrace(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return i + 1;
  }
  throw new Error(`Unbalanced braces from offset ${open}`);
}

/** The `{ ... }` block that starts at or after `from`. */
export function blockAfter(source: string, from: number): string {
  const open = source.indexOf('{', from);
  if (open === -1) throw new Error(`No block after offset ${from}`);
  return source.slice(open, matchBrace(source, open));
}

/** Body of the arrow function whose `=>` follows `from`, e.g. a callback passed at `from`. */
export function arrowBodyAfter(source: string, from: number): string {
  const arrow = source.indexOf('=>', from);
  if (arrow === -1) throw new Error(`No arrow function after offset ${from}`);
  return blockAfter(source, arrow);
}

/**
 * A leading `if (!check(args)) { ... }` guard: the function name and the guarded block.
 * `text` must start at the `if` (leading whitespace allowed).
 */
export function leadingGuard(text: string): { check: string; args: string; block: string } | null {
  const match = /^\s*if \(!(\w+)\(([^)]*)\)\)\s*\{/.exec(text);
  if (!match) return null;
  return { check: match[1] ?? '', args: match[2] ?? '', block: blockAfter(text, match[0].length - 1) };
}

/** Body of `function name(...) { ... }` (also `async function`). */
export function functionBody(source: string, name: string): string {
  const match = new RegExp(`function ${name}\\(`).exec(source);
  if (!match) throw new Error(`function ${name} not found in the bundle`);
  const paramsEnd = source.indexOf(')', match.index);
  return blockAfter(source, paramsEnd);
}

/** The named function declaration that contains `offset`. */
export function enclosingFunction(source: string, offset: number): { name: string; body: string } {
  const declarations = [...source.slice(0, offset).matchAll(/function (\w+)\(/g)];
  for (const declaration of declarations.reverse()) {
    const name = declaration[1] ?? '';
    const open = source.indexOf('{', source.indexOf(')', declaration.index));
    const end = matchBrace(source, open);
    if (end > offset) return { name, body: source.slice(open, end) };
  }
  throw new Error(`No named function encloses offset ${offset}`);
}

export const indicesOf = (source: string, needle: string): number[] => {
  const found: number[] = [];
  for (let i = source.indexOf(needle); i !== -1; i = source.indexOf(needle, i + 1)) found.push(i);
  return found;
};
