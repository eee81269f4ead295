import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanAddresses } from '../../../src/host/remote/lan-addresses';
import type { RemoteState } from '../../../src/shared/remote/remote-state';
import { startBrowserHostProcess } from '../../support/browser-host-process';
import { connectHostApi } from '../../support/host-api-client';
import { createPhoneNetwork, type PhoneNetwork } from '../../support/phone-network';
import { makeSite, removeDir, tempDir } from '../helpers';
import { connectOutcome, deviceCookieOf, lanRequest, pairRequest } from './lan-client';

/**
 * `npm run serve -- --remote-port 0` (built): the wiring of cli.ts. The core gets this
 * computer's name and LAN addresses and a listener on the same built UI; the remote opens on
 * a LAN address (one the test makes: a veth pair of its own, so nothing ever listens on the
 * machine's real network), pairs, and stops with the process. tests/e2e/phone-remote.e2e.test.ts
 * does the same from a phone in its own network namespace.
 */
describe('npm run serve: the phone remote', () => {
  let site: ReturnType<typeof makeSite>;
  let dataDir: string;
  let network: PhoneNetwork;

  beforeAll(() => {
    network = createPhoneNetwork();
    site = makeSite();
    dataDir = tempDir('serve-remote');
  });
  afterAll(() => {
    network?.remove();
    removeDir(site.root);
    removeDir(dataDir);
  });

  it("turns on at this computer's LAN address, pairs a phone, never logs its token, and stops with the process", async () => {
    const host = await startBrowserHostProcess([
      '--data-dir',
      dataDir,
      '--static-dir',
      site.staticDir,
      '--remote-port',
      '0',
    ]);
    let stopped = false;
    try {
      const api = await connectHostApi(host.port, host.token);
      const state = await api.request<RemoteState>('remote.getState');
      if (!state.ok) throw new Error(JSON.stringify(state.error));
      expect(state.value.computerName).toBe(hostname());
      expect(state.value.addresses).toEqual(lanAddresses());
      const address = network.hostAddress;
      expect(state.value.addresses).toContain(address);

      const on = await api.request<RemoteState>('remote.setEnabled', { enabled: true, address });
      if (!on.ok) throw new Error(JSON.stringify(on.error));
      const port = on.value.port;
      expect(port).toBeGreaterThan(0);
      expect(on.value.url).toBe(`http://${address}:${port}/`);
      expect((await lanRequest(address, port, '/')).text).toContain('<title>Bibblan</title>');
      expect((await lanRequest(address, port, '/remote/session')).status).toBe(401);

      const pairing = await api.request<RemoteState>('remote.startPairing');
      if (!pairing.ok || !pairing.value.pairing) throw new Error('no pairing');
      const { code } = pairing.value.pairing;
      const paired = await pairRequest(address, port, { code, name: 'Annas telefon' });
      expect(paired.status).toBe(200);
      const cookie = deviceCookieOf(paired);
      const session = await lanRequest(address, port, '/remote/session', { headers: { cookie } });
      expect(session.json()).toMatchObject({ computerName: hostname(), device: { name: 'Annas telefon' } });
      await api.close();

      stopped = true;
      expect(await host.stop('SIGTERM')).toBe(0);
      expect(await connectOutcome(address, port)).toBe('ECONNREFUSED');
      const token = cookie.split('=')[1] ?? '';
      const secret = pairing.value.pairing.url.split('#s=')[1] ?? '';
      const logFile = readFileSync(join(dataDir, 'logs', 'bibblan-live.log'), 'utf8');
      expect(logFile).toContain('Phone remote on');
      expect(logFile).toContain('a device was paired');
      for (const text of [logFile, host.stderr()]) {
        expect(text).not.toContain(token);
        expect(text).not.toContain(secret);
        expect(text).not.toContain(code);
      }
    } finally {
      if (!stopped) await host.stop('SIGTERM');
    }
  });
});
