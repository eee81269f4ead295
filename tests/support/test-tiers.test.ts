import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isObsTestFile, PROCESS_TEST_SUFFIX } from './test-tiers';

const testsRoot = join(import.meta.dirname, '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = testFiles(testsRoot);
const text = (file: string): string => readFileSync(file, 'utf8');
// A call of the harness's startObs, or the e2e session helper that makes one.
const startsObs = (file: string): boolean => /\bstartObs\(|\/e2e-session['"]/.test(text(file));
// A host process or any other child process (Chromium comes only through the e2e session).
const startsProcess = (file: string): boolean =>
  /\bstartBrowserHostProcess\(|\bspawn(Sync)?\(|\blaunchChromium\(/.test(text(file));
const misnamed = (keep: (file: string) => boolean) =>
  files.filter(keep).map((file) => relative(testsRoot, file).replaceAll('\\', '/'));

describe('test files are named for what they start', () => {
  it('finds every kind', () => {
    expect(files.filter(startsObs).length).toBeGreaterThan(10);
    expect(files.filter((file) => startsProcess(file) && !startsObs(file)).length).toBeGreaterThan(3);
    expect(files.filter((file) => !startsObs(file) && !startsProcess(file)).length).toBeGreaterThan(10);
  });

  it('a file that drives a real OBS is *.obs.test.ts or *.e2e.test.ts, so every OBS version runs it', () => {
    expect(misnamed((file) => startsObs(file) && !isObsTestFile(file))).toEqual([]);
  });

  it('a file that starts a process of its own is *.process.test.ts (or an OBS test), so test:unit leaves it out', () => {
    expect(
      misnamed(
        (file) =>
          startsProcess(file) && !startsObs(file) && !isObsTestFile(file) && !file.endsWith(PROCESS_TEST_SUFFIX),
      ),
    ).toEqual([]);
  });
});
