import { join } from 'node:path';
import { app } from 'electron';
import Store from 'electron-store';
import { MemoryDocumentStore } from '../../src/core/settings/memory-document-store';
import { setAsideIfCorrupt } from '../../src/core/settings/set-aside-file';
import { appError, type AppError } from '../../src/shared/errors';
import type { DocumentStore } from '../../src/core/ports';

/**
 * Opens `<userData>/<name>.json` with electron-store (atomic writes, owner-only file).
 * A damaged file is set aside first; an unwritable folder leaves the app running in memory.
 */
export function openElectronStore(name: string): { store: DocumentStore; notices: AppError[] } {
  const notices: AppError[] = [];
  const setAside = setAsideIfCorrupt(join(app.getPath('userData'), `${name}.json`));
  if (setAside) notices.push(setAside);
  try {
    return { store: new Store<Record<string, unknown>>({ name, configFileMode: 0o600 }), notices };
  } catch {
    notices.push(appError('STORAGE_WRITE_FAILED', { file: `${name}.json` }));
    return { store: new MemoryDocumentStore(), notices };
  }
}
