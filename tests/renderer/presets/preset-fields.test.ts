import { describe, expect, it } from 'vitest';
import { builtInPresets } from '../../../src/core/presets/built-ins';
import { detailsUsedBy, deviceSlotsOf } from '../../../src/renderer/components/presets/preset-fields';
import { presetsEn } from '../../../src/renderer/i18n/presets.en';
import { presetsSv } from '../../../src/renderer/i18n/presets.sv';
import { planWarningCodes } from '../../../src/shared/presets/preset-plan';

const [storyTime, authorTalk] = builtInPresets('sv');

describe('the details form asks only for what the preset shows', () => {
  it('story time: title, start time, library, the reader (name bar), and the book for the credit line', () => {
    expect(detailsUsedBy(storyTime!)).toEqual({
      main: ['title', 'startTime', 'libraryName', 'reader'],
      book: ['bookTitle', 'bookAuthor', 'illustrator', 'publisher'],
    });
    expect(deviceSlotsOf(storyTime!)).toEqual(['camera1', 'camera2', 'microphone1']);
  });

  it('author talk: the author and host names too, three cameras and two microphones', () => {
    const used = detailsUsedBy(authorTalk!);
    expect(used.main).toEqual(expect.arrayContaining(['author', 'host']));
    expect(used.book).toEqual(['bookTitle']);
    expect(deviceSlotsOf(authorTalk!)).toEqual(['camera1', 'camera2', 'camera3', 'microphone1', 'microphone2']);
  });
});

describe('preset texts', () => {
  const keys = (value: unknown, prefix = ''): string[] =>
    value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
      : [prefix];
  it('English has exactly the Swedish keys, and every plan warning has a text', () => {
    expect(keys(presetsEn).sort()).toEqual(keys(presetsSv).sort());
    for (const code of planWarningCodes) {
      expect(presetsSv.warning[code]).toMatch(/\S/);
      expect(presetsEn.warning[code]).toMatch(/\S/);
    }
  });
});
