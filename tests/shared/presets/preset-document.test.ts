import { describe, expect, it } from 'vitest';
import { builtInPresets } from '../../../src/core/presets/built-ins';
import { creditLine, fillTemplate } from '../../../src/shared/presets/preset-details';
import { exportPresetJson, parsePresetDocument, parsePresetJson } from '../../../src/shared/presets/preset-document';
import { PresetSchema } from '../../../src/shared/presets/preset-schema';

const storyTime = () => structuredClone(builtInPresets('sv')[0]!);

describe('the preset document', () => {
  it('accepts every built-in preset in both languages, each with a safe scene', () => {
    for (const language of ['sv', 'en'] as const) {
      const presets = builtInPresets(language);
      expect(presets.map((p) => p.id)).toEqual([
        'builtin-story-time',
        'builtin-author-talk',
        'builtin-baby-rhythm',
        'builtin-language-cafe',
        'builtin-info-desk',
      ]);
      for (const preset of presets) {
        const parsed = PresetSchema.safeParse(preset);
        expect(parsed.success, `${preset.id}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
        expect(preset.scenes.some((s) => s.id === preset.safeSceneId)).toBe(true);
      }
    }
    expect(builtInPresets('sv')[0]!.scenes.map((s) => s.name)).toEqual([
      'Startar snart',
      'Läsare',
      'Bok i närbild',
      'Läsare + bok',
      'Kort paus',
      'Tack',
    ]);
    expect(builtInPresets('en')[1]!.scenes.map((s) => s.name)).toEqual([
      'Starting soon',
      'Two-shot',
      'Author close-up',
      'Host close-up',
      'Questions',
      'Short break',
      'Thank you',
    ]);
  });

  it('round-trips through export and import', () => {
    const preset = storyTime();
    expect(parsePresetJson(exportPresetJson(preset))).toEqual({ ok: true, preset });
  });

  it.each([
    ['a very long scene name', (p: any) => (p.scenes[1].name = 'x'.repeat(65)), 'scenes.1.name'],
    ['control characters in a name', (p: any) => (p.scenes[0].name = 'Läs\u0007are'), 'scenes.0.name'],
    ['a right-to-left override', (p: any) => (p.name = '\u202eSagostund'), 'name'],
    ['duplicate scene names (case-insensitive)', (p: any) => (p.scenes[2].name = 'LÄSARE'), 'scenes.2.name'],
    ['an unknown source in a scene', (p: any) => (p.scenes[1].items[0].source = 'nope'), 'scenes.1.items.0.source'],
    [
      'a layout outside the canvas',
      (p: any) => (p.scenes[1].items[0].layout = { x: 0.5, y: 0, w: 0.8, h: 1 }),
      'scenes.1.items.0.layout',
    ],
    ['a transition too long', (p: any) => (p.transition.durationMs = 20_001), 'transition.durationMs'],
    ['a transition too short', (p: any) => (p.transition.durationMs = 49), 'transition.durationMs'],
    ['a missing safe scene', (p: any) => (p.safeSceneId = 'gone'), 'safeSceneId'],
    ['an unknown starting scene', (p: any) => (p.startingSceneId = 'gone'), 'startingSceneId'],
    ['an unknown closing scene', (p: any) => (p.closingSceneId = 'gone'), 'closingSceneId'],
    ['an unknown program type', (p: any) => (p.programType = 'concert'), 'programType'],
    ['a live mic that is a camera', (p: any) => (p.scenes[1].liveMics = ['reader-camera']), 'scenes.1.liveMics.0'],
    ['an unknown field', (p: any) => (p.extra = 1), '(root)'],
  ])('rejects %s, with the path', (_what, mutate, path) => {
    const preset = storyTime();
    mutate(preset);
    const parsed = parsePresetDocument(preset);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.path)).toContain(path);
  });

  it('says what is wrong with invalid JSON, the wrong shape and an unknown version', () => {
    const bad = parsePresetJson('{"schemaVersion": 1,');
    expect(bad).toMatchObject({ ok: false, problems: [{ path: '(file)' }] });
    expect(parsePresetJson('[1,2]')).toMatchObject({ ok: false, problems: [{ path: '(root)' }] });
    expect(parsePresetJson('{"name":"x"}')).toMatchObject({ ok: false, problems: [{ path: 'schemaVersion' }] });
    const future = parsePresetJson(JSON.stringify({ ...storyTime(), schemaVersion: 2 }));
    expect(future).toMatchObject({
      ok: false,
      problems: [{ path: 'schemaVersion', message: expect.stringContaining('version 2') }],
    });
  });
});

describe('placeholders', () => {
  it('fills details and drops lines left empty', () => {
    const details = { title: 'Sagostund med Anna', startTime: '10.00' };
    expect(fillTemplate('{{title}}\n{{libraryName}}', details, 'sv')).toBe('Sagostund med Anna');
    expect(fillTemplate('Vi börjar kl. {{startTime}}', details, 'sv')).toBe('Vi börjar kl. 10.00');
    expect(fillTemplate('{{unknown}} stays', details, 'sv')).toBe('{{unknown}} stays');
  });

  it('builds the credit line a read-aloud permission asks for', () => {
    const details = {
      bookTitle: 'Pettson får julbesök',
      bookAuthor: 'Sven Nordqvist',
      illustrator: 'Sven Nordqvist',
      publisher: 'Opal',
    };
    expect(creditLine(details, 'sv')).toBe(
      '”Pettson får julbesök” av Sven Nordqvist, illustrerad av Sven Nordqvist (Opal). Uppläst med tillstånd.',
    );
    expect(creditLine({ bookTitle: 'Gruffalon' }, 'en')).toBe('”Gruffalon”. Read with permission.');
    expect(creditLine({}, 'en')).toBe('');
  });
});
