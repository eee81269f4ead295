import { appError, type AppError } from '../../shared/errors';
import { isRequestName, type EventName, type RequestName } from '../../shared/api-contract';
import type { ObsState } from '../../shared/obs-state';
import { DeviceNameSchema, type RemoteRole, type RemoteState } from '../../shared/remote/remote-state';
import { fail, ok, type Result } from '../../shared/result';
import type { Logger } from '../ports';
import { deviceEvents, deviceMayNotSend, roleAllows } from './access-policy';
import type { HostedCoreView } from './device-session';
import { type DeviceRegistry } from './device-registry';
import { Pairing } from './pairing';
import type { DeviceIdentity, PairRequest, RemoteAccess, RemoteListener } from './remote-ports';

/** A fixed port, so a phone's home-screen link keeps working from one day to the next. */
export const REMOTE_DEFAULT_PORT = 47180;

/** How often expired device tokens are looked for (their connections close then). */
const EXPIRY_CHECK_MS = 60_000;

export interface RemoteServiceDeps {
  registry: DeviceRegistry;
  listener: (access: RemoteAccess) => RemoteListener;
  /** The computer's IPv4 addresses on local networks, loopback left out. */
  lanAddresses: () => string[];
  computerName: string;
  port?: number;
  logger: Logger;
  /** The core's own dispatch, for requests a device is allowed to make. */
  dispatch: (name: RequestName, params: unknown, device: DeviceIdentity) => Promise<Result<unknown>>;
  subscribe: (listener: (name: EventName, payload: unknown) => void) => () => void;
  onState: (state: RemoteState) => void;
  onDeviceChanged: (device: DeviceIdentity) => void;
  now?: () => number;
}

/**
 * The phone remote in the core: turning the LAN listener on and off, pairing, the paired
 * devices and what each may do. The listener (src/host/remote) carries the bytes; every
 * decision about who may do what is made here.
 */
export class RemoteService implements RemoteAccess {
  readonly computerName: string;
  readonly #d: RemoteServiceDeps;
  readonly #pairing: Pairing;
  readonly #connections = new Map<string, number>();
  readonly #listener: RemoteListener;
  #enabled = false;
  #address: string | null = null;
  #port: number;
  #problem: AppError | null = null;
  #busy: Promise<unknown> = Promise.resolve();
  #expiryTimer: NodeJS.Timeout | null = null;
  #pairingTimer: NodeJS.Timeout | null = null;

  constructor(deps: RemoteServiceDeps) {
    this.#d = deps;
    this.computerName = deps.computerName;
    this.#pairing = new Pairing(deps.now);
    this.#port = deps.port ?? REMOTE_DEFAULT_PORT;
    this.#listener = deps.listener(this);
  }

  get state(): RemoteState {
    const addresses = this.#safeAddresses();
    const pairing = this.#enabled ? this.#pairing.current : null;
    const base = this.#enabled && this.#address ? `http://${this.#address}:${this.#port}/` : null;
    return {
      enabled: this.#enabled,
      computerName: this.computerName,
      addresses,
      address: this.#address ?? addresses[0] ?? null,
      port: this.#port,
      url: base,
      pairing:
        pairing && base
          ? {
              code: pairing.code,
              url: `${base}pair#s=${pairing.secret}`,
              expiresAt: new Date(pairing.expiresAtMs).toISOString(),
            }
          : null,
      devices: this.#d.registry.list().map((d) => ({
        id: d.id,
        name: d.name,
        role: d.role,
        pairedAt: d.pairedAt,
        lastSeenAt: d.lastSeenAt,
        expiresAt: new Date(this.#d.registry.expiresAt(d)).toISOString(),
        connections: this.#connections.get(d.id) ?? 0,
      })),
      problem: this.#problem,
    };
  }

  start(): void {
    this.#expiryTimer = setInterval(() => this.#closeExpired(), EXPIRY_CHECK_MS);
    this.#expiryTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.#expiryTimer) clearInterval(this.#expiryTimer);
    this.#clearPairingTimer();
    this.#enabled = false;
    await this.#serial(() => this.#listener.close());
  }

  /** Turns the LAN listener on (on `address`, or the first of the computer's addresses) or off. */
  setEnabled(enabled: boolean, address?: string): Promise<Result<RemoteState>> {
    return this.#serial(async () => {
      const addresses = this.#safeAddresses();
      if (!enabled) {
        // A network chosen while off is the one the remote turns on with later.
        if (address !== undefined && addresses.includes(address)) this.#address = address;
        await this.#turnOff(null);
        return ok(this.state);
      }
      const chosen = address ?? (this.#address && addresses.includes(this.#address) ? this.#address : addresses[0]);
      if (!chosen) return this.#refuse(appError('REMOTE_NO_NETWORK'));
      if (!addresses.includes(chosen)) return this.#refuse(appError('REMOTE_ADDRESS_UNAVAILABLE', { address: chosen }));
      if (this.#enabled && chosen === this.#address) return ok(this.state);
      if (this.#enabled) await this.#listener.close();
      this.#enabled = false;
      this.#address = chosen;
      const opened = await this.#listener.open(chosen, this.#d.port ?? REMOTE_DEFAULT_PORT);
      if (!opened.ok) return this.#refuse(opened.error);
      this.#port = opened.value.port;
      this.#enabled = true;
      this.#problem = null;
      this.#d.logger.info('Phone remote on', { address: chosen, port: this.#port });
      this.#changed();
      return ok(this.state);
    });
  }

  startPairing(): Result<RemoteState> {
    if (!this.#enabled) return fail(appError('REMOTE_OFF'));
    const open = this.#pairing.start();
    this.#clearPairingTimer();
    // The desktop's QR code disappears by itself when the two minutes are up.
    this.#pairingTimer = setTimeout(() => this.#changed(), open.expiresAtMs - Date.now() + 50);
    this.#pairingTimer.unref();
    this.#changed();
    return ok(this.state);
  }

  cancelPairing(): Result<RemoteState> {
    this.#pairing.cancel();
    this.#clearPairingTimer();
    this.#changed();
    return ok(this.state);
  }

  revoke(deviceId: string): Result<RemoteState> {
    const device = this.#d.registry.get(deviceId);
    if (!device) return fail(appError('REMOTE_DEVICE_NOT_FOUND'));
    const removed = this.#write(() => this.#d.registry.remove(deviceId));
    if (!removed.ok) return removed;
    this.#listener.disconnectDevice(deviceId);
    this.#connections.delete(deviceId);
    this.#d.logger.info('Phone remote: a device was removed', { device: device.name });
    this.#changed();
    return ok(this.state);
  }

  setRole(deviceId: string, role: RemoteRole): Result<RemoteState> {
    const device = this.#d.registry.get(deviceId);
    if (!device) return fail(appError('REMOTE_DEVICE_NOT_FOUND'));
    const saved = this.#write(() => this.#d.registry.setRole(deviceId, role));
    if (!saved.ok) return saved;
    this.#d.onDeviceChanged({ id: device.id, name: device.name, role });
    this.#changed();
    return ok(this.state);
  }

  /** OBS's stream ended: the broadcast session is over, and so is the remote's listening. */
  obsStateChanged(prev: ObsState | null, next: ObsState): void {
    if (prev?.stream.active && !next.stream.active && this.#enabled) {
      void this.#serial(() => this.#turnOff('the broadcast ended'));
    }
  }

  // ---- RemoteAccess: what the LAN listener may ask -------------------------------------------

  async pair(request: PairRequest): Promise<Result<{ token: string; device: DeviceIdentity }>> {
    if (!this.#enabled) return fail(appError('REMOTE_OFF'));
    const name = DeviceNameSchema.safeParse(request.name);
    if (!name.success) return fail(appError('VALIDATION_FAILED', { field: 'name' }));
    const proof = {
      ...(typeof request.secret === 'string' ? { secret: request.secret } : {}),
      ...(typeof request.code === 'string' ? { code: request.code.replace(/\s/g, '') } : {}),
    };
    const tried = this.#pairing.try(proof, request.from);
    if (!tried.ok) {
      if (tried.wrong) this.#d.logger.warn('Phone remote: a wrong pairing code', { from: request.from });
      if (tried.error.code === 'REMOTE_PAIRING_NOT_OPEN') this.#changed();
      return fail(tried.error);
    }
    this.#clearPairingTimer();
    const added = this.#write(() => this.#d.registry.add(name.data));
    if (!added.ok) return added;
    const { device, token } = added.value;
    this.#d.logger.info('Phone remote: a device was paired', { device: device.name, from: request.from });
    this.#changed();
    return ok({ token, device: { id: device.id, name: device.name, role: device.role } });
  }

  authenticate(token: string): DeviceIdentity | null {
    if (!this.#enabled || token.length === 0 || token.length > 200) return null;
    return this.#d.registry.authenticate(token);
  }

  connectionOpened(deviceId: string): void {
    this.#connections.set(deviceId, (this.#connections.get(deviceId) ?? 0) + 1);
    this.#changed();
  }

  connectionClosed(deviceId: string): void {
    const left = (this.#connections.get(deviceId) ?? 1) - 1;
    if (left > 0) this.#connections.set(deviceId, left);
    else this.#connections.delete(deviceId);
    this.#changed();
  }

  forDevice(deviceId: string): HostedCoreView {
    return {
      handle: (name, params) => this.#handleFromDevice(deviceId, name, params),
      subscribe: (listener) =>
        this.#d.subscribe((name, payload) => {
          if (!deviceEvents[name]) return;
          if (name === 'remote.device' && (payload as { device?: { id?: string } }).device?.id !== deviceId) return;
          listener(name, payload);
        }),
    };
  }

  async #handleFromDevice(deviceId: string, name: unknown, params: unknown): Promise<Result<unknown>> {
    // Read at every request: a revoked device or a changed role counts from the next one.
    const stored = this.#enabled ? this.#d.registry.get(deviceId) : null;
    if (!stored) {
      this.#listener.disconnectDevice(deviceId);
      return fail(appError('REMOTE_ACCESS_ENDED'));
    }
    if (!isRequestName(name)) return fail(appError('UNKNOWN_REQUEST'));
    const device: DeviceIdentity = { id: stored.id, name: stored.name, role: stored.role };
    if (!roleAllows(device.role, name) || deviceMayNotSend(name, params)) {
      this.#d.logger.warn('Phone remote: a request the device may not make was refused', {
        device: device.name,
        request: name,
      });
      return fail(appError('REMOTE_NOT_ALLOWED'));
    }
    if (name === 'remote.whoAmI') return ok({ computerName: this.computerName, device });
    return this.#d.dispatch(name, params, device);
  }

  // ---- inside ------------------------------------------------------------------------------

  async #turnOff(reason: string | null): Promise<void> {
    const wasOn = this.#enabled;
    this.#enabled = false;
    this.#pairing.cancel();
    this.#clearPairingTimer();
    await this.#listener.close();
    this.#connections.clear();
    if (wasOn) this.#d.logger.info('Phone remote off', reason ? { reason } : {});
    this.#changed();
  }

  #closeExpired(): void {
    let expired: string[];
    try {
      expired = this.#d.registry.pruneExpired();
    } catch {
      return;
    }
    for (const id of expired) {
      this.#listener.disconnectDevice(id);
      this.#connections.delete(id);
    }
    if (expired.length > 0) this.#changed();
  }

  #refuse(error: AppError): Result<never> {
    this.#problem = error;
    this.#changed();
    return fail(error);
  }

  #write<T>(work: () => T): Result<T> {
    try {
      return ok(work());
    } catch (error) {
      this.#d.logger.error('remote-devices.json could not be written', { error: String(error) });
      return fail(appError('STORAGE_WRITE_FAILED', { file: 'remote-devices.json' }));
    }
  }

  #safeAddresses(): string[] {
    try {
      return this.#d.lanAddresses();
    } catch {
      return [];
    }
  }

  #clearPairingTimer(): void {
    if (this.#pairingTimer) clearTimeout(this.#pairingTimer);
    this.#pairingTimer = null;
  }

  #changed(): void {
    this.#d.onState(this.state);
  }

  /** Turning on and off one at a time: two quick clicks must not leave two listeners. */
  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#busy.then(work, work);
    this.#busy = next.catch(() => undefined);
    return next;
  }
}
