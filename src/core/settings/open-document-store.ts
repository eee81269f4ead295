import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { appError, type AppError } from '../../shared/errors';
import type { DocumentStore } from '../ports';
import { MemoryDocumentStore } from './memory-document-store';
import { setAsideIfCorrupt } from './set-aside-file';

/**
 * Opens `<dir>/<name>.json` with conf (atomic writes) for the browser host and tests;
 * Electron opens its files with electron-store (conf plus the user-data folder). A damaged
 * file is set aside first.
 */
export function openConfStore(dir: string, name: string): { store: DocumentStore; notices: AppError[] } {
  const notices: AppError[] = [];
  const setAside = setAsideIfCorrupt(join(dir, `${name}.json`));
  if (setAside) notices.push(setAside);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName: name, configFileMode: 0o600 });
    return { store: conf, notices };
  } catch {
    notices.push(appError('STORAGE_WRITE_FAILED', { file: `${name}.json` }));
    return { store: new MemoryDocumentStore(), notices };
  }
}
