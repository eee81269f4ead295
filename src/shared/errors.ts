import { z } from 'zod';

/**
 * The one catalog of expected failures. Every code has a translated message and an
 * action in each language file (src/renderer/i18n); the type checker enforces that.
 */
export const errorCodes = [
  // the OBS connection and its requests
  'OBS_ADDRESS_INVALID',
  'OBS_ADDRESS_HAS_CREDENTIALS',
  'OBS_UNREACHABLE',
  'OBS_PASSWORD_REQUIRED',
  'OBS_AUTH_FAILED',
  'OBS_NOT_V5',
  'OBS_PROTOCOL_ERROR',
  'OBS_KICKED',
  'OBS_CONNECTION_LOST',
  'OBS_NOT_CONNECTED',
  'OBS_REQUEST_TIMEOUT',
  'OBS_NOT_READY',
  'OBS_REQUEST_FAILED',
  'OBS_SCENE_NOT_FOUND',
  // the app: requests, storage, secrets, the link to the host
  'VALIDATION_FAILED',
  'UNKNOWN_REQUEST',
  'STORAGE_WRITE_FAILED',
  'STORAGE_FILE_SET_ASIDE',
  'SECRET_STORAGE_UNAVAILABLE',
  'HOST_CONNECTION_LOST',
  'INTERNAL_ERROR',
  // broadcast log
  'LOG_ENTRY_NOT_FOUND',
  'LOG_WRITE_FAILED',
  'LOG_FILE_SET_ASIDE',
  'LOG_LAST_WRITE_TORN',
  'LOG_IMPORT_INVALID',
  'LOG_TODO_NOT_FOUND',
  'LOG_UNAVAILABLE',
  'LOG_FOLDER_UNAVAILABLE',
  // going live: destinations and stream keys, the checklist, starting and ending
  'DESTINATION_NOT_FOUND',
  'STREAM_SERVER_INVALID',
  'STREAM_KEY_INVALID',
  'STREAM_KEY_MISSING',
  'CHECKLIST_ITEM_NOT_FOUND',
  'CHECKLIST_NO_FIX',
  'GOLIVE_CHECKLIST_INCOMPLETE',
  'GOLIVE_BUSY',
  'GOLIVE_NOT_LIVE',
  'GOLIVE_START_FAILED',
  'GOLIVE_START_TIMEOUT',
  'GOLIVE_RECORD_FAILED',
  'GOLIVE_STOP_UNCONFIRMED',
  // scene presets: editing, storing, applying to OBS
  'PRESET_NOT_FOUND',
  'PRESET_READ_ONLY',
  'PRESET_APPLY_BUSY',
  'PRESET_OBS_BUSY',
  'PRESETS_FILE_SET_ASIDE',
  // live view: scenes, studio mode, mics, privacy cut
  'LIVE_SAFE_SCENE_MISSING',
  'LIVE_NOT_STUDIO_MODE',
  'LIVE_MIC_NOT_FOUND',
  'LIVE_PRIVACY_NOT_ACTIVE',
  'LIVE_TRANSITION_MISSING',
  // the phone remote: turning it on, pairing, what a device may do
  'REMOTE_NO_NETWORK',
  'REMOTE_ADDRESS_UNAVAILABLE',
  'REMOTE_LISTEN_FAILED',
  'REMOTE_OFF',
  'REMOTE_PAIRING_NOT_OPEN',
  'REMOTE_PAIRING_WRONG_CODE',
  'REMOTE_PAIRING_SLOW_DOWN',
  'REMOTE_DEVICE_NOT_FOUND',
  'REMOTE_NOT_ALLOWED',
  'REMOTE_ACCESS_ENDED',
] as const;

export const ErrorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** Values interpolated into the translated message, e.g. {{address}}. Never secrets. */
export const ErrorParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  params: ErrorParamsSchema.optional(),
});
export type AppError = z.infer<typeof AppErrorSchema>;

export const appError = (code: ErrorCode, params?: AppError['params']): AppError =>
  params ? { code, params } : { code };
