import type { z } from 'zod';
import { appEvents, appRequests } from './contract/app';
import { logEvents, logRequests } from './contract/broadcast-log';
import { goliveEvents, goliveRequests } from './contract/golive';
import { liveEvents, liveRequests } from './contract/live';
import { obsEvents, obsRequests } from './contract/obs';
import { presetsEvents, presetsRequests } from './contract/presets';
import { remoteEvents, remoteRequests } from './contract/remote';
import { settingsEvents, settingsRequests } from './contract/settings';

/**
 * The one API contract shared by Electron main and preload, the renderer and the browser
 * host. Each domain declares its requests (params and result schemas) and events in
 * `contract/<domain>.ts`; every side derives its types from the merged maps here, and the
 * core validates params with these schemas where they enter.
 */
export { AppInfoSchema, SecretProtectionSchema, type AppInfo, type SecretProtection } from './contract/app';

export const apiRequests = {
  ...appRequests,
  ...settingsRequests,
  ...obsRequests,
  ...logRequests,
  ...presetsRequests,
  ...goliveRequests,
  ...liveRequests,
  ...remoteRequests,
} as const;
export const apiEvents = {
  ...appEvents,
  ...settingsEvents,
  ...obsEvents,
  ...logEvents,
  ...presetsEvents,
  ...goliveEvents,
  ...liveEvents,
  ...remoteEvents,
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
