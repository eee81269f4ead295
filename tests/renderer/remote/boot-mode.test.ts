import { describe, expect, it } from 'vitest';
import {
  bootModeFromSession,
  bootModeWithoutAsking,
  decideBootMode,
  pairAnswerFrom,
  pairDevice,
  pairedMemory,
  pairingSecret,
  type PageLocation,
} from '../../../src/renderer/remote/boot-mode';
import { browserLanguage } from '../../../src/renderer/remote/install-links';
import { appError } from '../../../src/shared/errors';

const at = (pathname: string, hash = '', search = ''): PageLocation => ({ pathname, hash, search });
const SECRET = 'Qm9va3MtYXJlLWZ1bi0xMjM0NTY3ODkwYWJjZGVm';
const device = { id: 'dev_0123456789', name: 'Annas telefon', role: 'operator' as const };

/** A fetch that answers once with `status` and `body` (JSON unless a string), recording what was asked. */
function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const asked: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetchFn = (async (url: string, init?: RequestInit) => {
    asked.push({ url, init });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const type = typeof body === 'string' ? 'text/plain' : 'application/json';
    return new Response(text, { status, headers: { 'Content-Type': type, ...headers } });
  }) as typeof fetch;
  return { fetchFn, asked };
}

describe('which app a page is', () => {
  it('is the desktop under Electron, and on the loopback host token page, without asking', async () => {
    expect(bootModeWithoutAsking(true, at('/'))).toEqual({ kind: 'desktop' });
    expect(bootModeWithoutAsking(false, at('/', '', '?token=abc'))).toEqual({ kind: 'desktop' });
    const never = (async () => {
      throw new Error('asked');
    }) as typeof fetch;
    expect(await decideBootMode(false, at('/', '', '?token=abc'), never)).toEqual({ kind: 'desktop' });
    expect(await decideBootMode(true, at('/pair', `#s=${SECRET}`), never)).toEqual({ kind: 'desktop' });
  });

  it('asks the host otherwise: 404 (the loopback host has no such route) is the desktop', async () => {
    const { fetchFn, asked } = answering(404, 'Not Found');
    expect(await decideBootMode(false, at('/'), fetchFn)).toEqual({ kind: 'desktop' });
    expect(asked[0]?.url).toBe('/remote/session');
    expect(asked[0]?.init?.cache).toBe('no-store');
  });

  it('200 with a device is the phone page', async () => {
    const { fetchFn } = answering(200, { computerName: 'Bibblan-PC', device });
    expect(await decideBootMode(false, at('/'), fetchFn)).toEqual({
      kind: 'phone',
      computerName: 'Bibblan-PC',
      device,
    });
  });

  it('401 is the pairing page: with the QR code secret it asks only for the name', async () => {
    const { fetchFn } = answering(401, { computerName: 'Bibblan-PC', error: appError('REMOTE_ACCESS_ENDED') });
    expect(await decideBootMode(false, at('/pair', `#s=${SECRET}`), fetchFn)).toEqual({
      kind: 'pair',
      computerName: 'Bibblan-PC',
      secret: SECRET,
      reason: null,
    });
  });

  it('401 without a secret asks for the code; a phone that was paired hears that its access ended', () => {
    const ended = { computerName: 'Bibblan-PC', error: appError('REMOTE_ACCESS_ENDED') };
    expect(bootModeFromSession({ status: 401, body: ended }, at('/'), true)).toEqual({
      kind: 'pair',
      computerName: 'Bibblan-PC',
      secret: null,
      reason: appError('REMOTE_ACCESS_ENDED'),
    });
    // A new phone is not told it is "no longer" paired.
    expect(bootModeFromSession({ status: 401, body: ended }, at('/'), false)).toMatchObject({ reason: null });
    expect(bootModeFromSession({ status: 401, body: { computerName: 'PC' } }, at('/'), true)).toMatchObject({
      kind: 'pair',
      reason: null,
    });
  });

  it('remembers that this browser was paired, and survives storage that refuses', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    expect(pairedMemory.get(storage)).toBe(false);
    pairedMemory.set(storage);
    expect(pairedMemory.get(storage)).toBe(true);
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => pairedMemory.set(refusing)).not.toThrow();
    expect(pairedMemory.get(refusing)).toBe(false);
    expect(pairedMemory.get(null)).toBe(false);
  });

  it("a 401 that is not the remote's (no JSON body) stays the desktop, as before", () => {
    expect(bootModeFromSession({ status: 401, body: null }, at('/'))).toEqual({ kind: 'desktop' });
    expect(bootModeFromSession({ status: 200, body: { computerName: 'PC' } }, at('/'))).toEqual({ kind: 'desktop' });
    expect(bootModeFromSession({ status: 500, body: null }, at('/'))).toEqual({ kind: 'desktop' });
  });

  it('nothing answering is the "cannot reach the computer" page', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await decideBootMode(false, at('/'), failing)).toEqual({ kind: 'unreachable' });
  });

  it('reads the secret only on /pair, and only a plausible one', () => {
    expect(pairingSecret(at('/pair', `#s=${SECRET}`))).toBe(SECRET);
    expect(pairingSecret(at('/', `#s=${SECRET}`))).toBeNull();
    expect(pairingSecret(at('/pair', ''))).toBeNull();
    expect(pairingSecret(at('/pair', '#s=<script>'))).toBeNull();
    expect(pairingSecret(at('/pair', '#s=short'))).toBeNull();
  });
});

describe('pairing answers', () => {
  it('sends the name and the secret or code as JSON, and reads the device', async () => {
    const { fetchFn, asked } = answering(200, { computerName: 'Bibblan-PC', device });
    const answer = await pairDevice({ code: '123456', name: 'Annas telefon' }, fetchFn);
    expect(answer).toEqual({ ok: true, computerName: 'Bibblan-PC', device });
    expect(asked[0]?.url).toBe('/remote/pair');
    expect(asked[0]?.init?.method).toBe('POST');
    expect(new Headers(asked[0]?.init?.headers).get('Content-Type')).toBe('application/json');
    expect(JSON.parse(String(asked[0]?.init?.body))).toEqual({ code: '123456', name: 'Annas telefon' });
  });

  it("passes on the host's error", async () => {
    const { fetchFn } = answering(403, { error: appError('REMOTE_PAIRING_WRONG_CODE') });
    expect(await pairDevice({ code: '000000', name: 'X' }, fetchFn)).toEqual({
      ok: false,
      error: appError('REMOTE_PAIRING_WRONG_CODE'),
    });
  });

  it('a slow-down says how long to wait, from its param or Retry-After', () => {
    expect(pairAnswerFrom(429, { error: appError('REMOTE_PAIRING_SLOW_DOWN', { seconds: 12 }) }, '30')).toEqual({
      ok: false,
      error: appError('REMOTE_PAIRING_SLOW_DOWN', { seconds: 12 }),
    });
    expect(pairAnswerFrom(429, { error: appError('REMOTE_PAIRING_SLOW_DOWN') }, '30')).toEqual({
      ok: false,
      error: appError('REMOTE_PAIRING_SLOW_DOWN', { seconds: 30 }),
    });
  });

  it('an answer without the expected body is still an error with a text', () => {
    expect(pairAnswerFrom(403, 'Forbidden', null)).toEqual({ ok: false, error: appError('REMOTE_PAIRING_NOT_OPEN') });
    expect(pairAnswerFrom(200, {}, null)).toEqual({ ok: false, error: appError('INTERNAL_ERROR') });
    expect(pairAnswerFrom(500, null, null)).toEqual({ ok: false, error: appError('INTERNAL_ERROR') });
  });

  it('nothing answering is the remote being off (or another network)', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await pairDevice({ code: '123456', name: 'X' }, failing)).toEqual({
      ok: false,
      error: appError('REMOTE_OFF'),
      unreachable: true,
    });
  });
});

describe("the pairing page's language before the settings are known", () => {
  it('is Swedish unless the phone prefers English', () => {
    expect(browserLanguage(['sv-SE', 'en-US'])).toBe('sv');
    expect(browserLanguage(['en-GB', 'sv'])).toBe('en');
    expect(browserLanguage(['de-DE', 'fi'])).toBe('sv');
    expect(browserLanguage([])).toBe('sv');
  });
});
