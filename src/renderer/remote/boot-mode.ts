import { z } from 'zod';
import { AppErrorSchema, appError, type AppError } from '../../shared/errors';
import { DeviceIdSchema, RemoteRoleSchema } from '../../shared/remote/remote-state';

/**
 * Which app this page is. Under Electron, and in the computer's own browser (the loopback host
 * opens the page with `?token=`), the desktop app as always. Otherwise the page asks the host for
 * `/remote/session`: the loopback host has no such route (404: the desktop); the phone remote's
 * listener answers 200 for a paired device (the phone page) and 401 otherwise (the pairing page).
 */
export type BootMode =
  | { kind: 'desktop' }
  | { kind: 'phone'; computerName: string; device: PhoneDevice }
  | {
      kind: 'pair';
      computerName: string;
      /** The one-time secret from the QR code's `#s=`; null: ask for the 6-digit code. */
      secret: string | null;
      /** Why this device is here again (its access ended), shown above the form. */
      reason: AppError | null;
    }
  /** The remote's address, but nothing answers: the listener is off or the phone is elsewhere. */
  | { kind: 'unreachable' };

export interface PhoneDevice {
  id: string;
  name: string;
  role: z.infer<typeof RemoteRoleSchema>;
}

export const REMOTE_SESSION_PATH = '/remote/session';
export const REMOTE_PAIR_PATH = '/remote/pair';
/** The QR code's page: `/pair#s=<secret>`. */
export const PAIR_PAGE_PATH = '/pair';

const SessionSchema = z.object({
  computerName: z.string(),
  device: z.object({ id: DeviceIdSchema, name: z.string(), role: RemoteRoleSchema }),
});
const NoSessionSchema = z.object({ computerName: z.string(), error: AppErrorSchema.optional() });

/** Where the page is, as much as the decision needs (pass `window.location`). */
export interface PageLocation {
  pathname: string;
  search: string;
  hash: string;
}

/** The secret in `#s=…` (only on the pairing path), or null. */
export function pairingSecret(location: PageLocation): string | null {
  if (location.pathname !== PAIR_PAGE_PATH) return null;
  const secret = new URLSearchParams(location.hash.replace(/^#/, '')).get('s');
  return secret && /^[A-Za-z0-9_-]{8,256}$/.test(secret) ? secret : null;
}

/** Decided without asking the host: Electron and the loopback host's token page are the desktop. */
export function bootModeWithoutAsking(hasElectronApi: boolean, location: PageLocation): BootMode | null {
  if (hasElectronApi) return { kind: 'desktop' };
  if (new URLSearchParams(location.search).has('token')) return { kind: 'desktop' };
  return null;
}

/**
 * The decision from the host's answer to `/remote/session`: `status` and its JSON body (null when
 * not JSON), or null when the request failed (nothing answered).
 */
export function bootModeFromSession(
  answer: { status: number; body: unknown } | null,
  location: PageLocation,
  /** This browser was paired before (remembered by the page): a 401 then means its access ended. */
  wasPaired = false,
): BootMode {
  if (answer === null) return { kind: 'unreachable' };
  if (answer.status === 200) {
    const session = SessionSchema.safeParse(answer.body);
    if (session.success) return { kind: 'phone', ...session.data };
  }
  if (answer.status === 401) {
    const none = NoSessionSchema.safeParse(answer.body);
    // A 401 without the remote's body is not the remote's (a loopback page without its token).
    if (none.success) {
      const secret = pairingSecret(location);
      // A device whose access ended hears why; a new one (or one opening a QR code) does not.
      const reason = wasPaired && secret === null && none.data.error ? none.data.error : null;
      return { kind: 'pair', computerName: none.data.computerName, secret, reason };
    }
  }
  // 404 and anything else: the loopback host, as before the remote existed.
  return { kind: 'desktop' };
}

/** Asks the host; a network failure is `null` (see bootModeFromSession). */
export async function fetchSession(fetchFn: typeof fetch = fetch): Promise<{ status: number; body: unknown } | null> {
  try {
    const response = await fetchFn(REMOTE_SESSION_PATH, {
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { Accept: 'application/json' },
    });
    const json = (response.headers.get('Content-Type') ?? '').includes('application/json');
    const body: unknown = json ? await response.json().catch(() => null) : null;
    return { status: response.status, body };
  } catch {
    return null;
  }
}

export async function decideBootMode(
  hasElectronApi: boolean,
  location: PageLocation,
  fetchFn?: typeof fetch,
  wasPaired = false,
): Promise<BootMode> {
  return (
    bootModeWithoutAsking(hasElectronApi, location) ??
    bootModeFromSession(await fetchSession(fetchFn), location, wasPaired)
  );
}

const PAIRED_KEY = 'bibblan-live-paired';

/**
 * Whether this browser was paired with the computer: only so that the pairing page can say
 * "no longer paired" to a phone that was, and nothing to a new one. The token itself is in an
 * HttpOnly cookie the page never sees.
 */
export const pairedMemory = {
  get(storage: Pick<Storage, 'getItem'> | null): boolean {
    try {
      return storage?.getItem(PAIRED_KEY) === '1';
    } catch {
      return false;
    }
  },
  set(storage: Pick<Storage, 'setItem'> | null): void {
    try {
      storage?.setItem(PAIRED_KEY, '1');
    } catch {
      // Private mode: the page just says less.
    }
  },
};

/** What POST /remote/pair answered: the device, or why not. */
export type PairAnswer =
  { ok: true; computerName: string; device: PhoneDevice } | { ok: false; error: AppError; unreachable?: boolean };

/** Pairs this browser: the cookie comes back in the answer's Set-Cookie (HttpOnly, never seen here). */
export async function pairDevice(
  request: { secret?: string; code?: string; name: string },
  fetchFn: typeof fetch = fetch,
): Promise<PairAnswer> {
  let response: Response;
  try {
    response = await fetchFn(REMOTE_PAIR_PATH, {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(request),
    });
  } catch {
    return { ok: false, error: appError('REMOTE_OFF'), unreachable: true };
  }
  const body: unknown = await response.json().catch(() => null);
  return pairAnswerFrom(response.status, body, response.headers.get('Retry-After'));
}

/** The answer's meaning, apart from fetch (unit-tested). */
export function pairAnswerFrom(status: number, body: unknown, retryAfter: string | null): PairAnswer {
  if (status === 200) {
    const session = SessionSchema.safeParse(body);
    if (session.success) return { ok: true, ...session.data };
    return { ok: false, error: appError('INTERNAL_ERROR') };
  }
  const parsed = z.object({ error: AppErrorSchema }).safeParse(body);
  const error = parsed.success
    ? parsed.data.error
    : appError(status === 403 ? 'REMOTE_PAIRING_NOT_OPEN' : 'INTERNAL_ERROR');
  // The wait for a slow-down: the host's param, else its Retry-After header.
  if (error.code === 'REMOTE_PAIRING_SLOW_DOWN' && error.params?.seconds === undefined) {
    const seconds = Number(retryAfter);
    return {
      ok: false,
      error: appError(error.code, { ...error.params, seconds: Number.isFinite(seconds) ? seconds : 30 }),
    };
  }
  return { ok: false, error };
}
