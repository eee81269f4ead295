import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isObsTestFile } from './obs-test-files';

const testsRoot = join(import.meta.dirname, '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

// A file that starts OBS but is not named as an OBS test would run on the machine's OBS only.
describe('test files that drive a real OBS', () => {
  const files = testFiles(testsRoot);
  // A call of the harness's startObs, or the e2e session helper that makes one.
  const startsObs = (file: string): boolean => /\bstartObs\(|\/e2e-session['"]/.test(readFileSync(file, 'utf8'));

  it('finds both kinds', () => {
    expect(files.filter(startsObs).length).toBeGreaterThan(10);
    expect(files.filter((file) => !startsObs(file)).length).toBeGreaterThan(10);
  });

  it('are named *.obs.test.ts or *.e2e.test.ts, so every OBS version runs them', () => {
    const misnamed = files
      .filter((file) => startsObs(file) && !isObsTestFile(file))
      .map((file) => relative(testsRoot, file));
    expect(misnamed).toEqual([]);
  });
});
