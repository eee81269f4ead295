import type { RequestBatchRequest } from 'obs-websocket-js';
import type { PresetEntry } from '../../shared/contract/presets';
import { appError } from '../../shared/errors';
import {
  fillTemplate,
  programLanguage,
  type DeviceChoice,
  type Details,
  type TextLanguage,
} from '../../shared/presets/preset-details';
import { exportPresetJson, parsePresetJson, type Problem } from '../../shared/presets/preset-document';
import type { ApplyResult, Plan } from '../../shared/presets/preset-plan';
import { isBuiltInId, type Preset } from '../../shared/presets/preset-schema';
import { fail, ok, type Result } from '../../shared/result';
import type { ObsState } from '../../shared/obs-state';
import { obsHasUuids } from '../obs/scene-ref';
import { builtInPresets } from './built-ins';
import { textOnly } from './input-kinds';
import type { PresetObs, SnapshotOptions } from './obs-snapshot';
import { markerOf, withCurrentSceneNames, type Ownership } from './ownership';
import type { ApplyPhase } from '../../shared/presets/preset-plan';
import { applyPreset, planPreset } from './preset-applier';
import type { PresetStore } from './preset-store';

export interface PresetsServiceDeps {
  store: PresetStore;
  obs: PresetObs & { onState(listener: (state: ObsState) => void): () => void };
  /** The UI's language: only for words the user sees in the app (a copy's name), never for OBS's content. */
  language(): TextLanguage;
  onChanged(list: PresetEntry[]): void;
  onPhase(presetId: string, phase: ApplyPhase): void;
  /** How long an interrupted apply waits for OBS to come back before reporting; default 10 s. */
  reconnectWaitMs?: number;
}

/** Presets for the API: built-ins and the user's own, details, plan and apply. */
export class PresetsService {
  readonly #deps: PresetsServiceDeps;
  #applying = false;
  /**
   * Plans and applies read OBS one at a time. Their batches list capture devices
   * (GetInputPropertiesListPropertyItems), and OBS 30's v4l2 plugin crashes OBS when two such
   * lists are read at once (obs-websocket runs concurrent batches on parallel threads); the
   * checklist and the Programs screen may both ask for a plan at the same moment.
   */
  #obsTurn: Promise<unknown> = Promise.resolve();

  constructor(deps: PresetsServiceDeps) {
    this.#deps = deps;
  }

  list(): PresetEntry[] {
    const { store } = this.#deps;
    const entry = (preset: Preset, builtIn: boolean): PresetEntry => ({
      preset,
      builtIn,
      details: store.details(preset.id),
      devices: store.devices(preset.id),
    });
    return [
      ...builtInPresets((id) => programLanguage(store.details(id))).map((p) => entry(p, true)),
      ...store.userPresets.map((p) => entry(p, false)),
    ];
  }

  /**
   * What the app created in OBS for a preset, in OBS's current scene names (followed by UUID
   * where OBS has them); the live view and the checklist read it to find the applied preset.
   */
  ownership(presetId: string): Ownership {
    return withCurrentSceneNames(this.#deps.store.ownership(presetId), this.#deps.obs.state.scenes);
  }

  find(presetId: string): Result<PresetEntry> {
    const found = this.list().find((e) => e.preset.id === presetId);
    return found ? ok(found) : fail(appError('PRESET_NOT_FOUND'));
  }

  duplicate(presetId: string): Result<PresetEntry> {
    const source = this.find(presetId);
    if (!source.ok) return source;
    const copyWord = this.#deps.language() === 'sv' ? 'kopia' : 'copy';
    const name = this.#uniqueName(`${source.value.preset.name} (${copyWord})`.slice(0, 64));
    const preset: Preset = { ...structuredClone(source.value.preset), id: this.#newId(source.value.preset.id), name };
    return this.#saveNew(preset, source.value.details, source.value.devices);
  }

  rename(presetId: string, name: string): Result<PresetEntry> {
    return this.#editOwn(presetId, (preset) => ({ ...preset, name }));
  }

  update(preset: Preset): Result<PresetEntry> {
    return this.#editOwn(preset.id, () => preset);
  }

  delete(presetId: string): Result<null> {
    if (isBuiltInId(presetId)) return fail(appError('PRESET_READ_ONLY'));
    if (!this.#deps.store.userPresets.some((p) => p.id === presetId)) return fail(appError('PRESET_NOT_FOUND'));
    const deleted = this.#deps.store.deleteUserPreset(presetId);
    if (deleted.ok) this.#changed();
    return deleted;
  }

  /** Nothing is stored unless the whole file is a valid preset; it always gets a new id. */
  import(json: string): { entry: PresetEntry | null; problems: Problem[] } {
    const parsed = parsePresetJson(json);
    if (!parsed.ok) return { entry: null, problems: parsed.problems };
    const preset = { ...parsed.preset, id: this.#newId(parsed.preset.id), name: this.#uniqueName(parsed.preset.name) };
    const saved = this.#saveNew(preset, {}, {});
    return saved.ok
      ? { entry: saved.value, problems: [] }
      : { entry: null, problems: [{ path: '(file)', message: 'could not be saved' }] };
  }

  export(presetId: string): Result<{ fileName: string; json: string }> {
    const found = this.find(presetId);
    if (!found.ok) return found;
    // NFKD splits å/ä/ö into a letter and a combining mark; the marks go, the letters stay.
    const slug =
      found.value.preset.name
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .replace(/[^\w-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .toLowerCase() || 'preset';
    return ok({ fileName: `${slug}.bibblan-preset.json`, json: exportPresetJson(found.value.preset) });
  }

  /** Saves the details; the preset's text inputs already in OBS (and ours) change at once. */
  async setDetails(
    presetId: string,
    details: Details,
    devices?: DeviceChoice,
  ): Promise<Result<{ entry: PresetEntry; updatedTexts: number }>> {
    const found = this.find(presetId);
    if (!found.ok) return found;
    const saved = this.#deps.store.setDetails(presetId, details, devices);
    if (!saved.ok) return saved;
    this.#changed();
    // A built-in follows its program's language: a new language means the other language's texts.
    const current = this.find(presetId);
    const entry = current.ok ? current.value : { ...found.value, details, devices: devices ?? found.value.devices };
    const updatedTexts = await this.#updateTexts(entry.preset, details);
    return ok({ entry, updatedTexts });
  }

  /** The plan to review; `devices: false` skips the device lists (see SnapshotOptions). */
  async plan(presetId: string, options: SnapshotOptions = {}): Promise<Result<Plan>> {
    const input = this.#planInput(presetId);
    if (!input.ok) return input;
    const built = await this.#oneAtATime(() => planPreset(this.#deps.obs, input.value, undefined, options));
    return built.ok ? ok(built.value.plan) : built;
  }

  async apply(presetId: string): Promise<Result<ApplyResult>> {
    const input = this.#planInput(presetId);
    if (!input.ok) return input;
    if (this.#applying) return fail(appError('PRESET_APPLY_BUSY'));
    this.#applying = true;
    try {
      return await this.#oneAtATime(() =>
        applyPreset({
          obs: this.#deps.obs,
          input: input.value,
          saveOwnership: (ownership) => this.#deps.store.setOwnership(presetId, ownership),
          onPhase: (phase) => this.#deps.onPhase(presetId, phase),
          waitForConnection: (ms) => this.#waitForConnection(ms),
          reconnectWaitMs: this.#deps.reconnectWaitMs ?? 10_000,
        }),
      );
    } finally {
      this.#applying = false;
    }
  }

  /** Runs `work` once every plan or apply asked for before it has finished. */
  #oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.#obsTurn.then(work, work);
    this.#obsTurn = turn.catch(() => undefined);
    return turn;
  }

  #planInput(presetId: string) {
    const found = this.find(presetId);
    if (!found.ok) return found;
    const { preset, details, devices } = found.value;
    return ok({
      preset,
      details,
      devices,
      language: programLanguage(details),
      ownership: this.#deps.store.ownership(presetId),
    });
  }

  /** Two round trips: read the recorded inputs' settings, then rewrite only those with our marker. */
  async #updateTexts(preset: Preset, details: Details): Promise<number> {
    const { obs, store } = this.#deps;
    if (obs.state.connection.status !== 'connected') return 0;
    const ownership = store.ownership(preset.id);
    // By UUID where recorded: an input renamed in OBS since is still found.
    const uuids = obsHasUuids(obs.state);
    const texts = preset.sources.flatMap((s) => {
      const owned = s.role === 'text' ? ownership.inputs[s.id] : undefined;
      return owned
        ? [{ source: s, input: uuids && owned.uuid ? { inputUuid: owned.uuid } : { inputName: owned.name } }]
        : [];
    });
    if (texts.length === 0) return 0;
    const read = await obs.callBatch(
      texts.map((t) => ({ requestType: 'GetInputSettings', requestData: t.input }) as RequestBatchRequest),
    );
    if (!read.ok) return 0;
    const language = programLanguage(details);
    const writes = texts.flatMap((t, i) => {
      const response = read.value[i] as
        | {
            requestStatus: { result: boolean };
            responseData?: { inputKind: string; inputSettings: Record<string, unknown> };
          }
        | undefined;
      const marker = response?.requestStatus.result ? markerOf(response.responseData?.inputSettings ?? {}) : null;
      if (marker?.presetId !== preset.id || marker.key !== t.source.id || t.source.role !== 'text') return [];
      const text = fillTemplate(t.source.text, details, language);
      return [
        {
          requestType: 'SetInputSettings',
          requestData: { ...t.input, inputSettings: textOnly(response!.responseData!.inputKind, text), overlay: true },
        } as RequestBatchRequest,
      ];
    });
    if (writes.length === 0) return 0;
    const written = await obs.callBatch(writes);
    return written.ok ? written.value.filter((r) => r.requestStatus.result).length : 0;
  }

  #waitForConnection(timeoutMs: number): Promise<boolean> {
    const { obs } = this.#deps;
    return new Promise((resolve) => {
      // A timed-out request leaves the link "connected" but OBS mute: that is not "back".
      let sawDrop = obs.state.connection.status !== 'connected';
      if (!sawDrop) {
        resolve(false);
        return;
      }
      const timer = setTimeout(() => finish(false), timeoutMs);
      const unsubscribe = obs.onState((state) => {
        if (state.connection.status !== 'connected') sawDrop = true;
        else if (sawDrop) finish(true);
      });
      function finish(value: boolean) {
        clearTimeout(timer);
        unsubscribe();
        resolve(value);
      }
    });
  }

  #editOwn(presetId: string, edit: (preset: Preset) => Preset): Result<PresetEntry> {
    if (isBuiltInId(presetId)) return fail(appError('PRESET_READ_ONLY'));
    const current = this.#deps.store.userPresets.find((p) => p.id === presetId);
    if (!current) return fail(appError('PRESET_NOT_FOUND'));
    const next = { ...edit(current), id: presetId };
    const saved = this.#deps.store.saveUserPreset(next);
    if (!saved.ok) return saved;
    this.#changed();
    return this.find(presetId);
  }

  #saveNew(preset: Preset, details: Details, devices: DeviceChoice): Result<PresetEntry> {
    const saved = this.#deps.store.saveUserPreset(preset);
    if (!saved.ok) return saved;
    const withDetails = this.#deps.store.setDetails(preset.id, details, devices);
    if (!withDetails.ok) return withDetails;
    this.#changed();
    return this.find(preset.id);
  }

  #newId(from: string): string {
    const base = from.replace(/^builtin-/, '').slice(0, 40) || 'preset';
    const taken = new Set(this.list().map((e) => e.preset.id));
    let id = `${base}-${Math.random().toString(36).slice(2, 8)}`;
    while (taken.has(id)) id = `${base}-${Math.random().toString(36).slice(2, 8)}`;
    return id;
  }

  #uniqueName(wanted: string): string {
    const taken = new Set(this.list().map((e) => e.preset.name));
    let name = wanted;
    for (let n = 2; taken.has(name); n += 1) name = `${wanted.slice(0, 58)} (${n})`;
    return name;
  }

  #changed(): void {
    this.#deps.onChanged(this.list());
  }
}
