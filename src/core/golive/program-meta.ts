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
