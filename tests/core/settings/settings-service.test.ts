import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/ports';
import { MemoryDocumentStore } from '../../../src/core/settings/memory-document-store';
import { SettingsService } from '../../../src/core/settings/settings-service';
import { DEFAULT_OBS_ADDRESS } from '../../../src/shared/settings';
import { MemorySecretStore } from '../../support/memory-secret-store';

const make = (initial: Record<string, unknown> = {}) => {
  const store = new MemoryDocumentStore();
  store.store = initial;
  const secrets = new MemorySecretStore();
  return { store, secrets, service: new SettingsService(store, secrets, silentLogger) };
};

describe('SettingsService', () => {
  it('starts with Swedish, the default OBS address and the first-run screen', () => {
    const { service } = make();
    expect(service.toPublic()).toEqual({
      language: 'sv',
      obs: { address: DEFAULT_OBS_ADDRESS, passwordSaved: false },
      setupDone: false,
    });
  });

  it('keeps the password in the secret store and only says "saved" to the outside', () => {
    const { service, store, secrets } = make();
    const saved = service.saveConnection(' ws://127.0.0.1:4455 ', { action: 'set', value: 'hemligt-lösen' });
    expect(saved).toEqual({
      ok: true,
      value: { language: 'sv', obs: { address: 'ws://127.0.0.1:4455', passwordSaved: true }, setupDone: true },
    });
    expect(JSON.stringify(store.store)).not.toContain('hemligt');
    expect(JSON.stringify(saved)).not.toContain('hemligt');
    expect(secrets.get('obs.password')).toBe('hemligt-lösen');

    service.saveConnection('ws://127.0.0.1:4456', { action: 'keep' });
    expect(service.obsPassword()).toBe('hemligt-lösen');
    service.saveConnection('ws://127.0.0.1:4456', { action: 'clear' });
    expect(service.obsPassword()).toBeNull();
    expect(service.toPublic().obs.passwordSaved).toBe(false);
  });

  it('refuses an address with credentials in it, keeping nothing of it', () => {
    const { service, store, secrets } = make();
    const before = JSON.stringify(store.store);
    const saved = service.saveConnection('ws://staff:hemligt@127.0.0.1:4455', { action: 'set', value: 'lösen' });
    expect(saved).toEqual({ ok: false, error: { code: 'OBS_ADDRESS_HAS_CREDENTIALS' } });
    expect(JSON.stringify(store.store)).toBe(before);
    expect(secrets.get('obs.password')).toBeNull();
  });

  it('salvages the valid fields of a partly broken document', () => {
    const { service } = make({ schemaVersion: 1, language: 'en', obs: { address: 42 }, setupDone: 'yes' });
    expect(service.read()).toEqual({
      schemaVersion: 1,
      language: 'en',
      obs: { address: DEFAULT_OBS_ADDRESS },
      setupDone: false,
    });
  });

  it('reports a failed write as STORAGE_WRITE_FAILED and keeps the old settings', () => {
    const { service, store } = make();
    service.setLanguage('en');
    Object.defineProperty(store, 'store', {
      get: () => ({ schemaVersion: 1, language: 'en', obs: { address: DEFAULT_OBS_ADDRESS }, setupDone: false }),
      set: () => {
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
    });
    expect(service.setLanguage('sv')).toEqual({
      ok: false,
      error: { code: 'STORAGE_WRITE_FAILED', params: { file: 'settings.json' } },
    });
    expect(service.read().language).toBe('en');
  });

  it('reports a failed secret write and does not save the connection half-way', () => {
    const { service, secrets } = make();
    secrets.failWrites = true;
    const result = service.saveConnection('ws://10.0.0.2:4455', { action: 'set', value: 'x' });
    expect(result.ok).toBe(false);
    expect(service.read().obs.address).toBe(DEFAULT_OBS_ADDRESS);
  });
});
