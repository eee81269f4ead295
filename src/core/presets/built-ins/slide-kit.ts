import type { TextLanguage } from '../../../shared/presets/preset-details';
import type { Layout, Preset, PresetScene, PresetSource } from '../../../shared/presets/preset-schema';

/**
 * Small builders that keep the built-in presets readable: every text comes in Swedish and
 * English, and a built-in is produced in the UI language (scene names are created in OBS in
 * the language of the moment; ownership goes by scene id, so a later language change re-uses them).
 */
export type Words = { sv: string; en: string };
export const say = (words: Words, language: TextLanguage): string => words[language];

export const colors = { slide: '#1d3557', bar: '#0b132b', white: '#ffffff', yellow: '#ffd166' } as const;

export const full: Layout = { x: 0, y: 0, w: 1, h: 1 };
export const headline: Layout = { x: 0.1, y: 0.22, w: 0.8, h: 0.3 };
export const subline: Layout = { x: 0.1, y: 0.58, w: 0.8, h: 0.14 };
export const lowerThirdBar: Layout = { x: 0, y: 0.78, w: 1, h: 0.16 };
export const lowerThirdText: Layout = { x: 0.05, y: 0.8, w: 0.9, h: 0.12 };
export const pictureInPicture: Layout = { x: 0.66, y: 0.64, w: 0.3, h: 0.3 };

export const text = (
  id: string,
  label: Words,
  template: Words,
  language: TextLanguage,
  size = 72,
  color: string = colors.white,
): PresetSource => ({
  id,
  role: 'text',
  label: say(label, language),
  text: say(template, language),
  color,
  size,
});

export const color = (id: string, label: Words, value: string, language: TextLanguage): PresetSource => ({
  id,
  role: 'color',
  label: say(label, language),
  color: value,
});

export const camera = (id: string, label: Words, slot: 1 | 2 | 3, language: TextLanguage): PresetSource => ({
  id,
  role: 'camera',
  label: say(label, language),
  slot,
});

export const microphone = (id: string, label: Words, slot: 1 | 2, language: TextLanguage): PresetSource => ({
  id,
  role: 'microphone',
  label: say(label, language),
  slot,
});

export const scene = (
  id: string,
  name: Words,
  language: TextLanguage,
  items: [source: string, layout?: Layout][],
  liveMics: string[] = [],
): PresetScene => ({
  id,
  name: say(name, language),
  items: items.map(([source, layout]) => (layout ? { source, layout } : { source })),
  liveMics,
});

/** The labels most presets share. */
export const labels = {
  background: { sv: 'Bakgrund', en: 'Background' },
  bar: { sv: 'Namnskylt', en: 'Name bar' },
  title: { sv: 'Rubrik', en: 'Title' },
  startTime: { sv: 'Starttid', en: 'Start time' },
  camera: { sv: 'Kamera', en: 'Camera' },
  microphone: { sv: 'Mikrofon', en: 'Microphone' },
  breakText: { sv: 'Paustext', en: 'Break text' },
  thanks: { sv: 'Tacktext', en: 'Thank-you text' },
} satisfies Record<string, Words>;

export const sceneNames = {
  startingSoon: { sv: 'Startar snart', en: 'Starting soon' },
  shortBreak: { sv: 'Kort paus', en: 'Short break' },
  thankYou: { sv: 'Tack', en: 'Thank you' },
} satisfies Record<string, Words>;

export const texts = {
  soonTitle: { sv: '{{title}}\n{{libraryName}}', en: '{{title}}\n{{libraryName}}' },
  soonTime: { sv: 'Vi börjar kl. {{startTime}}', en: 'We start at {{startTime}}' },
  shortBreak: { sv: 'Kort paus – vi är strax tillbaka', en: 'Short break – back in a moment' },
  thanks: { sv: 'Tack för i dag!\n{{libraryName}}', en: 'Thank you for today!\n{{libraryName}}' },
} satisfies Record<string, Words>;

/** The slide sources every preset has: background, title, start time, break and thank-you texts. */
export function slideSources(language: TextLanguage): PresetSource[] {
  return [
    color('background', labels.background, colors.slide, language),
    text('title', labels.title, texts.soonTitle, language, 96),
    text('start-time', labels.startTime, texts.soonTime, language, 64, colors.yellow),
    text('break-text', labels.breakText, texts.shortBreak, language, 72),
    text('thanks', labels.thanks, texts.thanks, language, 96),
  ];
}

export function slideScenes(language: TextLanguage): {
  soon: PresetScene;
  shortBreak: PresetScene;
  thanks: (extra?: [string, Layout][]) => PresetScene;
} {
  return {
    soon: scene('starting-soon', sceneNames.startingSoon, language, [
      ['background', full],
      ['title', headline],
      ['start-time', subline],
    ]),
    shortBreak: scene('short-break', sceneNames.shortBreak, language, [
      ['background', full],
      ['break-text', headline],
    ]),
    thanks: (extra = []) =>
      scene('thank-you', sceneNames.thankYou, language, [['background', full], ['thanks', headline], ...extra]),
  };
}

export const preset = (fields: Omit<Preset, 'schemaVersion'>): Preset => ({ schemaVersion: 1, ...fields });
