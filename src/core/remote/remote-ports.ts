import type { RemoteRole } from '../../shared/remote/remote-state';
import type { Result } from '../../shared/result';
import type { HostedCoreView } from './device-session';

/**
 * The seam between the core's phone remote (devices, pairing, roles) and the platform's
 * LAN listener (src/host/remote). The core decides who may do what; the listener only
 * carries bytes and cookies.
 */

/** A paired device as the listener sees it once its token checked out. */
export interface DeviceIdentity {
  id: string;
  name: string;
  role: RemoteRole;
}

/** What the platform gives the core: a listener it can open on a LAN address and close. */
export interface RemoteListener {
  /** Starts serving on `address:port` (port 0: any free one). Fails with REMOTE_LISTEN_FAILED. */
  open(address: string, port: number): Promise<Result<{ port: number }>>;
  /** Stops listening and closes every device connection. Safe to call when closed. */
  close(): Promise<void>;
  /** Closes this device's open connections at once (revoked or expired). */
  disconnectDevice(deviceId: string): void;
}

/** What the core gives the LAN listener. */
export interface RemoteAccess {
  readonly computerName: string;
  /**
   * Pairs a device with the QR code's secret or the short code. Succeeds once per pairing;
   * wrong codes are slowed down per `from` (the peer's address) and logged. The token is
   * for the device's cookie only: nothing else ever sees it.
   */
  pair(request: PairRequest): Promise<Result<{ token: string; device: DeviceIdentity }>>;
  /** The device behind a token, or null (unknown, revoked, expired). Constant-time. Marks it seen. */
  authenticate(token: string): DeviceIdentity | null;
  /** The core as this device may use it: every request and event goes through its role's policy. */
  forDevice(deviceId: string): HostedCoreView;
  /** Counts the device's open connections for the app's device list. */
  connectionOpened(deviceId: string): void;
  connectionClosed(deviceId: string): void;
}

export interface PairRequest {
  /** The QR code's one-time secret … */
  secret?: string;
  /** … or the six-digit code typed on the phone. */
  code?: string;
  /** "Annas telefon"; validated here. */
  name: unknown;
  /** The peer's address, for slowing down wrong codes. */
  from: string;
}
