import { afterEach, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../src/core/app-core';
import { requestAccess } from '../../../src/core/remote/access-policy';
import type { RemoteAccess, RemoteListener } from '../../../src/core/remote/remote-ports';
import { MemoryDocumentStore } from '../../../src/core/settings/memory-document-store';
import { requestNames, type EventName } from '../../../src/shared/api-contract';
import { fail, ok } from '../../../src/shared/result';
import { appError } from '../../../src/shared/errors';
import type { RemoteState } from '../../../src/shared/remote/remote-state';
import { MemorySecretStore } from '../../support/memory-secret-store';

/**
 * The core's side of the phone remote, with the platform's listener reduced to what the core
 * asks of it (open, close, drop a device's connections): the real LAN listener is tested in
 * tests/host/remote, and a phone in another network namespace in tests/e2e/phone-remote.
 */
class RecordingListener implements RemoteListener {
  opened: Array<{ address: string; port: number }> = [];
  closed = 0;
  dropped: string[] = [];
  refuse = false;
  async open(address: string, port: number) {
    if (this.refuse) return fail(appError('REMOTE_LISTEN_FAILED', { port }));
    this.opened.push({ address, port });
    return ok({ port: port || 50123 });
  }
  async close() {
    this.closed += 1;
  }
  disconnectDevice(id: string) {
    this.dropped.push(id);
  }
}

describe('the phone remote in the core', () => {
  let core: AppCore | undefined;
  afterEach(async () => {
    await core?.stop();
    core = undefined;
  });

  const make = (addresses = ['192.168.1.20', '10.1.2.3']) => {
    const listener = new RecordingListener();
    let access: RemoteAccess | null = null;
    const devices = new MemoryDocumentStore();
    core = createAppCore({
      settings: new MemoryDocumentStore(),
      secrets: new MemorySecretStore(),
      version: '1',
      remoteDevices: devices,
      remote: {
        listener: (a) => {
          access = a;
          return listener;
        },
        lanAddresses: () => addresses,
        computerName: 'Bibblans dator',
        port: 0,
      },
    });
    return { core, listener, devices, access: () => access! };
  };

  const state = async (c: AppCore, name: string, params?: unknown): Promise<RemoteState> => {
    const result = await c.handle(name, params);
    if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
    return result.value as RemoteState;
  };

  /** Turns the remote on and pairs one device by its short code. */
  const paired = async (role: 'operator' | 'host' = 'operator') => {
    const made = make();
    await state(made.core, 'remote.setEnabled', { enabled: true });
    const { pairing } = await state(made.core, 'remote.startPairing');
    const result = await made.core.remote.pair({ code: pairing!.code, name: 'Annas telefon', from: '10.1.2.9' });
    if (!result.ok) throw new Error(result.error.code);
    if (role === 'host') await state(made.core, 'remote.setRole', { deviceId: result.value.device.id, role });
    return { ...made, token: result.value.token, device: result.value.device };
  };

  it('is off at start and listens only once turned on, on the address chosen', async () => {
    const { core, listener } = make();
    expect(await state(core, 'remote.getState')).toMatchObject({
      enabled: false,
      url: null,
      addresses: ['192.168.1.20', '10.1.2.3'],
      computerName: 'Bibblans dator',
    });
    expect(listener.opened).toEqual([]);
    const on = await state(core, 'remote.setEnabled', { enabled: true, address: '10.1.2.3' });
    expect(listener.opened).toEqual([{ address: '10.1.2.3', port: 0 }]);
    expect(on).toMatchObject({ enabled: true, address: '10.1.2.3', port: 50123, url: 'http://10.1.2.3:50123/' });
    const off = await state(core, 'remote.setEnabled', { enabled: false });
    expect(off.enabled).toBe(false);
    expect(listener.closed).toBeGreaterThan(0);
  });

  it('keeps the network chosen while off, and turns on there', async () => {
    const { core, listener } = make();
    expect(await state(core, 'remote.setEnabled', { enabled: false, address: '10.1.2.3' })).toMatchObject({
      enabled: false,
      address: '10.1.2.3',
    });
    await state(core, 'remote.setEnabled', { enabled: true });
    expect(listener.opened).toEqual([{ address: '10.1.2.3', port: 0 }]);
  });

  it('says what is wrong when there is no network, the address is gone or the port is taken', async () => {
    expect(await make([]).core.handle('remote.setEnabled', { enabled: true })).toMatchObject({
      ok: false,
      error: { code: 'REMOTE_NO_NETWORK' },
    });
    await core?.stop();
    const second = make();
    expect(await second.core.handle('remote.setEnabled', { enabled: true, address: '10.9.9.9' })).toMatchObject({
      error: { code: 'REMOTE_ADDRESS_UNAVAILABLE', params: { address: '10.9.9.9' } },
    });
    second.listener.refuse = true;
    expect(await second.core.handle('remote.setEnabled', { enabled: true })).toMatchObject({
      error: { code: 'REMOTE_LISTEN_FAILED' },
    });
    expect((await state(second.core, 'remote.getState')).problem).toMatchObject({ code: 'REMOTE_LISTEN_FAILED' });
  });

  it('pairs a device once with the QR code, and its token only reaches the listener', async () => {
    const { core, access } = make();
    await state(core, 'remote.setEnabled', { enabled: true });
    const { pairing } = await state(core, 'remote.startPairing');
    expect(pairing?.url).toMatch(/^http:\/\/192\.168\.1\.20:50123\/pair#s=[A-Za-z0-9_-]{32}$/);
    const secret = pairing!.url.split('#s=')[1]!;
    const first = await access().pair({ secret, name: '  Annas telefon ', from: '192.168.1.40' });
    expect(first).toMatchObject({ ok: true, value: { device: { name: 'Annas telefon', role: 'operator' } } });
    expect(await access().pair({ secret, name: 'Någon annan', from: '192.168.1.41' })).toMatchObject({
      ok: false,
      error: { code: 'REMOTE_PAIRING_NOT_OPEN' },
    });
    const after = await state(core, 'remote.getState');
    expect(after.pairing).toBeNull();
    expect(after.devices.map((d) => d.name)).toEqual(['Annas telefon']);
    expect(JSON.stringify(after)).not.toContain(first.ok ? first.value.token : 'x');
  });

  it('refuses a device name with control characters, and pairing while the remote is off', async () => {
    const { core, access } = make();
    expect(await access().pair({ code: '123456', name: 'A', from: 'x' })).toMatchObject({
      error: { code: 'REMOTE_OFF' },
    });
    await state(core, 'remote.setEnabled', { enabled: true });
    const { pairing } = await state(core, 'remote.startPairing');
    for (const name of ['', 'a\u0000b', 'x'.repeat(61), 42]) {
      expect(await access().pair({ code: pairing!.code, name, from: 'x' })).toMatchObject({
        error: { code: 'VALIDATION_FAILED' },
      });
    }
  });

  it('an operator may make exactly the requests of its role: every other request of the contract is refused by the core', async () => {
    const { core, device } = await paired();
    const phone = core.remote.forDevice(device.id);
    for (const name of requestNames) {
      const result = await phone.handle(name, undefined);
      const refused = !result.ok && result.error.code === 'REMOTE_NOT_ALLOWED';
      expect(refused, `${name} from an operator`).toBe(requestAccess[name] !== 'operator');
    }
  });

  it('a host-role device may also end the broadcast, and nothing else more', async () => {
    const { core, device } = await paired('host');
    const phone = core.remote.forDevice(device.id);
    for (const name of requestNames) {
      const result = await phone.handle(name, undefined);
      const refused = !result.ok && result.error.code === 'REMOTE_NOT_ALLOWED';
      expect(refused, `${name} from a host`).toBe(requestAccess[name] === 'desktop');
    }
    expect(await phone.handle('golive.end', {})).toMatchObject({ ok: false, error: { code: 'GOLIVE_NOT_LIVE' } });
  });

  it('refuses what matters most from an operator: going live, ending, keys, settings, presets', async () => {
    const { core, device } = await paired();
    const phone = core.remote.forDevice(device.id);
    const refused = { ok: false, error: { code: 'REMOTE_NOT_ALLOWED' } };
    expect(await phone.handle('golive.start', {})).toEqual(refused);
    expect(await phone.handle('golive.end', {})).toEqual(refused);
    expect(await phone.handle('destinations.revealKey', { id: 'x' })).toEqual(refused);
    expect(
      await phone.handle('settings.saveConnection', { address: 'ws://1.2.3.4:4455', password: { action: 'keep' } }),
    ).toEqual(refused);
    expect(await phone.handle('presets.apply', { id: 'storytime' })).toEqual(refused);
    expect(await phone.handle('remote.setRole', { deviceId: device.id, role: 'host' })).toEqual(refused);
    // Texts may change live; the program's camera and mic choices may not.
    expect(await phone.handle('presets.setDetails', { presetId: 'x', details: {}, devices: {} })).toEqual(refused);
    expect(await phone.handle('remote.whoAmI', undefined)).toEqual({
      ok: true,
      value: { computerName: 'Bibblans dator', device: { id: device.id, name: 'Annas telefon', role: 'operator' } },
    });
  });

  it('a revoked device is refused at its next request and its connections are dropped', async () => {
    const { core, device, token, listener } = await paired();
    const phone = core.remote.forDevice(device.id);
    expect((await phone.handle('obs.getState', undefined)).ok).toBe(true);
    await state(core, 'remote.revoke', { deviceId: device.id });
    expect(listener.dropped).toContain(device.id);
    expect(core.remote.authenticate(token)).toBeNull();
    expect(await phone.handle('obs.getState', undefined)).toEqual({
      ok: false,
      error: { code: 'REMOTE_ACCESS_ENDED' },
    });
    expect(await core.handle('remote.revoke', { deviceId: device.id })).toMatchObject({
      error: { code: 'REMOTE_DEVICE_NOT_FOUND' },
    });
  });

  it('turning the remote off ends every device session until it is on again', async () => {
    const { core, device, token } = await paired();
    const phone = core.remote.forDevice(device.id);
    await state(core, 'remote.setEnabled', { enabled: false });
    expect(core.remote.authenticate(token)).toBeNull();
    expect(await phone.handle('obs.getState', undefined)).toMatchObject({ error: { code: 'REMOTE_ACCESS_ENDED' } });
    await state(core, 'remote.setEnabled', { enabled: true });
    expect(core.remote.authenticate(token)?.id).toBe(device.id);
  });

  it('a device hears what its page shows, never the pairing code, the log or the destinations', async () => {
    const { core, device } = await paired();
    const heard: EventName[] = [];
    const unsubscribe = core.remote.forDevice(device.id).subscribe((name) => heard.push(name));
    await state(core, 'remote.startPairing');
    await core.handle('settings.setLanguage', { language: 'en' });
    await state(core, 'remote.setRole', { deviceId: device.id, role: 'host' });
    unsubscribe();
    expect(heard).toContain('settings.changed');
    expect(heard).toContain('remote.device');
    expect(heard).not.toContain('remote.state');
  });

  it('the device list counts open connections', async () => {
    const { core, device, access } = await paired();
    access().connectionOpened(device.id);
    access().connectionOpened(device.id);
    access().connectionClosed(device.id);
    expect((await state(core, 'remote.getState')).devices[0]?.connections).toBe(1);
  });
});
