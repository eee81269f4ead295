import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setAsideIfCorrupt } from '../core/settings/set-aside-file';
import { silentLogger, type Logger, type SecretName, type SecretStore } from '../core/ports';
import type { AppError } from '../shared/errors';

/**
 * The browser host's secrets: plain text in `<dir>/secrets.json`, readable by the owner only
 * (0600). There is no OS keyring to lean on from plain Node, and OBS keeps the same password
 * in plain text in its own config; the UI tells the user (`protection: 'owner-only-file'`).
 *
 * The file has the shape Electron's SafeStorageSecretStore writes, because on Windows and
 * macOS both hosts use the same folder: `{ "obs.password": { protection, value | data } }`.
 * Entries the OS encrypted cannot be read here and count as absent; entries we don't write
 * are kept as they are.
 *
 * Writes throw an Error (never containing the value) when the file cannot be written; the
 * core maps that to STORAGE_WRITE_FAILED. One writer at a time is assumed: the file is read
 * once, at open.
 */

export const SECRETS_FILE = 'secrets.json';

type Entries = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Entries =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const ownerOnly = process.platform !== 'win32';

export interface FileSecretStoreOptions {
  logger?: Logger;
}

export class FileSecretStore implements SecretStore {
  readonly protection = 'owner-only-file' as const;
  /** STORAGE_FILE_SET_ASIDE when a damaged file was moved away at open. */
  readonly notices: AppError[] = [];
  readonly file: string;
  readonly #dir: string;
  readonly #logger: Logger;
  #entries: Entries;

  constructor(dir: string, options: FileSecretStoreOptions = {}) {
    this.#dir = dir;
    this.file = join(dir, SECRETS_FILE);
    this.#logger = options.logger ?? silentLogger;
    const setAside = setAsideIfCorrupt(this.file, isPlainObject);
    if (setAside) {
      this.notices.push(setAside);
      // The moved copy may still hold readable secrets: keep it as private as the original should be.
      if (typeof setAside.params?.movedTo === 'string') tightenMode(setAside.params.movedTo, this.#logger);
      this.#logger.warn('The secrets file was damaged and has been set aside', { ...setAside.params });
    }
    this.#entries = this.#read();
    // A file that others can read (copied in, or made by an older version) is fixed at open.
    tightenMode(this.file, this.#logger);
  }

  get(name: SecretName): string | null {
    const entry = this.#entries[name];
    if (!isPlainObject(entry)) return null;
    if (entry.protection === 'owner-only-file' && typeof entry.value === 'string') return entry.value;
    this.#logger.warn('A stored secret cannot be read by the browser host and is ignored', { name });
    return null;
  }

  set(name: SecretName, value: string): void {
    this.#commit({ ...this.#entries, [name]: { protection: 'owner-only-file', value } });
  }

  delete(name: SecretName): void {
    if (!Object.hasOwn(this.#entries, name)) return;
    const entries = { ...this.#entries };
    delete entries[name];
    this.#commit(entries);
  }

  #read(): Entries {
    try {
      const value: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      return isPlainObject(value) ? value : {};
    } catch {
      // Missing, or damaged and could not be moved (already reported): start empty.
      return {};
    }
  }

  /** Memory changes only after the file did: a failed write leaves both as they were. */
  #commit(entries: Entries): void {
    this.#writeAtomically(`${JSON.stringify(entries, null, 2)}\n`);
    this.#entries = entries;
  }

  /** Temp file (0600) in the same folder, fsync, rename: a crash leaves the old file or the new one. */
  #writeAtomically(text: string): void {
    const temp = join(this.#dir, `.${SECRETS_FILE}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    let fd: number | undefined;
    try {
      mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
      fd = openSync(temp, 'wx', 0o600);
      writeFileSync(fd, text, 'utf8');
      fsyncSync(fd);
      closeSync(fd);
      fd = undefined;
      renameSync(temp, this.file);
    } catch (error) {
      if (fd !== undefined) closeQuietly(fd);
      try {
        unlinkSync(temp);
      } catch {
        // never created, or already renamed
      }
      throw new Error(`Could not write ${this.file}`, { cause: error });
    }
    syncFolder(this.#dir);
  }
}

function tightenMode(file: string, logger: Logger): void {
  if (!ownerOnly) return;
  try {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      logger.warn('Could not make a secrets file owner-only', { file, error: String(error) });
    }
  }
}

const closeQuietly = (fd: number): void => {
  try {
    closeSync(fd);
  } catch {
    // nothing more to do
  }
};

/** Makes the rename itself durable; Windows can't open folders, and it's best effort anyway. */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some file systems refuse fsync on folders
  }
}
