import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every stored file of a data folder, by relative path, to prove a fault changed nothing.
 * The app's own log (`logs/`) is diagnostics, written whenever something happens, not data
 * the user keeps; test fillers (`.filler`, a full disk) are the test's own.
 */
export function readDataTree(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === '.filler' || (dir === root && name === 'logs')) continue;
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path), readFileSync(path));
    }
  };
  walk(root);
  return files;
}
