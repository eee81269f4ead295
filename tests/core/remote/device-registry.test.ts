import { describe, expect, it } from 'vitest';
import { DEVICE_TOKEN_IDLE_MS, DeviceRegistry } from '../../../src/core/remote/device-registry';
import { MemoryDocumentStore } from '../../../src/core/settings/memory-document-store';
import { silentLogger } from '../../../src/core/ports';

const clock = (start = Date.UTC(2026, 11, 2, 9)) => {
  const c = { now: start, fn: () => c.now };
  return c;
};

describe('the paired devices (remote-devices.json)', () => {
  it('keeps only a hash of each token: the file lets nobody in', () => {
    const store = new MemoryDocumentStore();
    const registry = new DeviceRegistry(store, silentLogger);
    const { token, device } = registry.add('Annas telefon');
    const file = JSON.stringify(store.store);
    expect(file).not.toContain(token);
    expect(file).toContain(device.tokenHash);
    expect(registry.authenticate(device.tokenHash)).toBeNull();
    expect(registry.authenticate(token)).toEqual({ id: device.id, name: 'Annas telefon', role: 'operator' });
  });

  it('tells two devices apart and refuses near misses', () => {
    const registry = new DeviceRegistry(new MemoryDocumentStore(), silentLogger);
    const a = registry.add('A');
    const b = registry.add('B', 'host');
    expect(registry.authenticate(a.token)?.name).toBe('A');
    expect(registry.authenticate(b.token)).toMatchObject({ name: 'B', role: 'host' });
    expect(registry.authenticate(`${a.token.slice(0, -1)}x`)).toBeNull();
    expect(registry.authenticate('')).toBeNull();
  });

  it('a removed device is refused at once; a role change counts at once', () => {
    const registry = new DeviceRegistry(new MemoryDocumentStore(), silentLogger);
    const { token, device } = registry.add('A');
    expect(registry.setRole(device.id, 'host')).toBe(true);
    expect(registry.authenticate(token)?.role).toBe('host');
    expect(registry.remove(device.id)).toBe(true);
    expect(registry.authenticate(token)).toBeNull();
    expect(registry.remove(device.id)).toBe(false);
  });

  it('a token expires 30 days after it was last used, and use moves that on', () => {
    const c = clock();
    const registry = new DeviceRegistry(new MemoryDocumentStore(), silentLogger, c.fn);
    const { token, device } = registry.add('A');
    c.now += DEVICE_TOKEN_IDLE_MS - 1000;
    expect(registry.authenticate(token)).not.toBeNull(); // used: seen now
    c.now += DEVICE_TOKEN_IDLE_MS - 1000;
    expect(registry.authenticate(token)).not.toBeNull();
    c.now += DEVICE_TOKEN_IDLE_MS + 1;
    expect(registry.authenticate(token)).toBeNull();
    expect(registry.list()).toEqual([]);
    expect(registry.pruneExpired()).toEqual([device.id]);
  });

  it('ignores unreadable rows and a damaged document instead of failing', () => {
    const store = new MemoryDocumentStore();
    const registry = new DeviceRegistry(store, silentLogger);
    const { token } = registry.add('A');
    const good = (store.store as { devices: unknown[] }).devices[0];
    store.store = { devices: [good, { id: 'x' }, 'junk', null] };
    expect(registry.list().map((d) => d.name)).toEqual(['A']);
    expect(registry.authenticate(token)?.name).toBe('A');
    store.store = { devices: 'nope' } as never;
    expect(registry.list()).toEqual([]);
  });
});
