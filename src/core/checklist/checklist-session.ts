import type { ProgramType, Session } from '../../shared/checklist/checklist-schema';
import { appError } from '../../shared/errors';
import { fail, ok, type Result } from '../../shared/result';

/** What staff may change of the session being prepared. */
export type SessionChange = Partial<
  Pick<Session, 'programType' | 'presetId' | 'destinationId' | 'record' | 'rehearsal'>
>;

export interface SessionLookups {
  /** The preset's own program type, or an error when there is no such preset. */
  presetProgramType(presetId: string): Result<ProgramType | undefined>;
  /** Whether the template of a program type asks for a recording. */
  templateRecords(programType: ProgramType): boolean;
  destinationExists(destinationId: string): boolean;
}

/**
 * The session after a change: a preset brings its program type (unless staff pick another in
 * the same change), and another program type brings its template's choice to record.
 * `presetChanged` tells the service to compare OBS with the new preset.
 */
export function changeSession(
  session: Session,
  change: SessionChange,
  lookups: SessionLookups,
): Result<{ next: Session; presetChanged: boolean }> {
  const next: Session = { ...session };
  let programType = change.programType;
  const presetChanged = change.presetId !== undefined && change.presetId !== session.presetId;
  if (presetChanged && change.presetId) {
    const found = lookups.presetProgramType(change.presetId);
    if (!found.ok) return found;
    programType ??= found.value;
  }
  if (presetChanged) next.presetId = change.presetId ?? null;
  if (programType !== undefined && programType !== session.programType) {
    next.programType = programType;
    next.record = lookups.templateRecords(programType);
  }
  if (change.destinationId !== undefined) {
    if (change.destinationId !== null && !lookups.destinationExists(change.destinationId))
      return fail(appError('DESTINATION_NOT_FOUND'));
    next.destinationId = change.destinationId;
  }
  if (change.record !== undefined) next.record = change.record;
  if (change.rehearsal !== undefined) next.rehearsal = change.rehearsal;
  return ok({ next, presetChanged });
}

/** A manual item ticked or unticked; its note stays unless a new one is given. */
export function tickSession(session: Session, itemId: string, done: boolean, note: string | undefined): Session {
  const previous = session.ticks[itemId];
  return { ...session, ticks: { ...session.ticks, [itemId]: { done, note: note ?? previous?.note ?? '' } } };
}
