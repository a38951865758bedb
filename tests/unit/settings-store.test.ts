import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupMessageRouter } from '../../lib/background/router';
import { DEFAULT_SETTINGS, loadSettings, updateSettings } from '../../lib/settings';
import { deliver, envelope, useBackground } from './helpers/messaging';

// The page's messages reach the real background door (payload and sender checked), as from the options page.
const fromOptions = { id: fakeBrowser.runtime.id, url: `${fakeBrowser.runtime.getURL('/')}options.html` };
vi.mock('../../lib/messaging/send', () => ({
  sendToBackground: (type: string, data: unknown) => deliver(envelope(type, data), fromOptions),
}));

useBackground();

/** A fresh store per test (the module keeps its storage listener; the fake browser is reset per test). */
async function freshStore() {
  vi.resetModules();
  const mod = await import('../../components/privacy/settings-store');
  mod.startSettingsStore();
  await vi.waitFor(() => expect(mod.useSettingsStore.getState().loaded).toBe(true));
  return mod.useSettingsStore;
}

describe('settings store of the extension pages', () => {
  beforeEach(() => setupMessageRouter());

  it('keeps typing intact while stored values echo back trimmed ("Ada " comes back as "Ada")', async () => {
    const store = await freshStore();
    // As the name input does (DraftInput): it keeps its own draft and sends the whole draft on each key.
    let draft = '';
    const seen: string[] = [];
    for (const key of 'Ada L') {
      draft += key;
      await store.getState().update((s) => ({ ...s, reporting: { ...s.reporting, name: draft } }));
      await new Promise((r) => setTimeout(r, 5));
      seen.push(store.getState().settings.reporting.name);
    }
    // The store follows storage, trim included: after "Ada " it showed "Ada", which the draft did not take back.
    expect(seen[3]).toBe('Ada');
    expect(draft).toBe('Ada L');
    expect(store.getState().settings.reporting.name).toBe('Ada L');
    expect((await loadSettings()).reporting.name).toBe('Ada L');
  });

  it('sends only the changed fields: a change made elsewhere in the meantime is kept', async () => {
    const store = await freshStore();
    // Another page turns reminders on; this page has not heard of it yet when it changes keepText.
    const stale = store.getState().settings;
    await updateSettings((s) => ({ ...s, reminders: { ...s.reminders, enabled: true } }));
    store.setState({ settings: stale });
    await store.getState().update((s) => ({ ...s, keepText: false }));
    const stored = await loadSettings();
    expect(stored.keepText).toBe(false);
    expect(stored.reminders.enabled).toBe(true);
  });

  it('refuses a change the settings do not allow, with the reason, and stores nothing', async () => {
    const store = await freshStore();
    await expect(
      store.getState().update((s) => ({ ...s, reminders: { ...s.reminders, maxPerWeek: 99 } })),
    ).rejects.toThrow(/reminders\.maxPerWeek/);
    expect((await loadSettings()).reminders.maxPerWeek).toBe(DEFAULT_SETTINGS.reminders.maxPerWeek);
  });

  it('follows changes saved by the background', async () => {
    const store = await freshStore();
    await updateSettings(() => ({ ...DEFAULT_SETTINGS, keepText: false }));
    await vi.waitFor(() => expect(store.getState().settings.keepText).toBe(false));
  });
});
