import { z } from 'zod';
import { DeviceIdSchema, RemoteRoleSchema, RemoteStateSchema, RemoteWhoAmISchema } from '../remote/remote-state';

/**
 * The phone remote. Everything but `remote.whoAmI` is for the desktop app only: a device
 * cannot turn the remote on, pair, or change roles (src/core/remote/access-policy.ts).
 */
export const remoteRequests = {
  'remote.getState': { params: z.undefined(), result: RemoteStateSchema },
  /** Turns the LAN listener on or off; `address` picks one of `addresses` when there are several. */
  'remote.setEnabled': {
    params: z.object({ enabled: z.boolean(), address: z.ipv4().optional() }).strict(),
    result: RemoteStateSchema,
  },
  /** A fresh QR code and short code, valid for 2 minutes and one pairing. */
  'remote.startPairing': { params: z.undefined(), result: RemoteStateSchema },
  'remote.cancelPairing': { params: z.undefined(), result: RemoteStateSchema },
  /** The device's token stops working at once and its open connections close. */
  'remote.revoke': { params: z.object({ deviceId: DeviceIdSchema }).strict(), result: RemoteStateSchema },
  'remote.setRole': {
    params: z.object({ deviceId: DeviceIdSchema, role: RemoteRoleSchema }).strict(),
    result: RemoteStateSchema,
  },
  /** Which device this connection is (null on the computer itself) and the computer's name. */
  'remote.whoAmI': { params: z.undefined(), result: RemoteWhoAmISchema },
} as const;

export const remoteEvents = {
  /** Desktop only: it carries the pairing code. */
  'remote.state': RemoteStateSchema,
  /** To the devices: their own role or name changed (the page adapts without a reload). */
  'remote.device': RemoteWhoAmISchema,
} as const;
