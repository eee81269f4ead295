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

/** Författarsamtal: host and author, close-ups with a lower third, questions and thanks. */
export function authorTalk(language: TextLanguage): Preset {
  const slides = slideScenes(language);
  const mics = ['author-mic', 'host-mic'];
  return preset({
    id: 'builtin-author-talk',
    name: say({ sv: 'Författarsamtal', en: 'Author talk' }, language),
    description: say(
      {
        sv: 'Samtal med författare: helbild, närbilder med namnskylt, frågor och tack.',
        en: 'A talk with an author: two-shot, close-ups with a name bar, questions and thanks.',
      },
      language,
    ),
    transition: { kind: 'fade', durationMs: 500 },
    sources: [
      ...slideSources(language),
      color('name-bar', labels.bar, colors.bar, language),
      text(
        'author-lower-third',
        { sv: 'Namnskylt författare', en: 'Author name bar' },
        { sv: '{{author}} – ”{{bookTitle}}”', en: '{{author}} – “{{bookTitle}}”' },
        language,
        56,
      ),
      text(
        'host-lower-third',
        { sv: 'Namnskylt samtalsledare', en: 'Host name bar' },
        { sv: 'Samtalsledare: {{host}}', en: 'Host: {{host}}' },
        language,
        56,
      ),
      text(
        'questions',
        { sv: 'Frågetext', en: 'Questions text' },
        { sv: 'Frågor till {{author}}?\nSkriv i chatten!', en: 'Questions for {{author}}?\nWrite in the chat!' },
        language,
        80,
      ),
      camera('wide-camera', { sv: 'Helbildskamera', en: 'Wide camera' }, 1, language),
      camera('author-camera', { sv: 'Författarkamera', en: 'Author camera' }, 2, language),
      camera('host-camera', { sv: 'Samtalsledarkamera', en: 'Host camera' }, 3, language),
      microphone('author-mic', { sv: 'Författarmikrofon', en: 'Author microphone' }, 1, language),
      microphone('host-mic', { sv: 'Samtalsledarmikrofon', en: 'Host microphone' }, 2, language),
    ],
    scenes: [
      slides.soon,
      scene(
        'two-shot',
        { sv: 'Helbild', en: 'Two-shot' },
        language,
        [['wide-camera', full], ['author-mic'], ['host-mic']],
        mics,
      ),
      scene(
        'author-close-up',
        { sv: 'Författare i närbild', en: 'Author close-up' },
        language,
        [
          ['author-camera', full],
          ['name-bar', lowerThirdBar],
          ['author-lower-third', lowerThirdText],
          ['author-mic'],
          ['host-mic'],
        ],
        mics,
      ),
      scene(
        'host-close-up',
        { sv: 'Samtalsledare i närbild', en: 'Host close-up' },
        language,
        [
          ['host-camera', full],
          ['name-bar', lowerThirdBar],
          ['host-lower-third', lowerThirdText],
          ['author-mic'],
          ['host-mic'],
        ],
        mics,
      ),
      scene(
        'questions',
        { sv: 'Frågor', en: 'Questions' },
        language,
        [['background', full], ['questions', headline], ['author-mic'], ['host-mic']],
        mics,
      ),
      slides.shortBreak,
      slides.thanks(),
    ],
    safeSceneId: 'short-break',
    programType: 'authortalk',
    startingSceneId: 'starting-soon',
    closingSceneId: 'thank-you',
  });
}
