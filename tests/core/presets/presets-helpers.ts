import type { RequestBatchRequest } from 'obs-websocket-js';
import { ObsController } from '../../../src/core/obs/obs-controller';
import { PresetStore } from '../../../src/core/presets/preset-store';
import { PresetsService } from '../../../src/core/presets/presets-service';
import { MemoryDocumentStore } from '../../../src/core/settings/memory-document-store';
import type { TextLanguage } from '../../../src/shared/presets/preset-details';
import { waitFor } from '../../support/wait-for';
import { scaled } from '../../support/timeouts';

/** Requests that change OBS: everything but Get*. Counted at the wire, apart from what the app reports. */
export const isMutating = (request: RequestBatchRequest): boolean => !request.requestType.startsWith('Get');

/** A presets service on a real controller, with every batch it sends counted. */
export async function connectedPresets(
  address: string,
  password: string | null,
  options: { language?: TextLanguage | (() => TextLanguage); reconnectWaitMs?: number } = {},
) {
  const controller = new ObsController({ requestTimeoutMs: 10_000, maxBackoffMs: 500 });
  controller.connect(address, password);
  await waitFor(() => controller.state.connection.status === 'connected', {
    timeoutMs: scaled(20_000),
    message: 'connected to OBS',
  });
  /** types: every request type sent; inFlight/maxInFlight: batches awaiting OBS's answer at once. */
  const sent = { batches: 0, mutating: 0, types: [] as string[], inFlight: 0, maxInFlight: 0 };
  const obs = {
    get state() {
      return controller.state;
    },
    onState: (listener: Parameters<ObsController['onState']>[0]) => controller.onState(listener),
    callBatch: (requests: RequestBatchRequest[], opts?: { timeoutMs?: number }) => {
      sent.batches += 1;
      sent.mutating += requests.filter(isMutating).length;
      sent.types.push(...requests.map((r) => r.requestType));
      sent.inFlight += 1;
      sent.maxInFlight = Math.max(sent.maxInFlight, sent.inFlight);
      return controller.callBatch(requests, opts).finally(() => (sent.inFlight -= 1));
    },
  };
  const documents = new MemoryDocumentStore();
  const phases: string[] = [];
  const service = new PresetsService({
    store: new PresetStore(documents),
    obs,
    language: () => (typeof options.language === 'function' ? options.language() : (options.language ?? 'sv')),
    onChanged: () => {},
    onPhase: (_id, phase) => phases.push(phase),
    reconnectWaitMs: options.reconnectWaitMs ?? 10_000,
  });
  return {
    controller,
    service,
    sent,
    documents,
    phases,
    reset: () => Object.assign(sent, { batches: 0, mutating: 0, types: [], inFlight: 0, maxInFlight: 0 }),
  };
}
