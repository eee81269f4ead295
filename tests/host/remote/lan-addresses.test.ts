import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lanAddresses } from '../../../src/host/remote/lan-addresses';

const info = (address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null, scopeid: 0 }) as NetworkInterfaceInfo;

describe('lanAddresses', () => {
  it('keeps the IPv4 addresses a phone on the network can reach, once each', () => {
    expect(
      lanAddresses({
        lo: [info('127.0.0.1', 'IPv4', true), info('::1', 'IPv6', true)],
        wlan0: [info('192.168.1.23', 'IPv4'), info('fe80::1', 'IPv6')],
        eth0: [info('10.0.0.5', 'IPv4'), info('192.168.1.23', 'IPv4')],
        // What a computer gives itself when no DHCP server answered: no phone can reach it.
        eth1: [info('169.254.10.20', 'IPv4')],
        down: undefined,
      }),
    ).toEqual(['192.168.1.23', '10.0.0.5']);
  });

  it('finds none on a computer without a network', () => {
    expect(lanAddresses({ lo: [info('127.0.0.1', 'IPv4', true)] })).toEqual([]);
  });

  it("reads this computer's interfaces by default", () => {
    for (const address of lanAddresses()) expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });
});
