import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const rendererRoot = join(import.meta.dirname, '..', '..', 'src', 'renderer');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// One way of doing it: an action's pending state and error come from useAction
// (hooks/use-action.ts), not from a component's own useState<AppError>.
describe('actions in the renderer', () => {
  it('keep their error through useAction, never a local useState<AppError>', () => {
    const files = sourceFiles(rendererRoot);
    expect(files.length).toBeGreaterThan(20);
    const local = files
      .filter((file) => /useState<\s*AppError\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(rendererRoot, file));
    expect(local).toEqual([]);
  });
});
