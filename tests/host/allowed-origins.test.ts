import { describe, expect, it } from 'vitest';
import { displayHost, siteIdentity } from '../../src/host/allowed-origins';

describe('siteIdentity', () => {
  it('accepts the loopback names for a loopback bind, and nothing else', () => {
    const site = siteIdentity('127.0.0.1', 5000);
    expect([...site.hosts].sort()).toEqual(['127.0.0.1:5000', '[::1]:5000', 'localhost:5000']);
    expect(site.origins.has('http://localhost:5000')).toBe(true);
    expect(site.origins.has('http://localhost:5001')).toBe(false);
    expect(site.origins.has('https://localhost:5000')).toBe(false);
    // CSP source lists cannot hold IPv6 literals: Chromium drops the whole entry with an error.
    expect(site.socketOrigins).toEqual(['ws://127.0.0.1:5000', 'ws://localhost:5000']);
  });

  it('adds an explicit bind address, and the machine addresses for a wildcard bind', () => {
    expect(siteIdentity('192.168.1.20', 80).hosts.has('192.168.1.20:80')).toBe(true);
    expect(siteIdentity('::1', 80).hosts.has('[::1]:80')).toBe(true);
    expect(siteIdentity('0.0.0.0', 80).hosts.size).toBeGreaterThanOrEqual(3);
  });

  it('prints loopback for wildcard binds and brackets IPv6', () => {
    expect(displayHost('0.0.0.0')).toBe('127.0.0.1');
    expect(displayHost('::')).toBe('127.0.0.1');
    expect(displayHost('::1')).toBe('[::1]');
    expect(displayHost('localhost')).toBe('localhost');
  });
});
