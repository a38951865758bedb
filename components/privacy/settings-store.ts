import { create } from 'zustand';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, watchSettings, type Settings } from '@/lib/settings';

interface SettingsState {
  settings: Settings;
  loaded: boolean;
  /** Applies a change and saves it at once: a privacy choice takes effect when it is made. */
  update(change: (s: Settings) => Settings): Promise<void>;
}

/**
 * The employee's settings as the extension pages see them. Loaded from browser.storage.local and
 * kept in step with saves from other pages (welcome, options, a second options tab).
 */
export const useSettingsStore = create<SettingsState>((set, get) => ({
  settings: DEFAULT_SETTINGS,
  loaded: false,
  update: async (change) => {
    const next = change(get().settings);
    set({ settings: next });
    lastSaved = JSON.stringify(next);
    await saveSettings(next);
  },
}));

/** What this page saved last: its own echo from storage is ignored, so typing is never re-trimmed mid-word. */
let lastSaved: string | null = null;
let started = false;
/** Loads settings once per page and follows later changes. */
export function startSettingsStore(): void {
  if (started) return;
  started = true;
  void loadSettings().then((settings) => useSettingsStore.setState({ settings, loaded: true }));
  watchSettings((settings, raw) => {
    if (JSON.stringify(raw) !== lastSaved) useSettingsStore.setState({ settings, loaded: true });
  });
}
