import { copyFileSync, renameSync } from 'node:fs';
import { basename } from 'node:path';

const stamp = (): string => new Date().toISOString().replace(/[:.]/g, '-');

/** Moves a file out of the way, never deleting it; returns the new name. */
export function moveAside(path: string, reason: 'corrupt' | 'unreadable' = 'corrupt'): string {
  const target = `${path}.${reason}-${stamp()}`;
  renameSync(path, target);
  return basename(target);
}

/**
 * Keeps a copy of a file that had some bad lines: the good ones are loaded and the file is
 * rewritten clean later, while the copy keeps what could not be read for a human to look at.
 */
export function copyAside(path: string): string {
  const target = `${path}.corrupt-${stamp()}`;
  copyFileSync(path, target);
  return basename(target);
}
