/**
 * One setting for how patient the tests are: BIBBLAN_TEST_TIME_SCALE (default 1.5) multiplies
 * every wait that is patience — vitest's test and hook timeouts, waitFor's default, OBS's and the
 * host's start-up, and each explicit wait of 10 s or more. A busy machine (another OBS job,
 * load 3–8) then needs one number raised, not a hunt through the files. A passing test is not
 * slowed by it: waits end as soon as their condition holds.
 *
 * Deadlines the product promises ("lost within 2 s", "the warning goes after ~2 s") are not
 * patience: they stay literal, below 10 s, and never scale.
 */
const parsed = Number(process.env.BIBBLAN_TEST_TIME_SCALE ?? '1.5');
export const TIME_SCALE = Number.isFinite(parsed) && parsed >= 1 ? parsed : 1.5;

/** `ms` of patience, scaled by BIBBLAN_TEST_TIME_SCALE. */
export const scaled = (ms: number): number => Math.round(ms * TIME_SCALE);
