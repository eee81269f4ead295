import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { PhaseResult } from './table';

/** gzip -9 size of the renderer's JavaScript (out/renderer/assets/*.js); builds first if missing. */
export function measureBundleSize(projectRoot: string): PhaseResult {
  const assets = join(projectRoot, 'out', 'renderer', 'assets');
  const jsFiles = (): string[] => (existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.js')) : []);
  if (jsFiles().length === 0) {
    const built = spawnSync('npx', ['electron-vite', 'build'], {
      cwd: projectRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (built.status !== 0) throw new Error(`electron-vite build failed (exit ${built.status})`);
  }
  const files = jsFiles();
  if (files.length === 0) throw new Error(`no .js files in ${assets}`);
  let raw = 0;
  let gz = 0;
  for (const file of files) {
    const bytes = readFileSync(join(assets, file));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return {
    figures: { renderer_js_gzip_kb: gz / 1024, renderer_js_raw_kb: raw / 1024, renderer_js_files: files.length },
    rows: [
      {
        figure: `renderer JS, gzip -9 (${files.length} file${files.length === 1 ? '' : 's'})`,
        value: gz / 1024,
        unit: 'KiB',
        floor: `raw ${Math.round(raw / 1024)} KiB`,
      },
    ],
  };
}
