import type { AfterItem, AfterPlan, Broadcast } from './golive-state';

/** Recordings kept online must be captioned within 14 days (EU web accessibility rules). */
export const CAPTION_DAYS = 14;

const day = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);

/**
 * What is left to do after a broadcast: delete the recording by its date, send the
 * publisher reports (programs that read books), caption within 14 days when it stays online,
 * and, after a stream, check on the platform that it is offline.
 */
export function afterBroadcastItems(broadcast: Broadcast, plan: AfterPlan): AfterItem[] {
  const endedAt = broadcast.endedAt ?? broadcast.requestedAt;
  const items: AfterItem[] = [];
  if (broadcast.streaming) items.push({ kind: 'checkOffline', dueDate: null });
  if (broadcast.recording || broadcast.streaming) items.push({ kind: 'deleteRecording', dueDate: plan.deleteBy });
  const readsBooks =
    broadcast.programType === null || ['storytime', 'baby', 'authortalk'].includes(broadcast.programType);
  if (readsBooks && !broadcast.rehearsal) items.push({ kind: 'publisherReports', dueDate: null });
  if (plan.keepOnline && !broadcast.rehearsal) {
    items.push({ kind: 'captions', dueDate: day(endedAt + CAPTION_DAYS * 24 * 3600 * 1000) });
  }
  return items;
}

/** A stream to Facebook or YouTube stays on the page unless someone deletes it. */
export const defaultAfterPlan = (broadcast: Broadcast): AfterPlan => ({
  keepOnline: broadcast.streaming && !broadcast.rehearsal && broadcast.platform !== 'custom',
  deleteBy: null,
});
