import type { TextLanguage } from '../../../shared/presets/preset-details';
import type { Preset } from '../../../shared/presets/preset-schema';
import { authorTalk } from './author-talk';
import { babyRhythm, infoDesk, languageCafe } from './small-programs';
import { storyTime } from './story-time';

const makers = [storyTime, authorTalk, babyRhythm, languageCafe, infoDesk];

/**
 * The presets that ship with the app. Read-only; users duplicate them to edit. Each comes in
 * the language its program's details choose (`languageOf(id)`, Swedish by default), never the
 * UI's: switching the interface must not change what viewers see.
 */
export function builtInPresets(languageOf: TextLanguage | ((presetId: string) => TextLanguage)): Preset[] {
  return makers.map((make) => {
    const swedish = make('sv');
    const language = typeof languageOf === 'function' ? languageOf(swedish.id) : languageOf;
    return language === 'sv' ? swedish : make(language);
  });
}
