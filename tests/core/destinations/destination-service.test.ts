import { describe, expect, it } from 'vitest';
import { DestinationService } from '../../../src/core/destinations/destination-service';
import { silentLogger } from '../../../src/core/ports';
import { MemoryDocumentStore } from '../../../src/core/settings/memory-document-store';
import { MemorySecretStore } from '../../support/memory-secret-store';

const make = () => {
  const store = new MemoryDocumentStore();
  const secrets = new MemorySecretStore();
  return { store, secrets, service: new DestinationService(store, secrets, silentLogger) };
};

describe('DestinationService', () => {
  it('keeps the key in the secret store only, and says hasKey', () => {
    const { store, secrets, service } = make();
    const saved = service.save({
      name: 'Stadsbiblioteket – YouTube',
      platform: 'youtube',
      server: '',
      key: { kind: 'set', value: ' abcd-efgh-ijkl \n' },
    });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.value).toMatchObject({
      platform: 'youtube',
      server: 'rtmps://a.rtmps.youtube.com:443/live2',
      hasKey: true,
      backupServer: 'rtmps://b.rtmps.youtube.com:443/live2?backup=1',
    });
    expect(JSON.stringify(saved.value)).not.toContain('abcd-efgh');
    expect(JSON.stringify(store.store)).not.toContain('abcd-efgh');
    expect(secrets.get(`destination.${saved.value.id}.streamKey`)).toBe('abcd-efgh-ijkl');
    expect(service.key(saved.value.id)).toEqual({ ok: true, value: 'abcd-efgh-ijkl' });
  });

  it('still loads a destination stored before a character in its name was refused, cleaned', () => {
    const { store, service } = make();
    const saved = service.save({ name: 'Filialen', platform: 'youtube', server: '', key: { kind: 'keep' } });
    expect(saved.ok).toBe(true);
    // As an older version could have stored it: a bidi mark and a BOM pasted into the name.
    const doc = store.store as { destinations: Array<{ name: string }> };
    store.store = { ...doc, destinations: doc.destinations.map((d) => ({ ...d, name: '\u200FFilialen\uFEFF i Vik' })) };
    expect(service.list().map((d) => d.name)).toEqual(['Filialen i Vik']);
    // A new name with the same characters is refused, not cleaned.
    const refused = service.save({ name: 'Ny\u202E', platform: 'youtube', server: '', key: { kind: 'keep' } });
    expect(refused.ok).toBe(false);
  });

  it('splits a whole URL-with-key pasted into the server field', () => {
    const { service } = make();
    const saved = service.save({
      name: 'YT',
      platform: 'youtube',
      server: 'rtmps://a.rtmps.youtube.com/live2/wxyz-1234',
      key: { kind: 'keep' },
    });
    expect(saved.ok && saved.value.server).toBe('rtmps://a.rtmps.youtube.com/live2');
    expect(saved.ok && service.key(saved.value.id)).toEqual({ ok: true, value: 'wxyz-1234' });
  });

  it('keeps, replaces and clears keys on update; deletes key and destination together', () => {
    const { secrets, service } = make();
    const first = service.save({
      name: 'Eget',
      platform: 'custom',
      server: 'rtmp://127.0.0.1:1935/live',
      key: { kind: 'set', value: 'k1' },
    });
    if (!first.ok) throw new Error('save failed');
    const id = first.value.id;
    service.save({
      id,
      name: 'Eget 2',
      platform: 'custom',
      server: 'rtmp://127.0.0.1:1935/live',
      key: { kind: 'keep' },
    });
    expect(service.key(id)).toEqual({ ok: true, value: 'k1' });
    service.save({
      id,
      name: 'Eget 2',
      platform: 'custom',
      server: 'rtmp://127.0.0.1:1935/live',
      key: { kind: 'clear' },
    });
    expect(service.key(id)).toEqual({ ok: false, error: { code: 'STREAM_KEY_MISSING' } });
    service.save({
      id,
      name: 'Eget 2',
      platform: 'custom',
      server: 'rtmp://127.0.0.1:1935/live',
      key: { kind: 'set', value: 'k2' },
    });
    expect(service.delete(id)).toEqual({ ok: true, value: null });
    expect(secrets.values.size).toBe(0);
    expect(service.list()).toEqual([]);
  });

  it('refuses bad servers and keys with codes from the catalog', () => {
    const { service } = make();
    expect(
      service.save({ name: 'X', platform: 'custom', server: 'http://example.org/live', key: { kind: 'keep' } }),
    ).toEqual({ ok: false, error: { code: 'STREAM_SERVER_INVALID' } });
    expect(service.save({ name: 'X', platform: 'custom', server: '', key: { kind: 'keep' } })).toEqual({
      ok: false,
      error: { code: 'STREAM_SERVER_INVALID' },
    });
    expect(
      service.save({ name: 'X', platform: 'custom', server: 'rtmp://h/live', key: { kind: 'set', value: 'åäö' } }),
    ).toEqual({ ok: false, error: { code: 'STREAM_KEY_INVALID' } });
    expect(
      service.save({ id: 'nope', name: 'X', platform: 'custom', server: 'rtmp://h/live', key: { kind: 'keep' } }),
    ).toEqual({ ok: false, error: { code: 'DESTINATION_NOT_FOUND' } });
  });
});
