import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from './key';
import { readSettings, type Settings } from './schema';

export { SETTINGS_KEY };
const KEY = SETTINGS_KEY;

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return readSettings(stored[KEY]);
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * The one write of the settings, for the background only (pages send `ui:patchSettings`): reads the
 * stored settings, applies `change` and stores the result, one change after another, so two changes
 * made at once both stay. `change` returning null writes nothing. Resolves to the settings now stored.
 */
export function updateSettings(change: (current: Settings) => Settings | null): Promise<Settings> {
  // The next change may start once this write is issued (storage handles calls in order): waiting
  // for it to finish would wait for storage listeners, which may themselves change the settings.
  const step = queue.then(async () => {
    const current = await loadSettings();
    const next = change(current);
    return { settings: next ?? current, written: next ? browser.storage.local.set({ [KEY]: next }) : null };
  });
  queue = step.catch(() => undefined);
  return step.then(async ({ settings, written }) => {
    await written;
    return settings;
  });
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

/** Calls `listener` with the new settings whenever the background saves them. Returns the unsubscribe. */
export function watchSettings(listener: (settings: Settings, raw: unknown) => void): () => void {
  const onChanged = (changes: StorageChanges, area: string) => {
    if (area === 'local' && KEY in changes) listener(readSettings(changes[KEY]?.newValue), changes[KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
