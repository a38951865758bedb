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
 * Runs `step` after the steps queued before it; the next step starts once the write `step` returns is
 * issued (storage handles calls in order). Waiting for the write to finish would wait for storage
 * listeners, which may themselves change the settings.
 */
function enqueue<T>(step: () => Promise<{ result: T; written: Promise<unknown> | null }>): Promise<T> {
  const run = queue.then(step);
  queue = run.catch(() => undefined);
  return run.then(async ({ result, written }) => {
    await written;
    return result;
  });
}

/**
 * The one write of the settings, for the background only (pages send `ui:patchSettings`): reads the
 * stored settings, applies `change` and stores the result, one change after another, so two changes
 * made at once both stay. `change` returning null writes nothing. Resolves to the settings now stored.
 */
export function updateSettings(change: (current: Settings) => Settings | null): Promise<Settings> {
  return enqueue(async () => {
    const current = await loadSettings();
    const next = change(current);
    return { result: next ?? current, written: next ? browser.storage.local.set({ [KEY]: next }) : null };
  });
}

/**
 * Empties all of storage.local ("Delete everything"), in turn with the settings changes: one queued
 * before has written by then (and is cleared with the rest), one queued after reads the empty storage.
 * Cleared outside the queue, a change that had read the old settings would write them back.
 */
export function clearLocalStorage(): Promise<void> {
  return enqueue(async () => ({ result: undefined, written: browser.storage.local.clear() }));
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
