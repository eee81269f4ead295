import { create } from 'zustand';
import type { PublicSettings } from '../../shared/settings';

/** The settings the UI may see (the password only as "saved" or not). */
export interface SettingsStore {
  /** null until loaded from the core. */
  settings: PublicSettings | null;
}

export const useSettingsStore = create<SettingsStore>()(() => ({ settings: null }));

export const setSettings = (settings: PublicSettings): void => useSettingsStore.setState({ settings });
