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
    const json = canonicalJson(next);
    ownSaves.set(json, (ownSaves.get(json) ?? 0) + 1);
    await saveSettings(next);
  },
}));

/** JSON with sorted keys: Chrome hands stored objects back with their keys sorted. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * Saves made by this page whose echo from storage has not arrived yet. Those echoes are ignored:
 * applying an older echo while the employee keeps typing would undo keystrokes (and re-trim a
 * name mid-word). Changes from other pages are applied.
 */
const ownSaves = new Map<string, number>();
let started = false;
/** Loads settings once per page and follows later changes. */
export function startSettingsStore(): void {
  if (started) return;
  started = true;
  void loadSettings().then((settings) => useSettingsStore.setState({ settings, loaded: true }));
  watchSettings((settings, raw) => {
    const json = canonicalJson(raw);
    const pending = ownSaves.get(json);
    if (pending) {
      if (pending === 1) ownSaves.delete(json);
      else ownSaves.set(json, pending - 1);
      return;
    }
    useSettingsStore.setState({ settings, loaded: true });
  });
}
