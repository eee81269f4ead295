import { z } from 'zod';
import { LanguageSchema, PasswordChangeSchema, PublicSettingsSchema } from '../settings';

export const settingsRequests = {
  'settings.get': { params: z.undefined(), result: PublicSettingsSchema },
  'settings.saveConnection': {
    params: z.object({ address: z.string().max(2048), password: PasswordChangeSchema }).strict(),
    result: PublicSettingsSchema,
  },
  'settings.setLanguage': {
    params: z.object({ language: LanguageSchema }).strict(),
    result: PublicSettingsSchema,
  },
} as const;

export const settingsEvents = {
  'settings.changed': PublicSettingsSchema,
} as const;
