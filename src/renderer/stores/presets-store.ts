import { create } from 'zustand';
import type { BibblanApi } from '../../shared/api-bridge';
import type { PresetEntry } from '../../shared/contract/presets';
import type { AppError } from '../../shared/errors';
import type { Problem } from '../../shared/presets/preset-document';
import type { ApplyPhase, ApplyResult, Plan } from '../../shared/presets/preset-plan';
import { feedStore, type FeedOptions } from './feed-store';

export type { ApplyPhase };

/** The Programs view: presets as the core lists them, the one picked, its plan and last apply. */
export interface PresetsStore {
  entries: PresetEntry[];
  loaded: boolean;
  selectedId: string | null;
  plan: Plan | null;
  result: ApplyResult | null;
  busy: 'plan' | 'apply' | null;
  phase: ApplyPhase | null;
  error: AppError | null;
  importProblems: Problem[] | null;
  importedName: string | null;
}

const initial: PresetsStore = {
  entries: [],
  loaded: false,
  selectedId: null,
  plan: null,
  result: null,
  busy: null,
  phase: null,
  error: null,
  importProblems: null,
  importedName: null,
};

export const usePresetsStore = create<PresetsStore>()(() => initial);

const set = (change: Partial<PresetsStore>): void => usePresetsStore.setState(change);

export const setPresetEntries = (entries: PresetEntry[]): void =>
  usePresetsStore.setState((s) => ({
    entries,
    loaded: true,
    // Keep the pick while it exists; otherwise the first preset.
    selectedId:
      s.selectedId && entries.some((e) => e.preset.id === s.selectedId)
        ? s.selectedId
        : (entries[0]?.preset.id ?? null),
  }));

/** A new pick forgets the old plan and result: they were about another preset. */
export const selectPreset = (presetId: string): void =>
  usePresetsStore.setState((s) =>
    s.selectedId === presetId ? s : { selectedId: presetId, plan: null, result: null, error: null, phase: null },
  );

export const setPresetsError = (error: AppError | null): void => set({ error });

/**
 * Feeds the list while a view that shows it is open (see feed-store.ts); the apply progress of
 * the picked preset too. Returns the unsubscribe.
 */
export function connectPresetsStore(api: BibblanApi, options?: FeedOptions): () => void {
  return feedStore(
    [
      {
        on: api.presets.onChanged,
        load: api.presets.list,
        set: ({ presets }) => setPresetEntries(presets),
        failed: setPresetsError,
      },
      {
        on: api.presets.onApplyProgress,
        set: ({ presetId, phase }) => {
          if (usePresetsStore.getState().selectedId === presetId) set({ phase });
        },
      },
    ],
    options,
  ).stop;
}

export async function reviewPlan(api: BibblanApi, presetId: string): Promise<void> {
  set({ busy: 'plan', error: null, result: null, phase: null });
  const plan = await api.presets.plan({ presetId });
  set(plan.ok ? { plan: plan.value, busy: null } : { error: plan.error, busy: null });
}

export async function applySelected(api: BibblanApi, presetId: string): Promise<void> {
  set({ busy: 'apply', error: null, result: null, phase: 'reading' });
  const result = await api.presets.apply({ presetId });
  if (!result.ok) {
    set({ error: result.error, busy: null, phase: null });
    return;
  }
  set({ result: result.value, busy: null, phase: 'done', plan: null });
}

export async function importPresetFile(api: BibblanApi, json: string): Promise<void> {
  set({ importProblems: null, importedName: null, error: null });
  const imported = await api.presets.import({ json });
  if (!imported.ok) {
    set({ error: imported.error });
    return;
  }
  const { entry, problems } = imported.value;
  if (entry) {
    set({ importedName: entry.preset.name });
    selectPreset(entry.preset.id);
  } else {
    set({ importProblems: problems });
  }
}
