import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { appError, type AppError } from '../../shared/errors';

/** A QR code and short code work this long, and for one pairing. */
export const PAIRING_TTL_MS = 2 * 60 * 1000;

/** Wrong codes allowed before each further try must wait, and the most a wait grows to. */
const FREE_WRONG_TRIES = 3;
const MAX_WAIT_MS = 60_000;
/** After this many wrong codes in all, the pairing is over: staff show a new code. */
const MAX_WRONG_PER_PAIRING = 10;

export interface OpenPairing {
  secret: string;
  code: string;
  expiresAtMs: number;
}

/** The outcome of one try at pairing; `wrong` tries are the ones to log. */
export type PairingTry = { ok: true } | { ok: false; error: AppError; wrong: boolean; retryAfterSec?: number };

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
const same = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));

/**
 * One pairing at a time: a one-time secret for the QR code and a six-digit code to type.
 * A six-digit code lives two minutes; with three free tries and waits doubling up to a
 * minute after that (per address), and the code burnt after ten wrong ones, guessing it is
 * out of reach.
 */
export class Pairing {
  #open: OpenPairing | null = null;
  #wrongTotal = 0;
  readonly #wrongBy = new Map<string, { count: number; notBeforeMs: number }>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** The pairing in progress, or null when there is none or it expired. */
  get current(): OpenPairing | null {
    if (this.#open && this.#open.expiresAtMs <= this.#now()) this.#open = null;
    return this.#open;
  }

  start(): OpenPairing {
    this.#open = {
      secret: randomBytes(24).toString('base64url'),
      code: randomInt(0, 1_000_000).toString().padStart(6, '0'),
      expiresAtMs: this.#now() + PAIRING_TTL_MS,
    };
    this.#wrongTotal = 0;
    return this.#open;
  }

  cancel(): void {
    this.#open = null;
  }

  /** Checks a secret or code from `from`; a match ends the pairing (it works once). */
  try(proof: { secret?: string; code?: string }, from: string): PairingTry {
    const now = this.#now();
    const record = this.#wrongBy.get(from);
    if (record && record.notBeforeMs > now) {
      return this.#slowDown(record.notBeforeMs - now, false);
    }
    const open = this.current;
    if (!open) return { ok: false, error: appError('REMOTE_PAIRING_NOT_OPEN'), wrong: false };
    const matches =
      (proof.secret !== undefined && same(proof.secret, open.secret)) ||
      (proof.code !== undefined && same(proof.code, open.code));
    if (matches) {
      this.#open = null;
      this.#wrongBy.delete(from);
      return { ok: true };
    }
    return this.#wrong(from, now);
  }

  #wrong(from: string, now: number): PairingTry {
    this.#wrongTotal += 1;
    const count = (this.#wrongBy.get(from)?.count ?? 0) + 1;
    const waitMs = count <= FREE_WRONG_TRIES ? 0 : Math.min(1000 * 2 ** (count - FREE_WRONG_TRIES), MAX_WAIT_MS);
    this.#wrongBy.set(from, { count, notBeforeMs: now + waitMs });
    if (this.#wrongTotal >= MAX_WRONG_PER_PAIRING) {
      this.#open = null;
      return { ok: false, error: appError('REMOTE_PAIRING_NOT_OPEN'), wrong: true };
    }
    if (waitMs > 0) return this.#slowDown(waitMs, true);
    return { ok: false, error: appError('REMOTE_PAIRING_WRONG_CODE'), wrong: true };
  }

  #slowDown(waitMs: number, wrong: boolean): PairingTry {
    const seconds = Math.ceil(waitMs / 1000);
    return { ok: false, error: appError('REMOTE_PAIRING_SLOW_DOWN', { seconds }), wrong, retryAfterSec: seconds };
  }
}
