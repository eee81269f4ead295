import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { isObsTestFile } from './test-tiers';

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
/** What one vitest run tells scripts/run-tests.mjs: tests that drive a real OBS, and the rest. */
export interface RunSummary {
  obs: Counts;
  other: Counts;
  /** Failures outside any test (a crashed worker, an error after the run). */
  unhandled: number;
  /** "file > test" of every failed test (or file), so the last lines of a run name them. */
  failedNames: string[];
  /** Tests that failed once and passed on their retry: named, never silent. */
  flakyNames: string[];
}

/**
 * Prints one plain closing line ("tests: N passed, N failed, N skipped") that CI reads. Under
 * scripts/run-tests.mjs (BIBBLAN_TEST_SUMMARY_FILE set) it writes the counts there instead, and
 * the runner prints the line over all OBS versions.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const summary: RunSummary = {
      obs: zero(),
      other: zero(),
      unhandled: unhandledErrors.length,
      failedNames: [],
      flakyNames: [],
    };
    for (const module of testModules) {
      const counts = isObsTestFile(module.moduleId) ? summary.obs : summary.other;
      const tests = [...module.children.allTests()];
      const file = relative(process.cwd(), module.moduleId);
      for (const test of tests) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else counts.skipped += 1;
        if (state === 'failed') summary.failedNames.push(`${file} > ${test.fullName}`);
        if (state === 'passed' && (test.diagnostic()?.retryCount ?? 0) > 0) {
          summary.flakyNames.push(`${file} > ${test.fullName}`);
        }
      }
      // A file that failed with no failed test (an import error, a failed beforeAll that left
      // its tests skipped) counts once: it must never read as a clean run.
      if (module.state() === 'failed' && !tests.some((test) => test.result().state === 'failed')) {
        counts.failed += 1;
        summary.failedNames.push(`${file} (the file itself: ${module.errors()[0]?.message ?? 'see above'})`);
      }
    }
    const file = process.env.BIBBLAN_TEST_SUMMARY_FILE;
    if (file) {
      writeFileSync(file, JSON.stringify(summary));
      return;
    }
    const { passed, failed, skipped } = total(summary);
    process.stdout.write(describeNames(summary));
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}

const zero = (): Counts => ({ passed: 0, failed: 0, skipped: 0 });

export function total(summary: RunSummary): Counts {
  return {
    passed: summary.obs.passed + summary.other.passed,
    failed: summary.obs.failed + summary.other.failed + summary.unhandled,
    skipped: summary.obs.skipped + summary.other.skipped,
  };
}

/** The lines that name failed and flaky tests; empty when there are none. */
export function describeNames(summary: Pick<RunSummary, 'failedNames' | 'flakyNames'>, label = ''): string {
  const lines = [
    ...summary.failedNames.map((name) => `  failed${label}: ${name}`),
    ...summary.flakyNames.map((name) => `  passed only on retry${label}: ${name}`),
  ];
  return lines.length > 0 ? `\n${lines.join('\n')}\n` : '';
}
