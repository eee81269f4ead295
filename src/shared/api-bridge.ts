import type { Result } from './result';
import {
  eventNames,
  requestNames,
  type EventName,
  type EventPayload,
  type RequestName,
  type RequestParams,
  type RequestResult,
} from './api-contract';

/**
 * The renderer's view of the API: named methods grouped by domain, derived from the
 * contract, e.g. `api.obs.switchScene({ sceneName })` and `api.obs.onState(fn)`.
 */
type Domain<N extends string> = N extends `${infer D}.${string}` ? D : never;
type Method<N extends string> = N extends `${string}.${infer M}` ? M : never;

type RequestFn<N extends RequestName> =
  undefined extends RequestParams<N>
    ? () => Promise<Result<RequestResult<N>>>
    : (params: RequestParams<N>) => Promise<Result<RequestResult<N>>>;

type EventFn<E extends EventName> = (listener: (payload: EventPayload<E>) => void) => () => void;

export type BibblanApi = {
  [D in Domain<RequestName | EventName>]: {
    [N in RequestName as Domain<N> extends D ? Method<N> : never]: RequestFn<N>;
  } & {
    [E in EventName as Domain<E> extends D ? `on${Capitalize<Method<E>>}` : never]: EventFn<E>;
  };
};

/** How a side moves requests and events; the bridge turns it into named methods. */
export interface ApiTransport {
  request(name: RequestName, params: unknown): Promise<Result<unknown>>;
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void;
}

export const requestChannel = (name: RequestName): string => `api:${name}`;
export const eventChannel = (name: EventName): string => `event:${name}`;

const split = (name: string): [string, string] => {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
};

export function buildApi(transport: ApiTransport): BibblanApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of requestNames) {
    const [domain, method] = split(name);
    (api[domain] ??= {})[method] = (params?: unknown) => transport.request(name, params);
  }
  for (const name of eventNames) {
    const [domain, event] = split(name);
    const key = `on${event.charAt(0).toUpperCase()}${event.slice(1)}`;
    (api[domain] ??= {})[key] = (listener: (payload: unknown) => void) => transport.subscribe(name, listener);
  }
  return api as unknown as BibblanApi;
}
