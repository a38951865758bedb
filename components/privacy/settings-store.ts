import { create } from 'zustand';
import { sendSettingsPatch } from '@/lib/ui/resume';
import { DEFAULT_SETTINGS, loadSettings, watchSettings, type Settings } from '@/lib/settings';
import { diffSettings } from '@/lib/settings/patch';

interface SettingsState {
  settings: Settings;
  loaded: boolean;
  /**
   * Why the latest change was not stored (the background's reason), shown by SettingsRefused; null
   * once a change is stored or the employee closes the message.
   */
  refused: string | null;
  /**
   * Applies a change here at once and sends the changed fields to the background, the one writer of
   * the settings: a privacy choice takes effect when it is made. Resolves false when the change was
   * not stored: then the page shows the settings as stored again and says why (`refused`), so a
   * caller need not handle it.
   */
  update(change: (s: Settings) => Settings): Promise<boolean>;
  dismissRefused(): void;
}

/** The settings as last read from storage: what a refused change falls back to. */
let stored: Settings = DEFAULT_SETTINGS;

/**
 * The employee's settings as the extension pages see them: loaded from browser.storage.local and
 * following every stored change. Text inputs keep their own draft (components/privacy/DraftInput.tsx),
 * so a stored value coming back trimmed ("Ada " as "Ada") does not undo typing, nor does a refused one
 * take back what was typed.
 */
export const useSettingsStore = create<SettingsState>((set, get) => ({
  settings: DEFAULT_SETTINGS,
  loaded: false,
  refused: null,
  update: async (change) => {
    const before = get().settings;
    const next = change(before);
    const patch = diffSettings(before, next);
    if (Object.keys(patch).length === 0) return true;
    // Cleared first, so the same refusal twice is shown (and announced) twice.
    set({ settings: next, refused: null });
    const reason = await sendSettingsPatch(patch);
    if (reason === null) return true;
    // Only fields this change touched go back: a change made meanwhile stays shown until its own answer.
    set({ settings: revert(get().settings, patch, stored), refused: reason });
    return false;
  },
  dismissRefused: () => set({ refused: null }),
}));

/** `settings` with the fields of `patch` as they are in `stored`. */
function revert(settings: Settings, patch: object, from: Settings): Settings {
  const back = (now: Record<string, unknown>, p: Record<string, unknown>, s: Record<string, unknown>) => {
    const out = { ...now };
    for (const [key, value] of Object.entries(p))
      out[key] =
        value && typeof value === 'object' && !Array.isArray(value)
          ? back(
              now[key] as Record<string, unknown>,
              value as Record<string, unknown>,
              s[key] as Record<string, unknown>,
            )
          : s[key];
    return out;
  };
  return back(settings, patch as Record<string, unknown>, from) as Settings;
}

let started = false;
/** Loads settings once per page and follows later changes. */
export function startSettingsStore(): void {
  if (started) return;
  started = true;
  const take = (settings: Settings) => {
    stored = settings;
    useSettingsStore.setState({ settings, loaded: true });
  };
  void loadSettings().then(take);
  watchSettings(take);
}
