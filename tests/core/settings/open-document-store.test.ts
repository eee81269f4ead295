import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConfStore } from '../../../src/core/settings/open-document-store';
import { makeTempDir } from '../../support/temp-dir';

describe('openConfStore', () => {
  const dirs: Array<{ remove(): void }> = [];
  const temp = () => {
    const dir = makeTempDir();
    dirs.push(dir);
    return dir.path;
  };
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

  it('writes and reads a document, readable only by its owner', () => {
    const dir = temp();
    const { store, notices } = openConfStore(dir, 'settings');
    store.store = { language: 'en' };
    expect(notices).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual({ language: 'en' });
    expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
    expect(openConfStore(dir, 'settings').store.store).toEqual({ language: 'en' });
  });

  it.each([
    ['not JSON', '{"language": "sv",'],
    ['JSON but not an object', '[1,2,3]'],
    ['binary garbage', '\u0000\u0001\u00ff'],
  ])('sets a corrupt file aside (%s), keeps it, and starts empty', (_label, content) => {
    const dir = temp();
    writeFileSync(join(dir, 'settings.json'), content);
    const { store, notices } = openConfStore(dir, 'settings');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.code).toBe('STORAGE_FILE_SET_ASIDE');
    const movedTo = String(notices[0]?.params?.movedTo);
    expect(readFileSync(movedTo, 'utf8')).toBe(content);
    expect(store.store).toEqual({});
    expect(readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
  });

  it('falls back to memory with a notice when the data folder cannot be created', () => {
    // A file where the folder should be fails for every user, root included.
    const blocked = join(temp(), 'blocked');
    writeFileSync(blocked, 'not a folder');
    const { store, notices } = openConfStore(blocked, 'settings');
    expect(notices.map((n) => n.code)).toEqual(['STORAGE_WRITE_FAILED']);
    store.store = { a: 1 };
    expect(store.store).toEqual({ a: 1 });
    expect(readFileSync(blocked, 'utf8')).toBe('not a folder');
  });
});
