import { describe, expect, it } from 'vitest';
import { SceneNameSchema } from '../../src/shared/checklist/checklist-schema';
import { DestinationNameSchema, ServerUrlSchema } from '../../src/shared/destinations/destination-schema';
import { isSafeText, ObsNameSchema, OBS_NAME_MAX, UNSAFE_CHARS_MESSAGE } from '../../src/shared/obs-name';
import { DeviceChoiceSchema } from '../../src/shared/presets/preset-details';
import { DetailValueSchema, SafeNameSchema, TemplateSchema } from '../../src/shared/presets/safe-text';
import { requestsTakingObsNames, SAFE_NAME_SAMPLES, UNSAFE_NAME_SAMPLES } from '../support/obs-name-paths';

describe('ObsNameSchema: the one check of names passed on to OBS', () => {
  it.each(UNSAFE_NAME_SAMPLES.map((s) => [JSON.stringify(s), s]))('refuses %s', (_, name) => {
    const parsed = ObsNameSchema.safeParse(name);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(UNSAFE_CHARS_MESSAGE);
  });

  it.each(SAFE_NAME_SAMPLES.map((s) => [JSON.stringify(s).slice(0, 40), s]))('accepts %s as it is', (_, name) => {
    expect(ObsNameSchema.safeParse(name)).toEqual({ success: true, data: name });
  });

  it('refuses empty and over-long names', () => {
    expect(ObsNameSchema.safeParse('').success).toBe(false);
    expect(ObsNameSchema.safeParse('x'.repeat(OBS_NAME_MAX + 1)).success).toBe(false);
  });

  it('lets line breaks through only in multi-line text', () => {
    expect(isSafeText('a\nb')).toBe(false);
    expect(isSafeText('a\nb', { multiline: true })).toBe(true);
    expect(isSafeText('a\r\nb', { multiline: true })).toBe(false);
    expect(isSafeText('a\n\u0000', { multiline: true })).toBe(false);
  });
});

describe('every text schema that reaches OBS uses the same check', () => {
  const oneLine = {
    SceneNameSchema,
    SafeNameSchema,
    DetailValueSchema,
    DestinationNameSchema,
    'DeviceChoiceSchema.camera1': DeviceChoiceSchema.shape.camera1,
  };
  // Trimming schemas may drop an unsafe character at the edge (U+FEFF is white space to trim()).
  it.each(Object.entries(oneLine))('%s lets no unsafe character through', (_, schema) => {
    for (const bad of UNSAFE_NAME_SAMPLES) {
      const parsed = schema.safeParse(bad);
      if (parsed.success) expect(isSafeText(parsed.data!), JSON.stringify(bad)).toBe(true);
      else expect(parsed.error.issues[0]?.message, JSON.stringify(bad)).toBe(UNSAFE_CHARS_MESSAGE);
    }
    expect(schema.safeParse('Sc\u0000ene').success).toBe(false);
    expect(schema.safeParse('Scene').success).toBe(true);
  });

  it('slide texts may span lines but hold nothing else unsafe', () => {
    for (const bad of UNSAFE_NAME_SAMPLES.filter((s) => s !== 'Scene\nx'))
      expect(TemplateSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(TemplateSchema.safeParse('Välkommen\n{{title}}').success).toBe(true);
  });

  it('a stream server with unsafe characters is refused', () => {
    expect(ServerUrlSchema.safeParse('rtmp://example.org/live').success).toBe(true);
    expect(ServerUrlSchema.safeParse('rtmp://example.org/live\u0000x').success).toBe(false);
    expect(ServerUrlSchema.safeParse('rtmp://example.org/\uD800').success).toBe(false);
  });
});

describe('the contract', () => {
  it('takes every scene and input name that goes to OBS as an ObsName', () => {
    const found = Object.fromEntries(
      [...requestsTakingObsNames()].map(([name, paths]) => [name, paths.map((p) => p.join('.'))]),
    );
    expect(found).toEqual({
      'obs.switchScene': ['sceneName'],
      'checklist.setTemplateOptions': ['startingScene', 'closingScene'],
      'golive.end': ['closingScene'],
      'live.selectScene': ['sceneName'],
      'live.setMute': ['inputName'],
      'live.thumbnail': ['sceneName'],
    });
  });
});
