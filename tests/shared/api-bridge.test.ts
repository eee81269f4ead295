import { describe, expect, it } from 'vitest';
import { buildApi, type ApiTransport } from '../../src/shared/api-bridge';
import { eventNames, requestNames } from '../../src/shared/api-contract';
import { ok } from '../../src/shared/result';

describe('buildApi', () => {
  it('turns every contract request and event into a named method that uses the transport', async () => {
    const calls: Array<[string, unknown]> = [];
    const subscribed: string[] = [];
    const transport: ApiTransport = {
      request: async (name, params) => {
        calls.push([name, params]);
        return ok(null);
      },
      subscribe: (name) => {
        subscribed.push(name);
        return () => {};
      },
    };
    const api = buildApi(transport);
    await api.obs.switchScene({ sceneName: 'Läsare' });
    await api.obs.getState();
    api.obs.onState(() => {});
    api.settings.onChanged(() => {});
    expect(calls).toEqual([
      ['obs.switchScene', { sceneName: 'Läsare' }],
      ['obs.getState', undefined],
    ]);
    expect(subscribed).toEqual(['obs.state', 'settings.changed']);

    const flat = Object.entries(api).flatMap(([domain, methods]) => Object.keys(methods).map((m) => `${domain}.${m}`));
    expect(flat).toHaveLength(requestNames.length + eventNames.length);
  });
});
