import type { ChecklistStatus } from '../../shared/checklist/checklist-schema';

export interface ChecklistSnapshotItem {
  id: string;
  label: string;
  done: boolean;
  overridden: boolean;
  overrideReason?: string;
}

/**
 * The checklist as it stood at Go Live, for the broadcast log: each item passed or not, and
 * for required items that did not, the override reason. Labels in Swedish (the log's language);
 * automatic checks are named by id. Notes (names of roles) go with their item.
 */
export function checklistSnapshot(status: ChecklistStatus, overrideReason: string | null): ChecklistSnapshotItem[] {
  const overridden = (id: string) => status.blocking.includes(id);
  const reason = (id: string) => (overridden(id) && overrideReason ? { overrideReason } : {});
  const auto = status.auto
    .filter((a) => a.status !== 'skipped')
    .map((a) => ({
      id: `auto.${a.id}`,
      label: `auto:${a.id} (${a.status})`,
      done: a.status === 'pass',
      overridden: overridden(a.id),
      ...reason(a.id),
    }));
  const manual = status.manual.map((m) => ({
    id: m.id,
    label: m.note ? `${m.text.sv}: ${m.note}`.slice(0, 300) : m.text.sv,
    done: m.done,
    overridden: overridden(m.id),
    ...reason(m.id),
  }));
  return [...auto, ...manual];
}
