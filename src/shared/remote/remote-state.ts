import { z } from 'zod';
import { AppErrorSchema } from '../errors';

/**
 * The phone remote: a phone or tablet on the library's network, paired with a one-time
 * code, that operates a broadcast through the host. What a device may do is its role's.
 */

/** operator: scenes, Take, mics, privacy, texts, the program picture. host: also ends the broadcast. */
export const RemoteRoleSchema = z.enum(['operator', 'host']);
export type RemoteRole = z.infer<typeof RemoteRoleSchema>;

export const DEVICE_NAME_MAX = 60;

/** "Annas telefon": shown in the app's device list and in the broadcast log. No control characters. */
export const DeviceNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(DEVICE_NAME_MAX)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  .refine((name) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name), 'no control characters');

export const DeviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** A paired device as the desktop app lists it. Its token is never here: only its hash is kept. */
export const RemoteDeviceSchema = z.object({
  id: DeviceIdSchema,
  name: z.string(),
  role: RemoteRoleSchema,
  pairedAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime().nullable(),
  /** The token stops working then, unless the device is used again before (which moves it on). */
  expiresAt: z.iso.datetime(),
  /** Open connections right now. */
  connections: z.number().int().min(0),
});
export type RemoteDevice = z.infer<typeof RemoteDeviceSchema>;

/** One pairing in progress: what the QR code and the short code stand for. Works once. */
export const RemotePairingSchema = z.object({
  /** Six digits, typed on the phone at the remote's address. */
  code: z.string().regex(/^\d{6}$/),
  /** What the QR code holds: the LAN address and the one-time secret. */
  url: z.string(),
  expiresAt: z.iso.datetime(),
});
export type RemotePairing = z.infer<typeof RemotePairingSchema>;

export const RemoteStateSchema = z.object({
  enabled: z.boolean(),
  /** The computer's name, shown on the phone ("controls Bibblan Live on …"). */
  computerName: z.string(),
  /** The computer's addresses on local networks (IPv4), to choose from when there are several. */
  addresses: z.array(z.string()),
  /** The address the remote listens on (when enabled) or will listen on. */
  address: z.string().nullable(),
  port: z.number().int().min(0).max(65535),
  /** http://address:port/ while enabled: what a phone opens to pair by typing the code. */
  url: z.string().nullable(),
  pairing: RemotePairingSchema.nullable(),
  devices: z.array(RemoteDeviceSchema),
  /** Why the remote is off or not working (no network, port taken …); null when all is well. */
  problem: AppErrorSchema.nullable(),
});
export type RemoteState = z.infer<typeof RemoteStateSchema>;

/** Who is asking, as a device sees itself. */
export const RemoteWhoAmISchema = z.object({
  computerName: z.string(),
  /** null for the desktop window and the computer's own browser. */
  device: z.object({ id: DeviceIdSchema, name: z.string(), role: RemoteRoleSchema }).nullable(),
});
export type RemoteWhoAmI = z.infer<typeof RemoteWhoAmISchema>;
