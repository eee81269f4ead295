// Runs the test suite on every OBS version the project supports (npm test calls this after the
// type check and the build):
//   1. every test, on the machine's own OBS (Debian 12: OBS 29.0.2);
//   2. the tests that drive a real OBS (*.obs.test.ts, *.e2e.test.ts) again on each newer OBS
//      that scripts/setup-obs-versions.sh set up (OBS 30 and 32, under chroot).
// Prints one line per version, e.g. "obs 32.2.2 (obs-websocket 5.7.4): 120 passed, 0 failed",
// and last the line over all runs: "tests: N passed, N failed, N skipped".
//
//   node scripts/run-tests.mjs               all of the above
//   node scripts/run-tests.mjs --obs 32      only the OBS tests, only on OBS 32 (while working on it)
//   node scripts/run-tests.mjs -- <filter>   extra arguments go to every vitest run
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NEWER_OBS = ['30', '32'];
const OBS_TEST_FILTERS = ['.obs.test.ts', '.e2e.test.ts']; // tests/support/test-tiers.ts
const roots = process.env.BIBBLAN_OBS_ROOTS ?? '/opt/bibblan-obs';

const args = process.argv.slice(2);
const dashes = args.indexOf('--');
const extra = dashes >= 0 ? args.slice(dashes + 1) : [];
const own = dashes >= 0 ? args.slice(0, dashes) : args;
const only = own[0] === '--obs' ? own[1] : null;
if (own.length > 0 && !(only && own.length === 2 && (only === 'system' || NEWER_OBS.includes(only)))) {
  console.error(`Usage: node scripts/run-tests.mjs [--obs ${NEWER_OBS.join('|')}|system] [-- vitest arguments]`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'bibblan-test-run-'));
const runs = [];

function vitest(label, obs, filters) {
  const summaryFile = join(work, `summary-${label}.json`);
  const versionFile = join(work, `version-${label}.json`);
  const env = { ...process.env, BIBBLAN_TEST_SUMMARY_FILE: summaryFile, BIBBLAN_OBS_VERSION_FILE: versionFile };
  if (obs === 'system') delete env.BIBBLAN_OBS;
  else env.BIBBLAN_OBS = obs;
  console.log(
    `\n==> Tests on OBS ${obs === 'system' ? "(this machine's)" : obs}${filters.length ? ': the tests that drive OBS' : ''}\n`,
  );
  const result = spawnSync('npx', ['vitest', 'run', ...filters, ...extra], { env, stdio: 'inherit' });
  const summary = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : null;
  const version = existsSync(versionFile) ? JSON.parse(readFileSync(versionFile, 'utf8')) : null;
  runs.push({ label, obs, summary, version, exitCode: result.status ?? 1 });
}

const wrapperFor = (version) => join(roots, 'bin', `obs-${version}`);

if (only === null || only === 'system') vitest('system', 'system', only === null ? [] : OBS_TEST_FILTERS);
const leftOut = [];
for (const version of NEWER_OBS) {
  if (only !== null && only !== version) continue;
  if (existsSync(wrapperFor(version))) vitest(version, version, OBS_TEST_FILTERS);
  else leftOut.push(version);
}
rmSync(work, { recursive: true, force: true });

// ---- the summary ------------------------------------------------------------------------
const total = { passed: 0, failed: 0, skipped: 0 };
let failedRuns = 0;
console.log('');
for (const run of runs) {
  const name = run.version
    ? `obs ${run.version.obs} (obs-websocket ${run.version.obsWebSocket})`
    : `obs ${run.obs === 'system' ? "(this machine's)" : run.obs} (never started)`;
  if (!run.summary) {
    failedRuns += 1;
    console.log(`${name}: the test run itself failed (exit code ${run.exitCode}); see above`);
    continue;
  }
  const { obs, other, unhandled } = run.summary;
  // A filtered run may have had no OBS test at all: no line for an OBS that never ran.
  if (run.version || obs.passed + obs.failed + obs.skipped > 0) {
    console.log(`${name}: ${obs.passed} passed, ${obs.failed} failed${obs.skipped ? `, ${obs.skipped} skipped` : ''}`);
  }
  if (run.label === 'system' && other.passed + other.failed + other.skipped > 0) {
    console.log(
      `tests that need no OBS: ${other.passed} passed, ${other.failed} failed${other.skipped ? `, ${other.skipped} skipped` : ''}`,
    );
  }
  if (unhandled > 0) console.log(`  and ${unhandled} errors outside any test; see above`);
  // Named here, at the end, because CI shows a run's last lines.
  for (const name of run.summary.failedNames ?? []) console.log(`  failed: ${name}`);
  for (const name of run.summary.flakyNames ?? []) console.log(`  passed only on retry: ${name}`);
  total.passed += obs.passed + other.passed;
  total.failed += obs.failed + other.failed + unhandled;
  total.skipped += obs.skipped + other.skipped;
  if (run.exitCode !== 0 && obs.failed + other.failed + unhandled === 0) failedRuns += 1;
}
for (const version of leftOut) {
  console.log(
    `obs ${version}: not tested, it is not set up here (bash scripts/setup-debian.sh --test-deps sets it up as root)`,
  );
}
total.failed += failedRuns;
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
