import { defineConfig } from 'vitest/config';
import { scaled } from './tests/support/timeouts';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Two cores, and the OBS instances render in software: keep the load bounded.
    maxWorkers: 2,
    // Patience derives from one setting: tests/support/timeouts.ts (BIBBLAN_TEST_TIME_SCALE).
    testTimeout: scaled(30_000),
    // One retry for a test that fails once: real OBS renders in software on two cores, and a
    // run lands only when all ~900 tests pass. A test that needed it is named at the end of the
    // run ("passed only on retry"), so a flaky test is seen and fixed, never hidden.
    retry: 1,
    // Above the harness's own start-up deadlines (OBS: 2 attempts × (Hello + answering) × 45 s,
    // each request at most 20 s), so a failed start reports its own error with OBS's log instead
    // of a bare hook timeout.
    hookTimeout: scaled(240_000),
    teardownTimeout: scaled(30_000),
    // The host and e2e tests run the built app: build it first when the sources are newer.
    globalSetup: ['./tests/support/build-if-stale.ts'],
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
