import type { ChecklistItem } from '../../../shared/broadcast-log/entry-schema';
import type { LocalizedText } from '../../../shared/checklist/checklist-schema';
import { defaultTemplates } from '../../../shared/checklist/default-templates';
import { en } from '../../i18n/en';
import { sv } from '../../i18n/sv';

/**
 * What the log stores as codes, in words: program types ("storytime" → "Sagostund") and the
 * checklist as it stood at Go live ("auto:micReady (fail)" → "Mikrofonen är på och hörs – Inte klart").
 * Pure (the messages are passed by language), so they are unit-tested.
 */
const messages = (language: string) => (language === 'en' ? en : sv);

/** A known program type by its name; one typed by staff as it was typed. */
export function programTypeName(type: string | null | undefined, language: string): string {
  if (!type) return '';
  const names: Record<string, string> = messages(language).golive.checklist.programTypes;
  return names[type] ?? type;
}

export type CheckStatus = 'pass' | 'fail' | 'unknown' | 'skipped';

export interface ChecklistItemWords {
  name: string;
  status: string;
  done: boolean;
}

const AUTO_LABEL = /^auto:([A-Za-z]+) \((pass|fail|unknown|skipped)\)$/;

/** The checklist's own manual items (roles, consent, …), whose Swedish text the log keeps. */
const defaultItemTexts = new Map<string, LocalizedText>(
  Object.values(defaultTemplates).flatMap((template) => template.manualItems.map((item) => [item.id, item.text])),
);

/** A default item in the UI's language, with its note ("…: Anna"); one staff wrote or edited as stored. */
function manualItemName(item: ChecklistItem, language: string): string {
  const text = defaultItemTexts.get(item.id);
  if (!text || !item.label.startsWith(text.sv)) return item.label;
  return (language === 'en' ? text.en : text.sv) + item.label.slice(text.sv.length);
}

/** One item of the checklist snapshot: its name and its state in words. */
export function checklistItemWords(item: ChecklistItem, language: string): ChecklistItemWords {
  const m = messages(language).golive.checklist;
  const statusText: Record<CheckStatus, string> = m.status;
  const auto = AUTO_LABEL.exec(item.label);
  if (item.id.startsWith('auto.') && auto) {
    const checks: Record<string, { label: string } | undefined> = m.checks;
    const [, checkId, status] = auto as unknown as [string, string, CheckStatus];
    return { name: checks[checkId]?.label ?? checkId, status: statusText[status], done: item.done };
  }
  return {
    name: manualItemName(item, language),
    status: item.done ? statusText.pass : statusText.fail,
    done: item.done,
  };
}
