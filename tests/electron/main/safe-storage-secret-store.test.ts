import { describe, expect, it } from 'vitest';
import {
  SafeStorageSecretStore,
  osEncryptionUsable,
  type SecretCipher,
} from '../../../electron/main/safe-storage-secret-store';
import { MemoryDocumentStore } from '../../../src/core/settings/memory-document-store';

/** Stands in for Electron's safeStorage: a reversible transform, so ciphertext != plaintext. */
class FakeCipher implements SecretCipher {
  constructor(
    public available = true,
    public backend = 'gnome_libsecret',
  ) {}
  isEncryptionAvailable = (): boolean => this.available;
  getSelectedStorageBackend = (): string => this.backend;
  encryptString(plainText: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    return Buffer.from(`enc:${[...plainText].reverse().join('')}`, 'utf8');
  }
  decryptString(encrypted: Buffer): string {
    const text = encrypted.toString('utf8');
    if (!this.available || !text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext');
    return [...text.slice(4)].reverse().join('');
  }
}

const PASSWORD = 'hunter2-obs';

describe('SafeStorageSecretStore with OS encryption', () => {
  it('keeps only ciphertext on disk and reads the secret back', () => {
    const file = new MemoryDocumentStore();
    const store = new SafeStorageSecretStore({ cipher: new FakeCipher(), file, platform: 'linux' });
    expect(store.protection).toBe('os-encryption');
    expect(store.notice).toBeNull();

    store.set('obs.password', PASSWORD);
    expect(JSON.stringify(file.store)).not.toContain(PASSWORD);
    expect(file.store).toMatchObject({ 'obs.password': { protection: 'os-encryption' } });
    expect(store.get('obs.password')).toBe(PASSWORD);

    store.delete('obs.password');
    expect(store.get('obs.password')).toBeNull();
    expect(file.store).toEqual({});
  });

  it('returns null (never throws) for a secret it cannot decrypt or does not recognise', () => {
    const file = new MemoryDocumentStore();
    file.store = { 'obs.password': { protection: 'os-encryption', data: Buffer.from('garbage').toString('base64') } };
    const store = new SafeStorageSecretStore({ cipher: new FakeCipher(), file, platform: 'win32' });
    expect(store.get('obs.password')).toBeNull();
    file.store = { 'obs.password': 'plain string from somewhere else' };
    expect(store.get('obs.password')).toBeNull();
    file.store = ['not', 'an', 'object'] as unknown as Record<string, unknown>;
    expect(store.get('obs.password')).toBeNull();
  });

  it('encrypts a secret that was kept in plain text once encryption works', () => {
    const file = new MemoryDocumentStore();
    file.store = { 'obs.password': { protection: 'owner-only-file', value: PASSWORD } };
    const store = new SafeStorageSecretStore({ cipher: new FakeCipher(), file, platform: 'linux' });
    expect(store.get('obs.password')).toBe(PASSWORD);
    expect(JSON.stringify(file.store)).not.toContain(PASSWORD);
    expect(store.get('obs.password')).toBe(PASSWORD);
  });
});

describe('SafeStorageSecretStore without OS encryption', () => {
  it.each([
    ['no keyring', new FakeCipher(false)],
    ["Chromium's basic_text backend (a constant key)", new FakeCipher(true, 'basic_text')],
  ])('falls back to the owner-only file and says so: %s', (_label, cipher) => {
    expect(osEncryptionUsable(cipher, 'linux')).toBe(false);
    const file = new MemoryDocumentStore();
    const store = new SafeStorageSecretStore({ cipher, file, platform: 'linux' });
    expect(store.protection).toBe('owner-only-file');
    expect(store.notice).toEqual({ code: 'SECRET_STORAGE_UNAVAILABLE' });

    store.set('obs.password', PASSWORD);
    expect(file.store).toEqual({ 'obs.password': { protection: 'owner-only-file', value: PASSWORD } });
    expect(store.get('obs.password')).toBe(PASSWORD);
  });

  it('treats basic_text as a Linux-only concern', () => {
    expect(osEncryptionUsable(new FakeCipher(true, 'basic_text'), 'darwin')).toBe(true);
  });

  it('does not pretend to read a secret the OS encrypted earlier', () => {
    const file = new MemoryDocumentStore();
    new SafeStorageSecretStore({ cipher: new FakeCipher(), file, platform: 'linux' }).set('obs.password', PASSWORD);
    const locked = new SafeStorageSecretStore({ cipher: new FakeCipher(false), file, platform: 'linux' });
    expect(locked.get('obs.password')).toBeNull();
  });

  it('lets a failed write surface to the core (which reports STORAGE_WRITE_FAILED)', () => {
    const file = {
      get store(): unknown {
        return {};
      },
      set store(_value: Record<string, unknown>) {
        throw new Error('EACCES');
      },
    };
    const store = new SafeStorageSecretStore({ cipher: new FakeCipher(), file, platform: 'linux' });
    expect(() => store.set('obs.password', PASSWORD)).toThrow('EACCES');
  });
});
