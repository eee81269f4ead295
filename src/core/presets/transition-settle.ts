import type { RequestBatchRequest } from 'obs-websocket-js';
import type { PresetObs } from './obs-snapshot';
import type { WantedTransition } from './plan-builder';

const ATTEMPTS = 3;
const SETTLE_MS = 150;

/**
 * OBS hands SetCurrentSceneTransition to its UI thread and answers "done" before it runs; OBS 32
 * was seen to drop it inside the apply batch (after scene switches: no CurrentSceneTransitionChanged,
 * the old transition stays) while the same request alone works. So after the batch: read the
 * transition, and set it again on its own until OBS shows it. False when it never did.
 */
export async function settleTransition(
  obs: PresetObs,
  wanted: WantedTransition,
  countRoundTrip: () => void,
): Promise<boolean> {
  const read: RequestBatchRequest = { requestType: 'GetCurrentSceneTransition' };
  let requests: RequestBatchRequest[] = [read];
  for (let attempt = 0; attempt <= ATTEMPTS; attempt += 1) {
    countRoundTrip();
    const reply = await obs.callBatch(requests);
    if (!reply.ok) return false;
    const last = reply.value.at(-1) as
      | {
          requestStatus: { result: boolean };
          responseData?: { transitionName?: string; transitionDuration?: number | null };
        }
      | undefined;
    const now = last?.requestStatus.result ? last.responseData : undefined;
    if (
      now?.transitionName === wanted.name &&
      (wanted.durationMs === null || now.transitionDuration === wanted.durationMs)
    )
      return true;
    requests = [
      { requestType: 'SetCurrentSceneTransition', requestData: { transitionName: wanted.name } },
      ...(wanted.durationMs === null
        ? []
        : [
            {
              requestType: 'SetCurrentSceneTransitionDuration',
              requestData: { transitionDuration: wanted.durationMs },
            } as RequestBatchRequest,
          ]),
      { requestType: 'Sleep', requestData: { sleepMillis: SETTLE_MS } } as RequestBatchRequest,
      read,
    ];
  }
  return false;
}
