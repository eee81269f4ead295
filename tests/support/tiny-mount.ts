import { spawnSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A tiny filesystem for storage faults: a tmpfs of `sizeKb` mounted on `dir` (needs root).
 * readOnly()/readWrite() remount it; fill() writes a filler file until ENOSPC; unmount() is
 * idempotent, and an exit handler unmounts whatever a failed test left mounted.
 * Where tmpfs cannot be mounted, falls back to a bind mount of `dir` onto itself (read-only
 * works, fill() then throws: a bind mount has the host disk's free space).
 */
export interface TinyMount {
  readonly dir: string;
  readonly kind: 'tmpfs' | 'bind';
  readOnly(): void;
  readWrite(): void;
  /** Fills the filesystem to the last byte; returns the filler's path. */
  fill(): string;
  /** Removes the filler. */
  unfill(): void;
  unmount(): void;
}

const mounted = new Set<string>();
process.once('exit', () => mounted.forEach((dir) => spawnSync('umount', ['-l', dir])));

function run(cmd: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`.trim(),
  };
}

export function mountTiny(dir: string, sizeKb = 256): TinyMount {
  let kind: 'tmpfs' | 'bind';
  const tmpfs = run('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0700`, 'tmpfs', dir]);
  if (tmpfs.ok) {
    kind = 'tmpfs';
  } else {
    const bind = run('mount', ['--bind', dir, dir]);
    if (!bind.ok) {
      throw new Error(
        `cannot mount a tiny filesystem on ${dir}: the storage fault tests need root and mount(8).\n` +
          `tmpfs: ${tmpfs.output}\nbind: ${bind.output}`,
      );
    }
    kind = 'bind';
  }
  mounted.add(dir);
  const filler = join(dir, '.filler');

  const remount = (mode: 'ro' | 'rw'): void => {
    const options = kind === 'tmpfs' ? `remount,${mode}` : `remount,${mode},bind`;
    const result = run('mount', ['-o', options, dir]);
    if (!result.ok) throw new Error(`cannot remount ${dir} ${mode}: ${result.output}`);
  };

  return {
    dir,
    kind,
    readOnly: () => remount('ro'),
    readWrite: () => remount('rw'),
    fill() {
      if (kind !== 'tmpfs') throw new Error('fill() needs a tmpfs; only a bind mount was possible here');
      const fd = openSync(filler, 'a');
      try {
        // Big chunks first, then ever smaller ones, down to single bytes: no byte left.
        for (let size = 64 * 1024; size >= 1; size = Math.floor(size / 2)) {
          const chunk = Buffer.alloc(size, 0x78);
          for (;;) {
            try {
              if (writeSync(fd, chunk) < size) break;
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw error;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
      return filler;
    },
    unfill() {
      rmSync(filler, { force: true });
    },
    unmount() {
      if (!mounted.has(dir)) return;
      const result = run('umount', [dir]);
      if (!result.ok) {
        const lazy = run('umount', ['-l', dir]);
        if (!lazy.ok) throw new Error(`cannot unmount ${dir}: ${result.output} / ${lazy.output}`);
      }
      mounted.delete(dir);
    },
  };
}
