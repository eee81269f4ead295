import type { SecretName, SecretStore } from '../../src/core/ports';

/** A secret store for tests that records what was written, to prove secrets stay put. */
export class MemorySecretStore implements SecretStore {
  readonly protection = 'owner-only-file' as const;
  readonly values = new Map<SecretName, string>();
  failWrites = false;

  get(name: SecretName): string | null {
    return this.values.get(name) ?? null;
  }

  set(name: SecretName, value: string): void {
    if (this.failWrites) throw new Error('disk full');
    this.values.set(name, value);
  }

  delete(name: SecretName): void {
    if (this.failWrites) throw new Error('disk full');
    this.values.delete(name);
  }
}
