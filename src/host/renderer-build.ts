import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const isRendererBuilt = (staticDir: string): boolean => existsSync(join(staticDir, 'index.html'));

/**
 * Runs `npx electron-vite build` in the project root. Its output goes to our stderr:
 * stdout carries only the "Serving at" line, which scripts read. Resolves to the exit code.
 */
export function buildRenderer(projectRoot: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['electron-vite', 'build'], {
      cwd: projectRoot,
      stdio: ['ignore', 2, 2],
      // npx is a .cmd script on Windows, which only a shell can start.
      shell: process.platform === 'win32',
    });
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
