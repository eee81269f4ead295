import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `<dir>/bibblan-live.log`, rotated by size: when a line would make it larger than
 * `maxBytes`, it becomes `.1.log` (the older ones move up) and a new file starts; at most
 * `files` files are kept. Writes are synchronous and small, so a crash right after a line
 * still leaves it on disk. A log that cannot be written never stops the app.
 */
export const LOG_FILE_NAME = 'bibblan-live.log';

export interface RotatingLogFileOptions {
  dir: string;
  /** Default 1 MB. */
  maxBytes?: number;
  /** Files kept, the current one included. Default 3. */
  files?: number;
}

export interface LogFile {
  readonly dir: string;
  readonly path: string;
  write(line: string): void;
}

export function openRotatingLogFile({ dir, maxBytes = 1_000_000, files = 3 }: RotatingLogFileOptions): LogFile {
  const current = join(dir, LOG_FILE_NAME);
  const numbered = (n: number): string => join(dir, LOG_FILE_NAME.replace(/\.log$/, `.${n}.log`));
  let size: number | null = null;
  let broken = false;

  const currentSize = (): number => {
    try {
      return statSync(current).size;
    } catch {
      return 0;
    }
  };

  const rotate = (): void => {
    rmSync(numbered(files - 1), { force: true });
    for (let n = files - 2; n >= 1; n--) {
      try {
        renameSync(numbered(n), numbered(n + 1));
      } catch {
        // that file did not exist yet
      }
    }
    if (files > 1) renameSync(current, numbered(1));
    else rmSync(current, { force: true });
    size = 0;
  };

  return {
    dir,
    path: current,
    write(line) {
      if (broken) return;
      try {
        if (size === null) {
          mkdirSync(dir, { recursive: true, mode: 0o700 });
          size = currentSize();
        }
        const bytes = Buffer.byteLength(line);
        if (size > 0 && size + bytes > maxBytes) rotate();
        appendFileSync(current, line, { mode: 0o600 });
        size += bytes;
      } catch {
        // A read-only or full disk: the console still gets every line; stop trying.
        broken = true;
      }
    },
  };
}
