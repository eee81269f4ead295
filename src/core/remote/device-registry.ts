import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { RemoteRoleSchema, type RemoteRole } from '../../shared/remote/remote-state';
import type { DocumentStore, Logger } from '../ports';
import type { DeviceIdentity } from './remote-ports';

/** A device token stops working this long after it was last used (or paired). */
export const DEVICE_TOKEN_IDLE_MS = 30 * 24 * 60 * 60 * 1000;

/** How often `lastSeenAt` is written while a device keeps connecting: a reconnect loop must not hammer the disk. */
const SEEN_WRITE_INTERVAL_MS = 60_000;

/**
 * What remote-devices.json holds. A token is 32 random bytes, so a plain SHA-256 of it is as
 * good as a slow hash: nothing to guess, and a stolen file does not let anyone in.
 */
const StoredDeviceSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  name: z.string().min(1).max(200),
  role: RemoteRoleSchema,
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  pairedAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime().nullable(),
});
export type StoredDevice = z.infer<typeof StoredDeviceSchema>;

const DocumentSchema = z.object({ devices: z.array(z.unknown()).default([]) });

const hashToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/** The paired devices, kept in the data folder with their tokens hashed. */
export class DeviceRegistry {
  readonly #store: DocumentStore;
  readonly #logger: Logger;
  readonly #now: () => number;

  constructor(store: DocumentStore, logger: Logger, now: () => number = Date.now) {
    this.#store = store;
    this.#logger = logger;
    this.#now = now;
  }

  /** Devices whose token still works, oldest pairing first. */
  list(): StoredDevice[] {
    return this.#read().filter((d) => !this.#expired(d));
  }

  get(id: string): StoredDevice | null {
    return this.list().find((d) => d.id === id) ?? null;
  }

  expiresAt(device: StoredDevice): number {
    return Date.parse(device.lastSeenAt ?? device.pairedAt) + DEVICE_TOKEN_IDLE_MS;
  }

  /** A new device and its token; the token is returned once and never kept. */
  add(name: string, role: RemoteRole = 'operator'): { device: StoredDevice; token: string } {
    const token = randomBytes(32).toString('base64url');
    const device: StoredDevice = {
      id: randomBytes(12).toString('base64url'),
      name,
      role,
      tokenHash: hashToken(token).toString('hex'),
      pairedAt: new Date(this.#now()).toISOString(),
      lastSeenAt: null,
    };
    this.#write([...this.#read(), device]);
    return { device, token };
  }

  /**
   * The device a token belongs to, or null. Every stored hash is compared in constant time,
   * so neither a match's position nor a near miss shows in the timing.
   */
  authenticate(token: string): DeviceIdentity | null {
    const candidate = hashToken(token);
    let found: StoredDevice | null = null;
    for (const device of this.list()) {
      if (timingSafeEqual(candidate, Buffer.from(device.tokenHash, 'hex'))) found = device;
    }
    if (!found) return null;
    this.#markSeen(found);
    return { id: found.id, name: found.name, role: found.role };
  }

  setRole(id: string, role: RemoteRole): boolean {
    return this.#update(id, (d) => ({ ...d, role }));
  }

  remove(id: string): boolean {
    const all = this.#read();
    if (!all.some((d) => d.id === id)) return false;
    this.#write(all.filter((d) => d.id !== id));
    return true;
  }

  /** Drops expired devices from the file; returns their ids (their connections must close). */
  pruneExpired(): string[] {
    const all = this.#read();
    const expired = all.filter((d) => this.#expired(d)).map((d) => d.id);
    if (expired.length > 0) this.#write(all.filter((d) => !expired.includes(d.id)));
    return expired;
  }

  #expired(device: StoredDevice): boolean {
    return this.expiresAt(device) <= this.#now();
  }

  #markSeen(device: StoredDevice): void {
    const last = device.lastSeenAt ? Date.parse(device.lastSeenAt) : 0;
    if (this.#now() - last < SEEN_WRITE_INTERVAL_MS) return;
    this.#update(device.id, (d) => ({ ...d, lastSeenAt: new Date(this.#now()).toISOString() }));
  }

  #update(id: string, change: (device: StoredDevice) => StoredDevice): boolean {
    const all = this.#read();
    if (!all.some((d) => d.id === id)) return false;
    this.#write(all.map((d) => (d.id === id ? change(d) : d)));
    return true;
  }

  #read(): StoredDevice[] {
    const doc = DocumentSchema.safeParse(this.#store.store);
    if (!doc.success) return [];
    const devices: StoredDevice[] = [];
    for (const raw of doc.data.devices) {
      const parsed = StoredDeviceSchema.safeParse(raw);
      if (parsed.success) devices.push(parsed.data);
      else this.#logger.warn('A paired device in remote-devices.json is unreadable and is ignored');
    }
    return devices;
  }

  #write(devices: StoredDevice[]): void {
    this.#store.store = { devices };
  }
}
