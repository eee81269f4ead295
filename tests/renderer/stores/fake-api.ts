import { buildApi, type ApiTransport } from '../../../src/shared/api-bridge';
import type { EventName, RequestName } from '../../../src/shared/api-contract';
import { ok, type Result } from '../../../src/shared/result';
import type { HostLink } from '../../../src/renderer/stores/host-link';

export type Answers = Partial<Record<RequestName, () => Result<unknown>>>;

/**
 * An API over a transport whose answers the test releases by hand (answerAll), and whose events
 * it sends (emit). An answer is computed when released, so a test can change it meanwhile.
 */
export function fakeApi(answers: Answers = {}) {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const waiting: Array<() => void> = [];
  const requests: RequestName[] = [];
  const transport: ApiTransport = {
    request: (name) => {
      requests.push(name);
      return new Promise((resolve) => waiting.push(() => resolve((answers[name] ?? (() => ok(null)))())));
    },
    subscribe: (name, listener) => {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  return {
    api: buildApi(transport),
    requests,
    /** How many times `name` was asked for. */
    asked: (name: RequestName) => requests.filter((r) => r === name).length,
    emit: (name: EventName, payload: unknown) => listeners.get(name)?.forEach((l) => l(payload)),
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
    /** Answers every request sent so far and lets the awaiting code run. */
    answerAll: async () => {
      for (const answer of waiting.splice(0)) answer();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

/** A host link the test takes down and brings back. */
export function fakeHostLink(connected = false) {
  const listeners = new Set<(connected: boolean) => void>();
  const host: HostLink = {
    onConnectionChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isConnected: () => connected,
  };
  return {
    host,
    set: (value: boolean) => {
      connected = value;
      listeners.forEach((l) => l(value));
    },
    listenerCount: () => listeners.size,
  };
}
