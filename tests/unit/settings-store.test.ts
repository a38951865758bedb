import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../lib/settings';

/** A fresh store per test (the module keeps its storage listener; the fake browser is reset per test). */
async function freshStore() {
  vi.resetModules();
  const mod = await import('../../components/privacy/settings-store');
  mod.startSettingsStore();
  await vi.waitFor(() => expect(mod.useSettingsStore.getState().loaded).toBe(true));
  return mod.useSettingsStore;
}

/** Types like an input does: each key appends to what the field shows, with storage echoes in between. */
async function typeName(store: Awaited<ReturnType<typeof freshStore>>, text: string) {
  for (const key of text) {
    await store.getState().update((s) => ({ ...s, reporting: { ...s.reporting, name: s.reporting.name + key } }));
    await new Promise((r) => setTimeout(r, 5));
  }
}

const sortKeys = (v: unknown): unknown =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)]))
    : v;

describe('settings store of the extension pages', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('keeps typing intact while its own saves echo back (storage reads trim "Ada " to "Ada")', async () => {
    const store = await freshStore();
    await typeName(store, 'Ada L');
    expect(store.getState().settings.reporting.name).toBe('Ada L');
    expect((await loadSettings()).reporting.name).toBe('Ada L');
  });

  it('recognises its own saves when the browser returns the keys sorted, as Chrome does', async () => {
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => set(sortKeys(items) as typeof items));
    const store = await freshStore();
    await typeName(store, 'Bo b');
    expect(store.getState().settings.reporting.name).toBe('Bo b');
  });

  it('follows saves made by another page', async () => {
    const store = await freshStore();
    await saveSettings({ ...DEFAULT_SETTINGS, keepText: false });
    await vi.waitFor(() => expect(store.getState().settings.keepText).toBe(false));
  });
});
