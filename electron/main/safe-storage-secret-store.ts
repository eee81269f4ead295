import { z } from 'zod';
import type { SecretProtection } from '../../src/shared/api-contract';
import { appError, type AppError } from '../../src/shared/errors';
import { silentLogger, type DocumentStore, type Logger, type SecretName, type SecretStore } from '../../src/core/ports';

/**
 * The OBS password (and later stream keys) kept with Electron's `safeStorage`: DPAPI on
 * Windows, the Keychain on macOS, libsecret/kwallet on Linux. The ciphertext lives as base64
 * in `secrets.json` (an owner-only conf file next to settings.json).
 *
 * When the OS cannot encrypt (Linux without a keyring, or Chromium's `basic_text` backend,
 * whose key is a constant and so protects nothing) we do NOT refuse: a library laptop
 * without a keyring must still connect to OBS, which itself keeps the same password in plain
 * text in its own config. We fall back to keeping the secret in that owner-only file, and
 * say so: `protection` becomes 'owner-only-file' (the UI shows it in the connection screen)
 * and `notice` is SECRET_STORAGE_UNAVAILABLE (shown once per start in the notices).
 * A secret kept in plain text is encrypted as soon as encryption works again (on read).
 */

/** The part of Electron's `safeStorage` we use; a fake stands in for it in tests. */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; absent or 'unknown' elsewhere. */
  getSelectedStorageBackend?(): string;
}

export interface SafeStorageSecretStoreOptions {
  cipher: SecretCipher;
  /** An owner-only (0600) conf file, e.g. openConfStore(userData, 'secrets'). */
  file: DocumentStore;
  platform: NodeJS.Platform;
  logger?: Logger;
}

const StoredSecretSchema = z.discriminatedUnion('protection', [
  z.object({ protection: z.literal('os-encryption'), data: z.string().min(1) }),
  z.object({ protection: z.literal('owner-only-file'), value: z.string() }),
]);
type StoredSecret = z.infer<typeof StoredSecretSchema>;

/** False where `safeStorage` would "encrypt" with a constant key. */
export function osEncryptionUsable(cipher: SecretCipher, platform: NodeJS.Platform): boolean {
  if (!cipher.isEncryptionAvailable()) return false;
  if (platform === 'linux' && cipher.getSelectedStorageBackend?.() === 'basic_text') return false;
  return true;
}

export class SafeStorageSecretStore implements SecretStore {
  readonly protection: SecretProtection;
  /** SECRET_STORAGE_UNAVAILABLE when secrets cannot be encrypted here; null otherwise. */
  readonly notice: AppError | null;
  readonly #cipher: SecretCipher;
  readonly #file: DocumentStore;
  readonly #logger: Logger;

  constructor(options: SafeStorageSecretStoreOptions) {
    this.#cipher = options.cipher;
    this.#file = options.file;
    this.#logger = options.logger ?? silentLogger;
    const encrypted = osEncryptionUsable(options.cipher, options.platform);
    this.protection = encrypted ? 'os-encryption' : 'owner-only-file';
    this.notice = encrypted ? null : appError('SECRET_STORAGE_UNAVAILABLE');
    if (!encrypted) {
      this.#logger.warn('The OS cannot encrypt secrets here; they are kept in an owner-only file', {
        backend: options.cipher.getSelectedStorageBackend?.() ?? 'n/a',
      });
    }
  }

  get(name: SecretName): string | null {
    const entry = this.#entries()[name];
    if (entry === undefined) return null;
    const parsed = StoredSecretSchema.safeParse(entry);
    if (!parsed.success) {
      this.#logger.warn('A stored secret has an unknown shape and is ignored', { name });
      return null;
    }
    if (parsed.data.protection === 'owner-only-file') {
      if (this.protection === 'os-encryption') this.#upgrade(name, parsed.data.value);
      return parsed.data.value;
    }
    if (this.protection !== 'os-encryption') {
      this.#logger.warn('A secret was encrypted by the OS, which cannot decrypt it now', { name });
      return null;
    }
    try {
      return this.#cipher.decryptString(Buffer.from(parsed.data.data, 'base64'));
    } catch {
      this.#logger.warn('A stored secret could not be decrypted (another user or machine?)', { name });
      return null;
    }
  }

  /** Throws when the file cannot be written; the core reports STORAGE_WRITE_FAILED. */
  set(name: SecretName, value: string): void {
    this.#write(name, this.#seal(value));
  }

  delete(name: SecretName): void {
    const entries = { ...this.#entries() };
    if (!Object.hasOwn(entries, name)) return;
    delete entries[name];
    this.#file.store = entries;
  }

  #seal(value: string): StoredSecret {
    if (this.protection === 'os-encryption') {
      return { protection: 'os-encryption', data: this.#cipher.encryptString(value).toString('base64') };
    }
    return { protection: 'owner-only-file', value };
  }

  #upgrade(name: SecretName, value: string): void {
    try {
      this.#write(name, this.#seal(value));
      this.#logger.info('A secret kept in plain text is now encrypted by the OS', { name });
    } catch {
      this.#logger.warn('A secret kept in plain text could not be encrypted yet', { name });
    }
  }

  #write(name: SecretName, entry: StoredSecret): void {
    this.#file.store = { ...this.#entries(), [name]: entry };
  }

  #entries(): Record<string, unknown> {
    const store = this.#file.store;
    return typeof store === 'object' && store !== null && !Array.isArray(store)
      ? (store as Record<string, unknown>)
      : {};
  }
}
