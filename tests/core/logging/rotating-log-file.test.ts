import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_FILE_NAME, openRotatingLogFile } from '../../../src/core/logging/rotating-log-file';
import { makeTempDir } from '../../support/temp-dir';

const dirs: Array<{ remove(): void }> = [];
const tempDir = (): string => {
  const dir = makeTempDir('bibblan-log-');
  dirs.push(dir);
  return dir.path;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

describe('the rotating log file', () => {
  it('creates the folder and appends lines, owner-only', () => {
    const dir = join(tempDir(), 'logs');
    const file = openRotatingLogFile({ dir });
    file.write('one\n');
    file.write('two\n');
    expect(readFileSync(file.path, 'utf8')).toBe('one\ntwo\n');
    if (process.platform !== 'win32') expect(statSync(file.path).mode & 0o777).toBe(0o600);
  });

  it('rotates by size and keeps at most the given number of files', () => {
    const dir = tempDir();
    const file = openRotatingLogFile({ dir, maxBytes: 100, files: 3 });
    for (let i = 0; i < 40; i++) file.write(`line ${String(i).padStart(2, '0')} ${'x'.repeat(20)}\n`);
    const names = readdirSync(dir).sort();
    expect(names).toEqual(['bibblan-live.1.log', 'bibblan-live.2.log', LOG_FILE_NAME]);
    for (const name of names) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(100);
    // The newest line is in the current file, the ones just before it in .1.log.
    expect(readFileSync(join(dir, LOG_FILE_NAME), 'utf8')).toContain('line 39');
    expect(readFileSync(join(dir, 'bibblan-live.1.log'), 'utf8')).not.toContain('line 39');
    expect(readFileSync(join(dir, 'bibblan-live.2.log'), 'utf8')).not.toContain('line 00');
  });

  it('continues an existing file after a restart', () => {
    const dir = tempDir();
    openRotatingLogFile({ dir }).write('before\n');
    openRotatingLogFile({ dir }).write('after\n');
    expect(readFileSync(join(dir, LOG_FILE_NAME), 'utf8')).toBe('before\nafter\n');
  });

  it('never throws when the log path is not a folder', () => {
    // A file where the folder should be: mkdir fails (as on a read-only or full disk, even as root).
    const dir = tempDir();
    openRotatingLogFile({ dir }).write('x\n');
    const file = openRotatingLogFile({ dir: join(dir, LOG_FILE_NAME, 'logs') });
    expect(() => file.write('lost\n')).not.toThrow();
    expect(() => file.write('lost again\n')).not.toThrow();
  });
});
