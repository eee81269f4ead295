import { afterEach, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../src/core/app-core';
import { MemoryDocumentStore } from '../../src/core/settings/memory-document-store';
import { requestNames } from '../../src/shared/api-contract';
import { MemorySecretStore } from '../support/memory-secret-store';

// A port nothing listens on: the core's OBS link stays down, which is all these tests need.
const NOWHERE = 'ws://127.0.0.1:9';

describe('createAppCore', () => {
  let core: AppCore | undefined;
  afterEach(async () => {
    await core?.stop();
    core = undefined;
  });

  const make = () => {
    const settings = new MemoryDocumentStore();
    const secrets = new MemorySecretStore();
    core = createAppCore({ settings, secrets, version: '1.2.3' });
    return { core, settings, secrets };
  };

  it('answers app.getInfo with the version and how secrets are kept', async () => {
    const { core } = make();
    expect(await core.handle('app.getInfo', undefined)).toEqual({
      ok: true,
      value: { version: '1.2.3', secretProtection: 'owner-only-file', notices: [] },
    });
  });

  it('refuses unknown request names, including prototype keys', async () => {
    const { core } = make();
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 42, null, { name: 'obs.getState' }]) {
      expect(await core.handle(name, undefined)).toEqual({ ok: false, error: { code: 'UNKNOWN_REQUEST' } });
    }
  });

  const malformed: unknown[] = [
    42,
    'x',
    [],
    { sceneName: '' },
    { sceneName: 'x'.repeat(100_000) },
    { sceneName: 7 },
    { address: 5, password: { action: 'keep' } },
    { address: 'ws://127.0.0.1:4455', password: { action: 'set', value: '' } },
    { address: 'ws://127.0.0.1:4455', password: { action: 'steal' } },
    { address: 'ws://127.0.0.1:4455', password: { action: 'keep' }, extra: true },
    { language: 'de' },
    { language: '\u202esv' },
  ];

  it('answers every request with malformed params with VALIDATION_FAILED and changes nothing', async () => {
    const { core, settings, secrets } = make();
    const before = JSON.stringify(settings.store);
    for (const name of requestNames) {
      for (const params of malformed) {
        const result = await core.handle(name, params);
        expect(result.ok, `${name} accepted ${JSON.stringify(params)?.slice(0, 60)}`).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('VALIDATION_FAILED');
      }
    }
    expect(JSON.stringify(settings.store)).toBe(before);
    expect(secrets.values.size).toBe(0);
  });

  it('saves the connection, emits settings.changed without the password, and says "saved"', async () => {
    const { core, secrets } = make();
    const events: Array<[string, unknown]> = [];
    core.subscribe((name, payload) => events.push([name, payload]));
    const result = await core.handle('settings.saveConnection', {
      address: NOWHERE,
      password: { action: 'set', value: 'topphemligt' },
    });
    expect(result).toEqual({
      ok: true,
      value: { language: 'sv', obs: { address: NOWHERE, passwordSaved: true }, setupDone: true },
    });
    expect(secrets.get('obs.password')).toBe('topphemligt');
    const changed = events.filter(([name]) => name === 'settings.changed');
    expect(changed).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain('topphemligt');
    expect(JSON.stringify(await core.handle('settings.get', undefined))).not.toContain('topphemligt');
  });

  it('switches the language and tells every subscriber', async () => {
    const { core } = make();
    const seen: unknown[] = [];
    core.subscribe((name, payload) => name === 'settings.changed' && seen.push(payload));
    const result = await core.handle('settings.setLanguage', { language: 'en' });
    expect(result).toMatchObject({ ok: true, value: { language: 'en' } });
    expect(seen).toHaveLength(1);
  });

  it('answers a scene switch while OBS is not connected with OBS_NOT_CONNECTED', async () => {
    const { core } = make();
    const result = await core.handle('obs.switchScene', { sceneName: 'Läsare' });
    expect(result).toEqual({ ok: false, error: { code: 'OBS_NOT_CONNECTED' } });
  });
});
