import type { TextLanguage } from '../../../shared/presets/preset-details';
import type { Preset } from '../../../shared/presets/preset-schema';
import {
  camera,
  color,
  colors,
  full,
  headline,
  labels,
  lowerThirdBar,
  lowerThirdText,
  microphone,
  preset,
  say,
  scene,
  slideScenes,
  slideSources,
  text,
} from './slide-kit';

/** The smaller programs: one camera, one or two microphones, a few slides. */

export function babyRhythm(language: TextLanguage): Preset {
  const slides = slideScenes(language);
  return preset({
    id: 'builtin-baby-rhythm',
    name: say({ sv: 'Babyrytmik', en: 'Baby at the library' }, language),
    description: say(
      {
        sv: 'Ramsor och sånger för de minsta, med sångtext i bild.',
        en: 'Rhymes and songs for the youngest, with the lyrics on screen.',
      },
      language,
    ),
    transition: { kind: 'fade', durationMs: 300 },
    sources: [
      ...slideSources(language),
      color('name-bar', labels.bar, colors.bar, language),
      text(
        'song',
        { sv: 'Sångtext', en: 'Song text' },
        { sv: 'Nu sjunger vi: {{title}}', en: 'Now we sing: {{title}}' },
        language,
        56,
      ),
      camera('camera', labels.camera, 1, language),
      microphone('microphone', labels.microphone, 1, language),
    ],
    scenes: [
      slides.soon,
      scene('leader', { sv: 'Ledare', en: 'Leader' }, language, [['camera', full], ['microphone']], ['microphone']),
      scene(
        'song',
        { sv: 'Sång', en: 'Song' },
        language,
        [['camera', full], ['name-bar', lowerThirdBar], ['song', lowerThirdText], ['microphone']],
        ['microphone'],
      ),
      slides.shortBreak,
      slides.thanks(),
    ],
    safeSceneId: 'short-break',
    programType: 'baby',
    startingSceneId: 'starting-soon',
    closingSceneId: 'thank-you',
  });
}

export function languageCafe(language: TextLanguage): Preset {
  const slides = slideScenes(language);
  const mics = ['microphone', 'microphone-2'];
  return preset({
    id: 'builtin-language-cafe',
    name: say({ sv: 'Språkcafé', en: 'Language café' }, language),
    description: say(
      {
        sv: 'Samtal kring ett bord med dagens tema i bild.',
        en: 'A conversation around a table with the topic on screen.',
      },
      language,
    ),
    transition: { kind: 'fade', durationMs: 300 },
    sources: [
      ...slideSources(language),
      text(
        'topic',
        { sv: 'Dagens tema', en: "Today's topic" },
        { sv: 'Dagens tema:\n{{title}}', en: "Today's topic:\n{{title}}" },
        language,
        88,
      ),
      camera('camera', labels.camera, 1, language),
      microphone('microphone', labels.microphone, 1, language),
      microphone('microphone-2', { sv: 'Mikrofon 2', en: 'Microphone 2' }, 2, language),
    ],
    scenes: [
      slides.soon,
      scene(
        'table',
        { sv: 'Samtal', en: 'Conversation' },
        language,
        [['camera', full], ['microphone'], ['microphone-2']],
        mics,
      ),
      scene(
        'topic',
        { sv: 'Tema', en: 'Topic' },
        language,
        [['background', full], ['topic', headline], ['microphone'], ['microphone-2']],
        mics,
      ),
      slides.shortBreak,
      slides.thanks(),
    ],
    safeSceneId: 'short-break',
    programType: 'languagecafe',
    startingSceneId: 'starting-soon',
    closingSceneId: 'thank-you',
  });
}

export function infoDesk(language: TextLanguage): Preset {
  const slides = slideScenes(language);
  return preset({
    id: 'builtin-info-desk',
    name: say({ sv: 'Digital informationsdisk', en: 'Digital info desk' }, language),
    description: say(
      {
        sv: 'Bibliotekarien svarar på frågor; skylt när disken är stängd.',
        en: 'A librarian answers questions; a sign when the desk is closed.',
      },
      language,
    ),
    transition: { kind: 'cut', durationMs: 300 },
    sources: [
      ...slideSources(language),
      color('name-bar', labels.bar, colors.bar, language),
      text(
        'host-lower-third',
        { sv: 'Namnskylt', en: 'Name bar' },
        { sv: '{{host}}, {{libraryName}}', en: '{{host}}, {{libraryName}}' },
        language,
        56,
      ),
      text(
        'closed',
        { sv: 'Stängt-text', en: 'Closed text' },
        { sv: 'Informationsdisken är stängd.\nVälkommen tillbaka!', en: 'The info desk is closed.\nWelcome back!' },
        language,
        80,
      ),
      camera('camera', labels.camera, 1, language),
      microphone('microphone', labels.microphone, 1, language),
    ],
    scenes: [
      slides.soon,
      scene(
        'desk',
        { sv: 'Disken', en: 'Desk' },
        language,
        [['camera', full], ['name-bar', lowerThirdBar], ['host-lower-third', lowerThirdText], ['microphone']],
        ['microphone'],
      ),
      slides.shortBreak,
      scene('closed', { sv: 'Stängt', en: 'Closed' }, language, [
        ['background', full],
        ['closed', headline],
      ]),
    ],
    safeSceneId: 'short-break',
    programType: 'infodesk',
    startingSceneId: 'starting-soon',
    closingSceneId: 'closed',
  });
}
