import { describe, expect, it } from 'vitest';
import { parseObsAddress, redactObsAddress } from '../../src/shared/obs-address';

describe('parseObsAddress', () => {
  it.each([
    ['ws://127.0.0.1:4455', 'ws://127.0.0.1:4455'],
    ['  ws://127.0.0.1:4455  ', 'ws://127.0.0.1:4455'],
    ['wss://obs.example.org:8443', 'wss://obs.example.org:8443'],
    ['WS://LocalHost:4455', 'ws://localhost:4455'],
    ['ws://[::1]:4455', 'ws://[::1]:4455'],
    ['ws://192.168.1.20:1', 'ws://192.168.1.20:1'],
    ['ws://192.168.1.20:65535', 'ws://192.168.1.20:65535'],
    ['ws://obs-pc.local:4455/', 'ws://obs-pc.local:4455'],
    ['wss://proxy.example.org/obs', 'wss://proxy.example.org/obs'],
  ])('accepts %j as %j', (input, expected) => {
    expect(parseObsAddress(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    // What OBS's "Show connect info" dialog shows: IP and port, no scheme.
    ['127.0.0.1:4455', 'ws://127.0.0.1:4455'],
    ['192.168.1.20', 'ws://192.168.1.20:4455'],
    ['localhost', 'ws://localhost:4455'],
    ['ws://localhost', 'ws://localhost:4455'],
    // An explicit port equal to the scheme default stays.
    ['ws://localhost:80', 'ws://localhost:80'],
    // TLS only comes from a proxy: its default port stays 443.
    ['wss://obs.example.org', 'wss://obs.example.org'],
  ])('fills in %j as %j', (input, expected) => {
    expect(parseObsAddress(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    '',
    '   ',
    'http://127.0.0.1:4455',
    'https://obs.example.org',
    'ftp://x',
    'ws://',
    'ws://:4455',
    'ws://127.0.0.1:0',
    'ws://127.0.0.1:65536',
    'ws://127.0.0.1:99999',
    'ws://127.0.0.1:44a5',
    'ws://127.0.0.1:-1',
    'ws://obs pc:4455',
    'ws://[zz::1]:4455',
    'ws://127.0.0.1:4455?x=1',
    'ws://127.0.0.1:4455#frag',
    '127.0.0.1:',
    ':4455',
  ])('refuses %j with OBS_ADDRESS_INVALID', (input) => {
    expect(parseObsAddress(input)).toEqual({
      ok: false,
      error: { code: 'OBS_ADDRESS_INVALID', params: { address: input } },
    });
  });

  // The form and the core used to disagree here: the form let "ws://user@host" through and the
  // core refused it as malformed. Refused by both now, saying why, without echoing the secret.
  it.each([
    'ws://user:secret@127.0.0.1:4455',
    'ws://user@127.0.0.1:4455',
    'wss://:secret@obs.example.org',
    'user:secret@127.0.0.1:4455',
    '  ws://@localhost  ',
    'http://user:secret@127.0.0.1',
  ])('refuses credentials in %j with OBS_ADDRESS_HAS_CREDENTIALS', (input) => {
    expect(parseObsAddress(input)).toEqual({ ok: false, error: { code: 'OBS_ADDRESS_HAS_CREDENTIALS' } });
  });

  it('does not take an @ in the path for credentials', () => {
    expect(parseObsAddress('wss://proxy.example.org/obs@2')).toEqual({
      ok: true,
      value: 'wss://proxy.example.org/obs@2',
    });
  });

  it('masks credentials for the logs, and leaves other addresses as they are', () => {
    expect(redactObsAddress(' ws://staff:hemligt@127.0.0.1:4455 ')).toBe('ws://***@127.0.0.1:4455');
    expect(redactObsAddress('ws://a@b@host')).toBe('ws://***@host');
    expect(redactObsAddress('ws://127.0.0.1:4455/x@y')).toBe('ws://127.0.0.1:4455/x@y');
  });
});
