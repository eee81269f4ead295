import type { AfterDuties, BroadcastMetaInput } from '../broadcast-log/broadcast-meta';
import type { Result } from '../../shared/result';

/**
 * Where the go-live flow hands its details to the broadcast log: the recorder
 * notices the stream itself from OBS's state (start, failed start, end, started in OBS); this
 * adds what only the flow knows. Never the stream key.
 */
export interface BroadcastLogHook {
  beginBroadcast(meta: BroadcastMetaInput): Result<null>;
  /** The start was given up before OBS took it: the details handed over are dropped. */
  abandonBroadcast(): void;
  /** The entry of the stream running now, if the log has opened one. */
  readonly liveEntryId: string | null;
  /** The after-broadcast choices for the stream's entry (captions, delete-by date). */
  recordAfterPlan(entryId: string, duties: AfterDuties): void;
}
