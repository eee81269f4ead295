// Downloads the Electron binary, or says in one sentence that the browser host will be used.
// Runs as `postinstall` (and `node scripts/install-electron.mjs` by hand); never fails the install.
//
// Electron's own download script (node_modules/electron/install.js) exits 1 when GitHub cannot
// be reached, which fails the whole `npm install`. npm 11 skips it (allowScripts in
// package.json). npm 10 ignores allowScripts and runs it: there, install with
// ELECTRON_SKIP_BINARY_DOWNLOAD=postinstall (setup-debian.sh does). install.js skips on any
// value; this script downloads on that one, running the same install.js without the variable.
// Any other value is a skip asked for by hand, and is honoured.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const FALLBACK = '`npm start` opens Bibblan Live in your browser instead (the browser host).';

let electronDir;
try {
  electronDir = path.dirname(require.resolve('electron/package.json'));
} catch {
  process.exit(0); // a production install without devDependencies: no desktop window to start
}

function binaryInstalled() {
  try {
    const binary = require('electron'); // a path; throws when the download never happened
    return typeof binary === 'string' && existsSync(binary);
  } catch {
    return false;
  }
}

if (binaryInstalled()) process.exit(0);

const skip = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
if (skip && skip !== 'postinstall') {
  console.warn(
    `Bibblan Live: ELECTRON_SKIP_BINARY_DOWNLOAD is set, so the Electron binary was not downloaded: ${FALLBACK}`,
  );
  process.exit(0);
}

const env = { ...process.env };
delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
  env,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
  timeout: 180_000,
});
if (result.status !== 0 || !binaryInstalled()) {
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const reason =
    /^\s*(?:\w*Error:\s*)?(.+)$/m.exec(output.trim())?.[1]?.slice(0, 160) ??
    (result.error?.message || 'no reason given');
  console.warn(`Bibblan Live: the Electron binary could not be downloaded (${reason}), so ${FALLBACK}`);
}
process.exit(0);
