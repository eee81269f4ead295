import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../../src/core/app-core';
import { logFolderIn, STORE_NAMES, wireAppCore, type AppWiring, type StoreName } from '../../src/core/app-wiring';
import { createAppLogger } from '../../src/core/logging/create-logger';
import { openRotatingLogFile } from '../../src/core/logging/rotating-log-file';
import { MemoryDocumentStore } from '../../src/core/settings/memory-document-store';
import type { AppInfo } from '../../src/shared/contract/app';
import { appError } from '../../src/shared/errors';
import type { Result } from '../../src/shared/result';
import { MemorySecretStore } from '../support/memory-secret-store';
import { makeTempDir } from '../support/temp-dir';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function wire(overrides: Partial<AppWiring> = {}): { core: AppCore; opened: StoreName[]; secrets: MemorySecretStore } {
  const dir = makeTempDir('bibblan-wiring-');
  cleanups.push(() => dir.remove());
  const opened: StoreName[] = [];
  const secrets = new MemorySecretStore();
  const core = wireAppCore({
    dataDir: dir.path,
    openStore: (name) => {
      opened.push(name);
      return {
        store: new MemoryDocumentStore(),
        notices: name === 'checklist' ? [appError('STORAGE_WRITE_FAILED', { file: 'checklist.json' })] : [],
      };
    },
    openSecrets: () => ({ store: secrets, notices: [appError('SECRET_STORAGE_UNAVAILABLE')] }),
    version: '9.9.9',
    logger: createAppLogger({ scope: 'test', sinks: [] }),
    ...overrides,
  });
  cleanups.push(() => core.stop());
  return { core, opened, secrets };
}

describe('one start-up wiring for the desktop app and the browser host', () => {
  it('opens every store once and shows their notices in order', async () => {
    const { core, opened } = wire();
    expect(opened).toEqual([...STORE_NAMES]);
    const info = (await core.handle('app.getInfo', undefined)) as Result<AppInfo>;
    if (!info.ok) throw new Error('app.getInfo failed');
    expect(info.value.version).toBe('9.9.9');
    expect(info.value.notices.map((n) => n.code)).toEqual(['SECRET_STORAGE_UNAVAILABLE', 'STORAGE_WRITE_FAILED']);
  });

  it('keeps the broadcast log in the data folder', async () => {
    const { core } = wire();
    const list = await core.handle('log.list', {});
    expect(list.ok).toBe(true);
  });

  it('hands every secret read or saved to the logger, which never writes it', async () => {
    const logDir = makeTempDir('bibblan-wiring-log-');
    cleanups.push(() => logDir.remove());
    const file = openRotatingLogFile({ dir: logDir.path });
    const logger = createAppLogger({ scope: 'test', sinks: [(line) => file.write(line)] });
    const { core } = wire({ logger });
    const saved = await core.handle('settings.saveConnection', {
      address: 'ws://127.0.0.1:1',
      password: { action: 'set', value: 'obs-password-42' },
    });
    expect(saved.ok).toBe(true);
    logger.error('a careless line', { said: 'the password is obs-password-42' });
    const text = readFileSync(file.path, 'utf8');
    expect(text).toContain('a careless line');
    expect(text).not.toContain('obs-password-42');
  });

  it('answers "open log folder" with the folder when it opened, and a translated error where it cannot', async () => {
    const folder = logFolderIn('/data');
    const desktop = wire({ logFolder: { path: folder, open: async () => true } }).core;
    expect(await desktop.handle('app.openLogFolder', undefined)).toEqual({ ok: true, value: { folder } });

    const failing = wire({ logFolder: { path: folder, open: async () => false } }).core;
    expect(await failing.handle('app.openLogFolder', undefined)).toEqual({
      ok: false,
      error: appError('LOG_FOLDER_UNAVAILABLE', { folder }),
    });

    const host = wire({ logFolder: { path: folder, open: null } }).core;
    expect(await host.handle('app.openLogFolder', undefined)).toEqual({
      ok: false,
      error: appError('LOG_FOLDER_UNAVAILABLE', { folder }),
    });
  });

  it('puts the log folder inside the data folder', () => {
    expect(logFolderIn('/data')).toBe(join('/data', 'logs'));
  });
});
