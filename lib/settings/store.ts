import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from './key';
import { readSettings, type Settings } from './schema';

export { SETTINGS_KEY };
const KEY = SETTINGS_KEY;

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return readSettings(stored[KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: settings });
}

type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;

/**
 * The settings before and after a storage change, each read as stored settings are always read
 * (readSettings: checked, upgraded, safe defaults); null when the change is not of the settings.
 */
export function settingsChange(changes: StorageChanges, area: string): { before: Settings; after: Settings } | null {
  if (area !== 'local' || !(KEY in changes)) return null;
  return { before: readSettings(changes[KEY]?.oldValue), after: readSettings(changes[KEY]?.newValue) };
}

/** Calls `listener` with the new settings whenever any page or the background saves them. Returns the unsubscribe. */
export function watchSettings(listener: (settings: Settings, raw: unknown) => void): () => void {
  const onChanged = (changes: StorageChanges, area: string) => {
    if (area === 'local' && KEY in changes) listener(readSettings(changes[KEY]?.newValue), changes[KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
