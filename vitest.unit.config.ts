import { defineConfig, mergeConfig } from 'vitest/config';
import { NOT_UNIT_GLOBS } from './tests/support/test-tiers';
import { scaled } from './tests/support/timeouts';
import base from './vitest.config';

// The fast tier, `npm run test:unit`: every test that needs no OBS, browser, host process or
// build (tests/support/test-tiers.ts says how a file's name tells). `npm test` runs everything.
const unit = mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['**/node_modules/**', ...NOT_UNIT_GLOBS],
      // Nothing here waits on OBS, but a busy machine (an OBS suite running beside) slows the
      // type-aware lint probes and the fuzzers to several seconds.
      retry: 0,
      testTimeout: scaled(20_000),
      hookTimeout: scaled(20_000),
    },
  }),
);
// mergeConfig appends arrays; this tier needs no build, so it drops the build step outright.
unit.test!.globalSetup = [];
export default unit;
