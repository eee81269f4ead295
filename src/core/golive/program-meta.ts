import type { Role } from '../../shared/broadcast-log/entry-schema';
import { LOG_LIMITS } from '../../shared/broadcast-log/limits';
import type { ChecklistStatus } from '../../shared/checklist/checklist-schema';
import type { PresetEntry } from '../../shared/contract/presets';
import type { BroadcastMetaInput } from '../broadcast-log/broadcast-meta';

/**
 * What the program's preset tells the broadcast log: its name, the title staff typed for the
 * slides, and the book being read (its permission and report duties start from there).
 */
export function programMeta(entry: PresetEntry): Pick<BroadcastMetaInput, 'title' | 'preset' | 'books'> {
  const { preset, details } = entry;
  const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  const bookTitle = text(details.bookTitle);
  return {
    preset: preset.name,
    title: text(details.title) ?? preset.name,
    ...(bookTitle
      ? {
          books: [
            {
              title: bookTitle,
              ...(text(details.bookAuthor) ? { author: text(details.bookAuthor) } : {}),
              ...(text(details.illustrator) ? { illustrator: text(details.illustrator) } : {}),
              ...(text(details.publisher) ? { publisher: text(details.publisher) } : {}),
            },
          ],
        }
      : {}),
  };
}

/** The words staff write for a role, in Swedish and English, lower case. */
const roleWords: Record<Exclude<Role['role'], 'other'>, string[]> = {
  host: ['värd', 'programledare', 'läsare', 'host', 'reader', 'presenter'],
  producer: ['tekniker', 'teknik', 'producent', 'producer', 'technician', 'tech'],
  moderator: ['chattmoderator', 'moderator', 'chatt', 'chat', 'chattvärd', 'chat moderator'],
  helper: ['hjälpare', 'medhjälpare', 'assistent', 'helper', 'assistant'],
  guest: ['gäst', 'författare', 'guest', 'author'],
};

function roleOf(word: string): Role['role'] | null {
  const w = word.trim().toLowerCase();
  for (const [role, words] of Object.entries(roleWords)) if (words.includes(w)) return role as Role['role'];
  return null;
}

/** Every role named in "värd och tekniker", "host/tech", "chattmoderator": none when a word is not a role. */
function rolesIn(text: string): Role['role'][] {
  const whole = roleOf(text);
  if (whole) return [whole];
  const words = text.split(/\s*(?:\boch\b|\band\b|&|\/|\+)\s*|\s+/).filter(Boolean);
  const roles = words.map(roleOf);
  return roles.length > 0 && roles.every((r) => r !== null) ? [...new Set(roles as Role['role'][])] : [];
}

/**
 * The roles staff typed in the checklist's roles item ("Värd: Anna, Tekniker: Bo" or
 * "Anna (värd och tekniker), Bo (chatt)"), for the broadcast log. A name without a known role
 * word is kept as "other": nothing typed is lost.
 */
export function rolesFromNote(note: string): Role[] {
  const roles: Role[] = [];
  for (const raw of note.split(/[,;\n]+/)) {
    const part = raw.trim();
    if (!part) continue;
    const labelled = /^(.+?)\s*[:=]\s*(.+)$/.exec(part);
    const bracketed = /^(.+?)\s*\((.+)\)$/.exec(part);
    const [first = '', ...rest] = part.split(/\s+/);
    const found: Role[] = [];
    if (labelled && rolesIn(labelled[1]!).length > 0)
      found.push(...rolesIn(labelled[1]!).map((role) => ({ role, name: labelled[2]!.trim() })));
    else if (bracketed && rolesIn(bracketed[2]!).length > 0)
      found.push(...rolesIn(bracketed[2]!).map((role) => ({ role, name: bracketed[1]!.trim() })));
    else if (rest.length > 0 && roleOf(first)) found.push({ role: roleOf(first)!, name: rest.join(' ') });
    roles.push(...(found.length > 0 ? found : [{ role: 'other' as const, name: part }]));
  }
  return roles.slice(0, LOG_LIMITS.roles).map((r) => ({ ...r, name: r.name.slice(0, 200) }));
}

/** The roles of this broadcast: the notes of the checklist's roles item (the template's `roles`). */
export function checklistRoles(status: ChecklistStatus): Role[] {
  const item = status.manual.find((m) => m.id === 'roles');
  return item?.note.trim() ? rolesFromNote(item.note) : [];
}
