import { create } from 'zustand';
import { sendToBackground } from '@/lib/messaging/send';
import { DEFAULT_SETTINGS, loadSettings, watchSettings, type Settings } from '@/lib/settings';
import { diffSettings } from '@/lib/settings/patch';

interface SettingsState {
  settings: Settings;
  loaded: boolean;
  /**
   * Applies a change here at once and sends the changed fields to the background, the one writer of
   * the settings: a privacy choice takes effect when it is made. Rejects with the background's reason.
   */
  update(change: (s: Settings) => Settings): Promise<void>;
}

/**
 * The employee's settings as the extension pages see them: loaded from browser.storage.local and
 * following every stored change. Text inputs keep their own draft (components/privacy/DraftInput.tsx),
 * so a stored value coming back trimmed ("Ada " as "Ada") does not undo typing.
 */
export const useSettingsStore = create<SettingsState>((set, get) => ({
  settings: DEFAULT_SETTINGS,
  loaded: false,
  update: async (change) => {
    const before = get().settings;
    const next = change(before);
    const patch = diffSettings(before, next);
    if (Object.keys(patch).length === 0) return;
    set({ settings: next });
    const answer = await sendToBackground('ui:patchSettings', patch);
    if ('rejected' in answer) throw new Error(answer.rejected);
  },
}));

let started = false;
/** Loads settings once per page and follows later changes. */
export function startSettingsStore(): void {
  if (started) return;
  started = true;
  void loadSettings().then((settings) => useSettingsStore.setState({ settings, loaded: true }));
  watchSettings((settings) => useSettingsStore.setState({ settings, loaded: true }));
}
