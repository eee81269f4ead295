import { z } from 'zod';
import { ProgramTypeSchema } from '../checklist/checklist-schema';
import { withSafeText } from '../obs-name';
import { KeySchema, NAME_MAX, PresetIdSchema, SafeNameSchema, TEMPLATE_MAX, TemplateSchema } from './safe-text';

/**
 * A preset: the scenes of one library program, described independently of any OBS
 * collection, screen size or operating system. Version 1 of the document; older or newer
 * documents go through `parsePresetDocument` (migrations) before this schema.
 */
export const PRESET_SCHEMA_VERSION = 1;

/** The limits of a preset document, for the editor's fields and buttons too. */
export const presetLimits = {
  nameLength: NAME_MAX,
  descriptionLength: 300,
  templateLength: TEMPLATE_MAX,
  fileLength: 1024,
  textSize: { min: 8, max: 512 },
  transitionMs: { min: 50, max: 20_000 },
  sources: 30,
  scenes: 20,
  itemsPerScene: 20,
  liveMicsPerScene: 4,
} as const;
const L = presetLimits;

/** A file OBS shows (image, media): its path goes into the input's settings. */
const FilePathSchema = withSafeText(z.string().max(L.fileLength));

export const SourceRoleSchema = z.enum(['camera', 'microphone', 'image', 'text', 'color', 'media']);
export type SourceRole = z.infer<typeof SourceRoleSchema>;

/** #RRGGBB, as a colour picker gives it. */
export const HexColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1d3557');

const fraction = z.number().min(0).max(1);

/** Where an item sits, as fractions of the canvas, so a preset fits any resolution. */
export const LayoutSchema = z
  .object({
    x: fraction,
    y: fraction,
    w: fraction.refine((v) => v > 0, 'must be above 0'),
    h: fraction.refine((v) => v > 0, 'must be above 0'),
  })
  .strict()
  .refine((l) => l.x + l.w <= 1.0001 && l.y + l.h <= 1.0001, 'must stay inside the canvas (x + w ≤ 1, y + h ≤ 1)');
export type Layout = z.infer<typeof LayoutSchema>;

const sourceBase = { id: KeySchema, label: SafeNameSchema };

export const SourceSchema = z.discriminatedUnion('role', [
  /** `slot`: which of the user's chosen cameras (1 = the main one, 2 = e.g. a document camera, 3 = a third). */
  z
    .object({ ...sourceBase, role: z.literal('camera'), slot: z.union([z.literal(1), z.literal(2), z.literal(3)]) })
    .strict(),
  z.object({ ...sourceBase, role: z.literal('microphone'), slot: z.union([z.literal(1), z.literal(2)]) }).strict(),
  z.object({ ...sourceBase, role: z.literal('image'), file: FilePathSchema }).strict(),
  z
    .object({
      ...sourceBase,
      role: z.literal('text'),
      /** With {{placeholders}} filled from the program's details, e.g. "{{title}}". */
      text: TemplateSchema,
      color: HexColorSchema,
      size: z.number().int().min(L.textSize.min).max(L.textSize.max),
    })
    .strict(),
  z.object({ ...sourceBase, role: z.literal('color'), color: HexColorSchema }).strict(),
  z.object({ ...sourceBase, role: z.literal('media'), file: FilePathSchema, loop: z.boolean() }).strict(),
]);
export type PresetSource = z.infer<typeof SourceSchema>;

/** One source in one scene; audio-only sources (microphones) have no layout. */
export const SceneItemSchema = z.object({ source: KeySchema, layout: LayoutSchema.optional() }).strict();
export type PresetSceneItem = z.infer<typeof SceneItemSchema>;

export const PresetSceneSchema = z
  .object({
    id: KeySchema,
    name: SafeNameSchema,
    /** Bottom first, as OBS stacks them. */
    items: z.array(SceneItemSchema).max(L.itemsPerScene),
    /** Microphone sources that should be live (unmuted) in this scene: the live view warns otherwise. */
    liveMics: z.array(KeySchema).max(L.liveMicsPerScene),
  })
  .strict();
export type PresetScene = z.infer<typeof PresetSceneSchema>;

export const TransitionSchema = z
  .object({
    kind: z.enum(['fade', 'cut']),
    durationMs: z.number().int().min(L.transitionMs.min).max(L.transitionMs.max),
  })
  .strict();
export type Transition = z.infer<typeof TransitionSchema>;

export const PresetSchema = z
  .object({
    schemaVersion: z.literal(PRESET_SCHEMA_VERSION),
    id: PresetIdSchema,
    name: SafeNameSchema,
    description: z.string().max(L.descriptionLength).optional(),
    transition: TransitionSchema,
    sources: z.array(SourceSchema).min(1).max(L.sources),
    scenes: z.array(PresetSceneSchema).min(1).max(L.scenes),
    /** The neutral slide the privacy cut switches to. */
    safeSceneId: KeySchema,
    /** Which go-live checklist template the program uses; absent: staff pick one. */
    programType: ProgramTypeSchema.optional(),
    /** Live before the program starts ("Startar snart"): the go-live checklist checks it. */
    startingSceneId: KeySchema.optional(),
    /** Switched to before the stream stops. */
    closingSceneId: KeySchema.optional(),
  })
  .strict()
  .superRefine((preset, ctx) => {
    const sourceIds = new Map<string, PresetSource>();
    preset.sources.forEach((source, i) => {
      if (sourceIds.has(source.id))
        ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `duplicate source id "${source.id}"` });
      sourceIds.set(source.id, source);
    });
    const sceneIds = new Set<string>();
    const sceneNames = new Set<string>();
    preset.scenes.forEach((scene, i) => {
      if (sceneIds.has(scene.id))
        ctx.addIssue({ code: 'custom', path: ['scenes', i, 'id'], message: `duplicate scene id "${scene.id}"` });
      sceneIds.add(scene.id);
      const folded = scene.name.toLocaleLowerCase('sv');
      if (sceneNames.has(folded))
        ctx.addIssue({ code: 'custom', path: ['scenes', i, 'name'], message: `duplicate scene name "${scene.name}"` });
      sceneNames.add(folded);
      const inScene = new Set<string>();
      scene.items.forEach((item, j) => {
        const source = sourceIds.get(item.source);
        const path = ['scenes', i, 'items', j];
        if (!source)
          ctx.addIssue({ code: 'custom', path: [...path, 'source'], message: `unknown source "${item.source}"` });
        else if (source.role !== 'microphone' && !item.layout)
          ctx.addIssue({ code: 'custom', path: [...path, 'layout'], message: 'a visible source needs a layout' });
        if (inScene.has(item.source))
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'source'],
            message: `source "${item.source}" is twice in the scene`,
          });
        inScene.add(item.source);
      });
      scene.liveMics.forEach((mic, j) => {
        if (sourceIds.get(mic)?.role !== 'microphone')
          ctx.addIssue({
            code: 'custom',
            path: ['scenes', i, 'liveMics', j],
            message: `"${mic}" is not a microphone source`,
          });
      });
    });
    for (const key of ['safeSceneId', 'startingSceneId', 'closingSceneId'] as const) {
      const id = preset[key];
      if (id !== undefined && !sceneIds.has(id))
        ctx.addIssue({ code: 'custom', path: [key], message: `no scene with id "${id}"` });
    }
  });
export type Preset = z.infer<typeof PresetSchema>;

export const isBuiltInId = (id: string): boolean => id.startsWith('builtin-');
