import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';
import { isObsTestFile } from './obs-test-files';

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
}

/**
 * Prints one plain closing line ("tests: N passed, N failed, N skipped") that CI reads. Under
 * scripts/run-tests.mjs (BIBBLAN_TEST_SUMMARY_FILE set) it writes the counts there instead, and
 * the runner prints the line over all OBS versions.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const summary: RunSummary = { obs: zero(), other: zero(), unhandled: unhandledErrors.length };
    for (const module of testModules) {
      const counts = isObsTestFile(module.moduleId) ? summary.obs : summary.other;
      const tests = [...module.children.allTests()];
      for (const test of tests) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else counts.skipped += 1;
      }
      // A file that failed with no failed test (an import error, a failed beforeAll that left
      // its tests skipped) counts once: it must never read as a clean run.
      if (module.state() === 'failed' && !tests.some((test) => test.result().state === 'failed')) counts.failed += 1;
    }
    const file = process.env.BIBBLAN_TEST_SUMMARY_FILE;
    if (file) {
      writeFileSync(file, JSON.stringify(summary));
      return;
    }
    const { passed, failed, skipped } = total(summary);
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
