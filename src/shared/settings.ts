import { z } from 'zod';

export const LanguageSchema = z.enum(['sv', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const DEFAULT_OBS_ADDRESS = 'ws://127.0.0.1:4455';

/** What is stored on disk (secrets live in the secret store, not here). */
export const StoredSettingsSchema = z.object({
  schemaVersion: z.literal(1),
  language: LanguageSchema,
  obs: z.object({ address: z.string().max(2048) }),
  /** Set once the user has saved the connection screen; until then the first-run screen shows. */
  setupDone: z.boolean(),
});
export type StoredSettings = z.infer<typeof StoredSettingsSchema>;

export const defaultSettings: StoredSettings = {
  schemaVersion: 1,
  language: 'sv',
  obs: { address: DEFAULT_OBS_ADDRESS },
  setupDone: false,
};

/** What the UI may see: the password only as "saved" or not. */
export const PublicSettingsSchema = z.object({
  language: LanguageSchema,
  obs: z.object({ address: z.string(), passwordSaved: z.boolean() }),
  setupDone: z.boolean(),
});
export type PublicSettings = z.infer<typeof PublicSettingsSchema>;

export const PasswordChangeSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('keep') }),
  z.object({ action: z.literal('set'), value: z.string().min(1).max(1024) }),
  z.object({ action: z.literal('clear') }),
]);
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;
