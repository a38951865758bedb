import { browser } from 'wxt/browser';
import { readSettings, type Settings } from './schema';

export const SETTINGS_KEY = 'settings';
const KEY = SETTINGS_KEY;

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return readSettings(stored[KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: settings });
}

/** Calls `listener` with the new settings whenever any page or the background saves them. Returns the unsubscribe. */
export function watchSettings(listener: (settings: Settings, raw: unknown) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) listener(readSettings(changes[KEY]?.newValue), changes[KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
