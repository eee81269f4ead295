import { detailKeys, type DetailKey, type DeviceChoice } from '../../../shared/presets/preset-details';
import type { Preset } from '../../../shared/presets/preset-schema';

const bookKeys: DetailKey[] = ['bookTitle', 'bookAuthor', 'illustrator', 'publisher'];

/**
 * The details a preset's texts use, so the form asks only for those: the book's four
 * fields when a text shows the credit line (or one of them), the others by name.
 */
export function detailsUsedBy(preset: Preset): { main: DetailKey[]; book: DetailKey[] } {
  const templates = preset.sources.flatMap((s) => (s.role === 'text' ? [s.text] : [])).join('\n');
  const uses = (key: string) => new RegExp(`\\{\\{\\s*${key}\\s*\\}\\}`).test(templates);
  const credit = uses('creditLine');
  return {
    main: detailKeys.filter((k) => !bookKeys.includes(k) && uses(k)),
    book: bookKeys.filter((k) => credit || uses(k)),
  };
}

/** The camera and microphone slots a preset uses, for the device pickers. */
export function deviceSlotsOf(preset: Preset): (keyof DeviceChoice)[] {
  const slots = new Set<keyof DeviceChoice>();
  for (const s of preset.sources) {
    if (s.role === 'camera') slots.add(`camera${s.slot}`);
    if (s.role === 'microphone') slots.add(`microphone${s.slot}`);
  }
  return [...slots].sort();
}
