/**
 * The test files that drive a real OBS: `*.obs.test.ts` (core, faults) and the end-to-end tests.
 * scripts/run-tests.mjs runs these again on every newer OBS version; obs-test-files.test.ts
 * checks that every file starting an OBS is named so.
 */
export const OBS_TEST_FILTERS = ['.obs.test.ts', '.e2e.test.ts'] as const;

export const isObsTestFile = (file: string): boolean => OBS_TEST_FILTERS.some((suffix) => file.endsWith(suffix));
