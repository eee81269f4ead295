import { describe, expect, it } from 'vitest';
import { Pairing, PAIRING_TTL_MS } from '../../../src/core/remote/pairing';

const clock = () => {
  const c = { now: Date.UTC(2026, 11, 2, 9), fn: () => c.now };
  return c;
};

describe('pairing a phone', () => {
  it('gives a six-digit code and a long one-time secret', () => {
    const open = new Pairing().start();
    expect(open.code).toMatch(/^\d{6}$/);
    expect(open.secret.length).toBeGreaterThanOrEqual(32);
  });

  it('the QR secret works once', () => {
    const pairing = new Pairing();
    const { secret } = pairing.start();
    expect(pairing.try({ secret }, '10.0.0.2')).toEqual({ ok: true });
    expect(pairing.try({ secret }, '10.0.0.2')).toMatchObject({
      ok: false,
      error: { code: 'REMOTE_PAIRING_NOT_OPEN' },
    });
  });

  it('the short code works once, and the secret of that pairing no longer does', () => {
    const pairing = new Pairing();
    const { code, secret } = pairing.start();
    expect(pairing.try({ code }, 'a').ok).toBe(true);
    expect(pairing.try({ secret }, 'a')).toMatchObject({ ok: false, error: { code: 'REMOTE_PAIRING_NOT_OPEN' } });
  });

  it('expires after two minutes', () => {
    const c = clock();
    const pairing = new Pairing(c.fn);
    const { code } = pairing.start();
    c.now += PAIRING_TTL_MS;
    expect(pairing.current).toBeNull();
    expect(pairing.try({ code }, 'a')).toMatchObject({ ok: false, error: { code: 'REMOTE_PAIRING_NOT_OPEN' } });
  });

  it('slows down wrong codes from one address (three free, then waits that double) and not others', () => {
    const c = clock();
    const pairing = new Pairing(c.fn);
    const { code } = pairing.start();
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 3; i += 1) {
      expect(pairing.try({ code: wrong }, 'bad')).toMatchObject({
        ok: false,
        wrong: true,
        error: { code: 'REMOTE_PAIRING_WRONG_CODE' },
      });
    }
    expect(pairing.try({ code: wrong }, 'bad')).toMatchObject({
      error: { code: 'REMOTE_PAIRING_SLOW_DOWN' },
      retryAfterSec: 2,
    });
    // While waiting even the right code is turned away from that address, without counting as wrong.
    expect(pairing.try({ code }, 'bad')).toMatchObject({ wrong: false, error: { code: 'REMOTE_PAIRING_SLOW_DOWN' } });
    c.now += 2_000;
    expect(pairing.try({ code: wrong }, 'bad')).toMatchObject({ retryAfterSec: 4 });
    // Another address is not held up.
    expect(pairing.try({ code }, 'good').ok).toBe(true);
  });

  it('burns the code after ten wrong tries in all', () => {
    const c = clock();
    const pairing = new Pairing(c.fn);
    const { code } = pairing.start();
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 9; i += 1) expect(pairing.try({ code: wrong }, `peer-${i}`).ok).toBe(false);
    expect(pairing.try({ code: wrong }, 'peer-9')).toMatchObject({ error: { code: 'REMOTE_PAIRING_NOT_OPEN' } });
    expect(pairing.try({ code }, 'peer-10')).toMatchObject({ error: { code: 'REMOTE_PAIRING_NOT_OPEN' } });
  });

  it('a new pairing replaces the old one', () => {
    const pairing = new Pairing();
    const first = pairing.start();
    const second = pairing.start();
    expect(pairing.try({ secret: first.secret }, 'a').ok).toBe(false);
    expect(pairing.try({ secret: second.secret }, 'a').ok).toBe(true);
  });
});
