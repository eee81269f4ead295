import type { TextLanguage } from '../../../shared/presets/preset-details';
import type { Preset } from '../../../shared/presets/preset-schema';
import {
  camera,
  color,
  colors,
  full,
  labels,
  lowerThirdBar,
  lowerThirdText,
  microphone,
  pictureInPicture,
  preset,
  say,
  scene,
  slideScenes,
  slideSources,
  subline,
  text,
} from './slide-kit';

/** Sagostund: a reader, a picture book under a second (document) camera, and the credit line at the end. */
export function storyTime(language: TextLanguage): Preset {
  const slides = slideScenes(language);
  return preset({
    id: 'builtin-story-time',
    name: say({ sv: 'Sagostund', en: 'Story time' }, language),
    description: say(
      {
        sv: 'Läsare och bok i närbild, bild-i-bild, paus och tackbild med bokens uppgifter.',
        en: 'Reader and book close-up, picture in picture, a break and a thank-you slide with the book credits.',
      },
      language,
    ),
    transition: { kind: 'fade', durationMs: 300 },
    sources: [
      ...slideSources(language),
      text(
        'credit',
        { sv: 'Bokens uppgifter', en: 'Book credits' },
        { sv: '{{creditLine}}', en: '{{creditLine}}' },
        language,
        48,
      ),
      color('name-bar', labels.bar, colors.bar, language),
      text(
        'reader-lower-third',
        { sv: 'Namnskylt läsare', en: 'Reader name bar' },
        { sv: 'Läsare: {{reader}}', en: 'Reader: {{reader}}' },
        language,
        56,
      ),
      camera('reader-camera', { sv: 'Läsarkamera', en: 'Reader camera' }, 1, language),
      camera('book-camera', { sv: 'Dokumentkamera', en: 'Document camera' }, 2, language),
      microphone('microphone', labels.microphone, 1, language),
    ],
    scenes: [
      slides.soon,
      scene(
        'reader',
        { sv: 'Läsare', en: 'Reader' },
        language,
        [['reader-camera', full], ['name-bar', lowerThirdBar], ['reader-lower-third', lowerThirdText], ['microphone']],
        ['microphone'],
      ),
      scene(
        'book',
        { sv: 'Bok i närbild', en: 'Book close-up' },
        language,
        [['book-camera', full], ['microphone']],
        ['microphone'],
      ),
      scene(
        'reader-and-book',
        { sv: 'Läsare + bok', en: 'Reader + book' },
        language,
        [['book-camera', full], ['reader-camera', pictureInPicture], ['microphone']],
        ['microphone'],
      ),
      slides.shortBreak,
      slides.thanks([['credit', subline]]),
    ],
    safeSceneId: 'short-break',
    programType: 'storytime',
    startingSceneId: 'starting-soon',
    closingSceneId: 'thank-you',
  });
}
