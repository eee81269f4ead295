import { appError } from '../../shared/errors';
import { parseObsAddress } from '../../shared/obs-address';
import { fail, ok, type Result } from '../../shared/result';
import {
  defaultSettings,
  StoredSettingsSchema,
  type Language,
  type PasswordChange,
  type PublicSettings,
  type StoredSettings,
} from '../../shared/settings';
import type { DocumentStore, Logger, SecretStore } from '../ports';

/**
 * Settings on disk are untrusted: whatever does not validate falls back to its default,
 * field by field, so one bad value does not cost the user the rest.
 */
export class SettingsService {
  readonly #store: DocumentStore;
  readonly #secrets: SecretStore;
  readonly #logger: Logger;

  constructor(store: DocumentStore, secrets: SecretStore, logger: Logger) {
    this.#store = store;
    this.#secrets = secrets;
    this.#logger = logger;
  }

  read(): StoredSettings {
    const raw = this.#store.store;
    const parsed = StoredSettingsSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    return salvage(raw);
  }

  toPublic(settings: StoredSettings = this.read()): PublicSettings {
    return {
      language: settings.language,
      obs: { address: settings.obs.address, passwordSaved: this.obsPassword() !== null },
      setupDone: settings.setupDone,
    };
  }

  obsPassword(): string | null {
    try {
      return this.#secrets.get('obs.password');
    } catch {
      this.#logger.warn('The saved OBS password could not be read');
      return null;
    }
  }

  saveConnection(address: string, password: PasswordChange): Result<PublicSettings> {
    // An address with a password in it is not kept anywhere (file, state, logs).
    const parsed = parseObsAddress(address);
    if (!parsed.ok && parsed.error.code === 'OBS_ADDRESS_HAS_CREDENTIALS') return parsed;
    const next: StoredSettings = { ...this.read(), obs: { address: address.trim() }, setupDone: true };
    try {
      if (password.action === 'set') this.#secrets.set('obs.password', password.value);
      if (password.action === 'clear') this.#secrets.delete('obs.password');
    } catch {
      return fail(appError('STORAGE_WRITE_FAILED', { file: 'secrets' }));
    }
    return this.#write(next);
  }

  setLanguage(language: Language): Result<PublicSettings> {
    return this.#write({ ...this.read(), language });
  }

  #write(next: StoredSettings): Result<PublicSettings> {
    try {
      this.#store.store = next;
    } catch (error) {
      this.#logger.error('Settings could not be written', { reason: (error as NodeJS.ErrnoException).code });
      return fail(appError('STORAGE_WRITE_FAILED', { file: 'settings.json' }));
    }
    return ok(this.toPublic(next));
  }
}

function salvage(raw: unknown): StoredSettings {
  const source = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const field = <K extends keyof StoredSettings>(key: K): StoredSettings[K] => {
    const parsed = StoredSettingsSchema.shape[key].safeParse(source[key]);
    return parsed.success ? (parsed.data as StoredSettings[K]) : defaultSettings[key];
  };
  return {
    schemaVersion: 1,
    language: field('language'),
    obs: field('obs'),
    setupDone: field('setupDone'),
  };
}
