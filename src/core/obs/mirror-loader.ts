import type { OBSResponseTypes, RequestBatchRequest, ResponseMessage } from 'obs-websocket-js';
import { appError } from '../../shared/errors';
import { fail, ok, type Result } from '../../shared/result';
import { inputsFromObs, scenesFromObs, type MirrorData } from './obs-mirror';
import { recordStateFromStatus, streamStateFromStatus } from './output-states';

/** What loading needs from a session: batches with a deadline, failures as values. */
export interface BatchCaller {
  callBatch(requests: RequestBatchRequest[]): Promise<Result<ResponseMessage[]>>;
}

const firstBatch: RequestBatchRequest[] = [
  { requestType: 'GetVersion' },
  { requestType: 'GetSceneList', requestData: {} },
  { requestType: 'GetStudioModeEnabled' },
  { requestType: 'GetStreamStatus' },
  { requestType: 'GetRecordStatus' },
  { requestType: 'GetInputList', requestData: {} },
];

/**
 * Reads the whole mirror in two round trips: everything that needs no names first, then the
 * mute state of every input (which needs the input names). An input without audio fails
 * GetInputMute (604): its `muted` is null.
 */
export async function loadMirror(session: BatchCaller): Promise<Result<MirrorData>> {
  const first = await session.callBatch(firstBatch);
  if (!first.ok) return first;
  const results = first.value;
  const version = item(results, 0, 'GetVersion');
  if (!version.ok) return version;
  const sceneList = item(results, 1, 'GetSceneList');
  if (!sceneList.ok) return sceneList;
  const studio = item(results, 2, 'GetStudioModeEnabled');
  if (!studio.ok) return studio;
  const stream = item(results, 3, 'GetStreamStatus');
  if (!stream.ok) return stream;
  const record = item(results, 4, 'GetRecordStatus');
  if (!record.ok) return record;
  const inputList = item(results, 5, 'GetInputList');
  if (!inputList.ok) return inputList;

  const names = inputsFromObs(inputList.value.inputs, () => null).map((input) => input.name);
  const muted = await loadMuteStates(session, names);
  if (!muted.ok) return muted;

  const v = version.value;
  const scenes = sceneList.value;
  return ok({
    versions: {
      obsVersion: String(v.obsVersion),
      obsWebSocketVersion: String(v.obsWebSocketVersion),
      rpcVersion: Number(v.rpcVersion),
      platform: String(v.platform),
    },
    scenes: scenesFromObs(scenes.scenes),
    programScene: stringOrNull(scenes.currentProgramSceneName),
    // null outside studio mode (the typings say string; OBS sends null).
    previewScene: stringOrNull(scenes.currentPreviewSceneName),
    studioMode: studio.value.studioModeEnabled === true,
    stream: streamStateFromStatus(stream.value.outputActive === true, stream.value.outputReconnecting === true),
    record: recordStateFromStatus(record.value.outputActive === true, record.value.outputPaused === true),
    inputs: inputsFromObs(inputList.value.inputs, (name) => muted.value.get(name) ?? null),
  });
}

/** GetInputMute for each name in one batch; names without audio map to null. */
export async function loadMuteStates(
  session: BatchCaller,
  names: string[],
): Promise<Result<Map<string, boolean | null>>> {
  const states = new Map<string, boolean | null>();
  if (names.length === 0) return ok(states);
  const reply = await session.callBatch(
    names.map((inputName) => ({ requestType: 'GetInputMute', requestData: { inputName } })),
  );
  if (!reply.ok) return reply;
  names.forEach((name, index) => {
    const result = item(reply.value, index, 'GetInputMute');
    states.set(name, result.ok && typeof result.value.inputMuted === 'boolean' ? result.value.inputMuted : null);
  });
  return ok(states);
}

/** One reply of a batch, checked: obs-websocket-js's callBatch does not throw on failed items. */
function item<T extends keyof OBSResponseTypes>(
  results: ResponseMessage[],
  index: number,
  type: T,
): Result<OBSResponseTypes[T]> {
  const result = results[index];
  if (!result || result.requestType !== type) {
    return fail(appError('OBS_REQUEST_FAILED', { request: type, status: 0, comment: 'missing from the batch reply' }));
  }
  const status = result.requestStatus;
  if (!status.result) {
    return fail(appError('OBS_REQUEST_FAILED', { request: type, status: status.code, comment: status.comment ?? '' }));
  }
  // The batch reply is a union over all request types; requestType was checked just above.
  return ok((result.responseData ?? {}) as OBSResponseTypes[T]);
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
