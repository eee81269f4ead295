// Runs after `npm install`. npm skips electron's own download script (allowScripts in
// package.json), so we try it here and carry on when the binary cannot be fetched:
// the browser host and every test run without it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
let installScript;
try {
  installScript = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
} catch {
  process.exit(0); // production install without devDependencies
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || !existsSync(installScript)) process.exit(0);

const result = spawnSync(process.execPath, [installScript], { stdio: 'pipe', timeout: 120_000 });
if (result.status !== 0) {
  console.warn(
    'Bibblan Live: the Electron binary could not be downloaded, so `npm start` will open the app in your browser instead.',
  );
}
process.exit(0);
