import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../src/host/file-secret-store';
import { removeDir, tempDir } from './helpers';

const posixOnly = process.platform === 'win32' ? it.skip : it;
const modeOf = (file: string): number => statSync(file).mode & 0o777;

describe('FileSecretStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('secrets');
  });
  afterEach(() => removeDir(dir));

  it('keeps a secret across reopening, deletes it, and says how it protects it', () => {
    const store = new FileSecretStore(dir);
    expect(store.protection).toBe('owner-only-file');
    expect(store.get('obs.password')).toBeNull();
    store.set('obs.password', 'hemligt-lösen');
    expect(store.get('obs.password')).toBe('hemligt-lösen');
    expect(new FileSecretStore(dir).get('obs.password')).toBe('hemligt-lösen');
    store.delete('obs.password');
    expect(new FileSecretStore(dir).get('obs.password')).toBeNull();
    expect(store.notices).toEqual([]);
    // Only the file itself is left: no temp files.
    expect(readdirSync(dir)).toEqual(['secrets.json']);
  });

  it("writes Electron's shape and keeps entries it cannot read", () => {
    writeFileSync(
      join(dir, 'secrets.json'),
      JSON.stringify({ 'obs.password': { protection: 'os-encryption', data: 'AAAA' }, other: { x: 1 } }),
      { mode: 0o600 },
    );
    const store = new FileSecretStore(dir);
    expect(store.get('obs.password')).toBeNull();
    store.set('obs.password', 'pw');
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8'))).toEqual({
      'obs.password': { protection: 'owner-only-file', value: 'pw' },
      other: { x: 1 },
    });
  });

  posixOnly('creates the file owner-only and tightens a wider mode at open', () => {
    new FileSecretStore(dir).set('obs.password', 'pw');
    expect(modeOf(join(dir, 'secrets.json'))).toBe(0o600);

    chmodSync(join(dir, 'secrets.json'), 0o644);
    const reopened = new FileSecretStore(dir);
    expect(modeOf(join(dir, 'secrets.json'))).toBe(0o600);
    expect(reopened.get('obs.password')).toBe('pw');
  });

  posixOnly('creates a missing data folder owner-only', () => {
    const nested = join(dir, 'a', 'b');
    new FileSecretStore(nested).set('obs.password', 'pw');
    expect(modeOf(join(nested, 'secrets.json'))).toBe(0o600);
  });

  for (const [label, content] of [
    ['not JSON', '{"obs.password": '],
    ['not an object', '["x"]'],
  ] as const) {
    it(`sets a corrupt file (${label}) aside, starts empty and reports it`, () => {
      writeFileSync(join(dir, 'secrets.json'), content, { mode: 0o644 });
      const store = new FileSecretStore(dir);
      expect(store.get('obs.password')).toBeNull();
      expect(store.notices).toHaveLength(1);
      const notice = store.notices[0];
      expect(notice?.code).toBe('STORAGE_FILE_SET_ASIDE');
      expect(notice?.params?.file).toBe('secrets.json');
      const movedTo = String(notice?.params?.movedTo);
      expect(movedTo).toMatch(/secrets\.json\.corrupt-/);
      expect(readFileSync(movedTo, 'utf8')).toBe(content);
      if (process.platform !== 'win32') expect(modeOf(movedTo)).toBe(0o600);
      store.set('obs.password', 'new');
      expect(new FileSecretStore(dir).get('obs.password')).toBe('new');
    });
  }

  it('fails writes when the folder is a file, without the value in the error', () => {
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, 'x');
    const store = new FileSecretStore(join(blocker, 'inner'));
    expect(() => store.set('obs.password', 'new-secret')).toThrow(/Could not write/);
    try {
      store.set('obs.password', 'new-secret');
    } catch (error) {
      expect(String(error)).not.toContain('new-secret');
      expect(String((error as Error).cause)).not.toContain('new-secret');
    }
    expect(store.get('obs.password')).toBeNull();
  });
});
