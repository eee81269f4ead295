/**
 * What each test file needs, said by its name, so every tier is a filter and not a list:
 * - `*.obs.test.ts`, `*.e2e.test.ts`: a real OBS (and for e2e Chromium and the host).
 *   scripts/run-tests.mjs runs these again on every newer OBS version.
 * - `*.process.test.ts`: a browser-host process of its own.
 * - `tests/electron/`: what `npm run build` wrote to out/.
 * Everything else is the fast tier, `npm run test:unit` (vitest.unit.config.ts).
 * test-tiers.test.ts checks that every file is named for what it starts.
 */
export const OBS_TEST_FILTERS = ['.obs.test.ts', '.e2e.test.ts'] as const;
export const PROCESS_TEST_SUFFIX = '.process.test.ts';
export const BUILD_TEST_DIR = 'tests/electron/';

export const isObsTestFile = (file: string): boolean => OBS_TEST_FILTERS.some((suffix) => file.endsWith(suffix));

/** The globs vitest.unit.config.ts leaves out. */
export const NOT_UNIT_GLOBS = [
  ...OBS_TEST_FILTERS.map((suffix) => `tests/**/*${suffix}`),
  `tests/**/*${PROCESS_TEST_SUFFIX}`,
  `${BUILD_TEST_DIR}**`,
];
