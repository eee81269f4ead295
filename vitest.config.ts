import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Two cores, and the OBS instances render in software: keep the load bounded.
    maxWorkers: 2,
    testTimeout: 30_000,
    // Above the harness's own start-up deadlines (OBS: 2 × 45 s), so a failed start reports its
    // own error with OBS's log instead of a bare hook timeout.
    hookTimeout: 150_000,
    teardownTimeout: 30_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
