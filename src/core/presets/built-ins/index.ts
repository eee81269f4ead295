import type { TextLanguage } from '../../../shared/presets/preset-details';
import type { Preset } from '../../../shared/presets/preset-schema';
import { authorTalk } from './author-talk';
import { babyRhythm, infoDesk, languageCafe } from './small-programs';
import { storyTime } from './story-time';

/** The presets that ship with the app, in the UI language. Read-only; users duplicate them to edit. */
export function builtInPresets(language: TextLanguage): Preset[] {
  return [storyTime(language), authorTalk(language), babyRhythm(language), languageCafe(language), infoDesk(language)];
}
