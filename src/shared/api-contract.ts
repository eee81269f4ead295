import { z } from 'zod';
import { AppErrorSchema } from './errors';
import { ObsStateSchema } from './obs-state';
import { LanguageSchema, PasswordChangeSchema, PublicSettingsSchema } from './settings';

/**
 * The one API contract shared by Electron main and preload, the renderer and the browser
 * host. Every side derives its types from here; params are validated with these schemas
 * where they enter the core.
 */

const NoParams = z.undefined();
const Empty = z.null();

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

const SceneNameSchema = z.string().min(1).max(512);

export const apiRequests = {
  'app.getInfo': { params: NoParams, result: AppInfoSchema },
  'settings.get': { params: NoParams, result: PublicSettingsSchema },
  'settings.saveConnection': {
    params: z.object({ address: z.string().max(2048), password: PasswordChangeSchema }).strict(),
    result: PublicSettingsSchema,
  },
  'settings.setLanguage': {
    params: z.object({ language: LanguageSchema }).strict(),
    result: PublicSettingsSchema,
  },
  'obs.getState': { params: NoParams, result: ObsStateSchema },
  'obs.reconnectNow': { params: NoParams, result: Empty },
  'obs.switchScene': {
    params: z.object({ sceneName: SceneNameSchema }).strict(),
    result: Empty,
  },
} as const;

export const apiEvents = {
  'obs.state': ObsStateSchema,
  'settings.changed': PublicSettingsSchema,
} as const;

export type ApiRequests = typeof apiRequests;
export type ApiEvents = typeof apiEvents;
export type RequestName = keyof ApiRequests;
export type EventName = keyof ApiEvents;
export type RequestParams<N extends RequestName> = z.input<ApiRequests[N]['params']>;
export type RequestResult<N extends RequestName> = z.output<ApiRequests[N]['result']>;
export type EventPayload<E extends EventName> = z.output<ApiEvents[E]>;

export const requestNames = Object.keys(apiRequests) as RequestName[];
export const eventNames = Object.keys(apiEvents) as EventName[];

export const isRequestName = (name: unknown): name is RequestName =>
  typeof name === 'string' && Object.hasOwn(apiRequests, name);
