import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInPresets } from '../../../src/core/presets/built-ins';
import { PresetStore, presetStoreNotices } from '../../../src/core/presets/preset-store';
import { PresetsService } from '../../../src/core/presets/presets-service';
import { MemoryDocumentStore } from '../../../src/core/settings/memory-document-store';
import { openConfStore } from '../../../src/core/settings/open-document-store';
import { emptyObsState } from '../../../src/shared/obs-state';
import { fail } from '../../../src/shared/result';
import { appError } from '../../../src/shared/errors';
import { DetailsSchema } from '../../../src/shared/presets/preset-details';
import { makeTempDir } from '../../support/temp-dir';

const offlineObs = {
  state: emptyObsState(''),
  onState: () => () => {},
  callBatch: async () => fail(appError('OBS_NOT_CONNECTED')),
};

function service(documents = new MemoryDocumentStore(), language: 'sv' | 'en' = 'sv') {
  const changes: number[] = [];
  const presets = new PresetsService({
    store: new PresetStore(documents),
    obs: offlineObs,
    language: () => language,
    onChanged: (l) => changes.push(l.length),
    onPhase: () => {},
  });
  return { presets, documents, changes };
}

describe('presets: the user’s own, built-ins read-only', () => {
  it('lists the built-ins in their program’s language (Swedish by default), never the UI’s', () => {
    const names = ['Sagostund', 'Författarsamtal', 'Babyrytmik', 'Språkcafé', 'Digital informationsdisk'];
    expect(
      service()
        .presets.list()
        .map((e) => e.preset.name),
    ).toEqual(names);
    // An English UI changes nothing of what the slides say.
    const english = service(new MemoryDocumentStore(), 'en').presets;
    expect(english.list().map((e) => e.preset.name)).toEqual(names);
    expect(english.list()[0]!.preset).toEqual(service().presets.list()[0]!.preset);
  });

  it('a program chosen in English gets its slides in English; the others stay Swedish', async () => {
    const { presets } = service();
    const saved = await presets.setDetails('builtin-story-time', { language: 'en', reader: 'Ann' });
    expect(saved.ok && saved.value.entry.preset.name).toBe('Story time');
    const list = presets.list();
    expect(list[0]!.preset.name).toBe('Story time');
    expect(list[0]!.details).toEqual({ language: 'en', reader: 'Ann' });
    expect(list[1]!.preset.name).toBe('Författarsamtal');
  });

  it('loads details stored before the language existed as Swedish, and refuses an unknown language', async () => {
    const documents = new MemoryDocumentStore();
    documents.store = { schemaVersion: 2, details: { 'builtin-story-time': { title: 'Sagor', bookTitle: 'Pippi' } } };
    const { presets } = service(documents);
    const entry = presets.list()[0]!;
    expect(entry.details).toEqual({ title: 'Sagor', bookTitle: 'Pippi' });
    expect(entry.preset.name).toBe('Sagostund');
    expect(DetailsSchema.safeParse({ language: 'de' }).success).toBe(false);
    // A language this version does not know (hand-edited file): the rest of the details stay.
    const odd = new MemoryDocumentStore();
    odd.store = { schemaVersion: 2, details: { 'builtin-story-time': { reader: 'Anna', language: 'de' } } };
    const oddEntry = service(odd).presets.list()[0]!;
    expect(oddEntry.details).toEqual({ reader: 'Anna' });
    expect(oddEntry.preset.name).toBe('Sagostund');
  });

  it('duplicates, renames, edits and deletes an own preset; built-ins refuse', () => {
    const { presets, documents, changes } = service();
    expect(presets.rename('builtin-story-time', 'X')).toEqual({ ok: false, error: { code: 'PRESET_READ_ONLY' } });
    expect(presets.delete('builtin-story-time')).toEqual({ ok: false, error: { code: 'PRESET_READ_ONLY' } });
    const copy = presets.duplicate('builtin-story-time');
    if (!copy.ok) throw new Error('duplicate failed');
    expect(copy.value).toMatchObject({ builtIn: false, preset: { name: 'Sagostund (kopia)' } });
    const id = copy.value.preset.id;
    expect(presets.rename(id, 'Min sagostund')).toMatchObject({
      ok: true,
      value: { preset: { name: 'Min sagostund' } },
    });
    const edited = {
      ...copy.value.preset,
      name: 'Min sagostund',
      transition: { kind: 'cut' as const, durationMs: 300 },
    };
    expect(presets.update(edited)).toMatchObject({ ok: true, value: { preset: { transition: { kind: 'cut' } } } });
    // A new store on the same document sees it: it was written.
    expect(new PresetStore(documents).userPresets.map((p) => p.name)).toEqual(['Min sagostund']);
    expect(presets.delete(id)).toEqual({ ok: true, value: null });
    expect(presets.list()).toHaveLength(5);
    expect(changes.length).toBeGreaterThanOrEqual(4);
  });

  it('imports only a valid preset, under a new id, and exports the document', () => {
    const { presets, documents } = service();
    const exported = presets.export('builtin-author-talk');
    if (!exported.ok) throw new Error('export failed');
    expect(exported.value.fileName).toBe('forfattarsamtal.bibblan-preset.json');
    const bad = presets.import(exported.value.json.replace('"schemaVersion": 1', '"schemaVersion": 9'));
    expect(bad.entry).toBeNull();
    expect(bad.problems[0]!.path).toBe('schemaVersion');
    expect(documents.store).toEqual({});
    const good = presets.import(exported.value.json);
    expect(good.problems).toEqual([]);
    expect(good.entry?.preset.id).not.toBe('builtin-author-talk');
    expect(good.entry?.preset.name).toBe('Författarsamtal (2)');
  });

  it('drops a damaged entry on its own and keeps the rest', () => {
    const documents = new MemoryDocumentStore();
    const valid = { ...builtInPresets('sv')[1]!, id: 'mine' };
    documents.store = {
      schemaVersion: 1,
      userPresets: [valid, { schemaVersion: 1, id: 'broken' }, 'junk'],
      details: { mine: { title: 'ok' }, other: { title: 5 } },
      ownership: 'nope',
    };
    const store = new PresetStore(documents);
    expect(store.userPresets.map((p) => p.id)).toEqual(['mine']);
    expect(store.details('mine')).toEqual({ title: 'ok' });
    expect(store.details('other')).toEqual({});
    expect(store.ownership('mine')).toEqual({ scenes: {}, inputs: {} });
  });

  it('loads a presets.json from before UUIDs (name-only ownership) and keeps all of it when written back', () => {
    const documents = new MemoryDocumentStore();
    const mine = { ...builtInPresets('sv')[1]!, id: 'mine' };
    const old = {
      schemaVersion: 1,
      userPresets: [mine],
      details: { mine: { title: 'Kväll' } },
      devices: { mine: { camera1: '/dev/video0' } },
      ownership: {
        'builtin-story-time': {
          scenes: { reader: 'Sagostund – Läsare', thanks: 'Sagostund – Tack' },
          inputs: { title: 'Sagostund · Rubrik' },
        },
      },
    };
    documents.store = structuredClone(old);
    const store = new PresetStore(documents);
    expect(store.ownership('builtin-story-time')).toEqual({
      scenes: { reader: { name: 'Sagostund – Läsare' }, thanks: { name: 'Sagostund – Tack' } },
      inputs: { title: { name: 'Sagostund · Rubrik' } },
    });
    // A change elsewhere writes the file in the new form, the old record carried over whole.
    expect(store.setDetails('mine', { title: 'Morgon' }).ok).toBe(true);
    const written = documents.store as Record<string, any>;
    expect(written.schemaVersion).toBe(2);
    expect(written.userPresets).toEqual([mine]);
    expect(written.devices).toEqual(old.devices);
    expect(written.ownership['builtin-story-time'].scenes.reader).toEqual({ name: 'Sagostund – Läsare' });
    expect(new PresetStore(documents).ownership('builtin-story-time')).toEqual(store.ownership('builtin-story-time'));
    // A mixed record (some entries with UUIDs) reads too; a malformed one is dropped on its own.
    documents.store = {
      ...written,
      ownership: {
        a: { scenes: { s: { name: 'A', uuid: 'u1' }, t: 'B' }, inputs: {} },
        b: { scenes: { s: 5 }, inputs: {} },
      },
    };
    const mixed = new PresetStore(documents);
    expect(mixed.ownership('a').scenes).toEqual({ s: { name: 'A', uuid: 'u1' }, t: { name: 'B' } });
    expect(mixed.ownership('b')).toEqual({ scenes: {}, inputs: {} });
  });

  it('sets a corrupt presets file aside and tells the user in words about presets', () => {
    const dir = makeTempDir('bibblan-presets-');
    try {
      mkdirSync(dir.path, { recursive: true });
      writeFileSync(join(dir.path, 'presets.json'), '{ not json');
      const opened = openConfStore(dir.path, 'presets');
      const notices = presetStoreNotices(opened.notices);
      expect(notices.map((n) => n.code)).toEqual(['PRESETS_FILE_SET_ASIDE']);
      expect(new PresetStore(opened.store).userPresets).toEqual([]);
    } finally {
      dir.remove();
    }
  });
});
