import { z } from 'zod';
import { AppErrorSchema } from '../errors';

export const SecretProtectionSchema = z.enum(['os-encryption', 'owner-only-file']);
export type SecretProtection = z.infer<typeof SecretProtectionSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  /** How secrets are kept on this machine; the UI says so when they are not encrypted. */
  secretProtection: SecretProtectionSchema,
  /** Things the user must be told once, e.g. a corrupt file that was set aside. */
  notices: z.array(AppErrorSchema),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const appRequests = {
  'app.getInfo': { params: z.undefined(), result: AppInfoSchema },
  /**
   * Opens the folder of the app's log files (desktop app). Where no folder can be opened for
   * the user (the browser host), it fails with LOG_FOLDER_UNAVAILABLE naming the folder.
   */
  'app.openLogFolder': { params: z.undefined(), result: z.object({ folder: z.string() }) },
} as const;

export const appEvents = {} as const;
