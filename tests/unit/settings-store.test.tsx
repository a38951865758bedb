import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsRefusedMessage } from '../../components/privacy/SettingsRefused';
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

  it('refuses a change the settings do not allow: says why, shows what is stored, and stores nothing', async () => {
    const store = await freshStore();
    await expect(
      store.getState().update((s) => ({ ...s, reminders: { ...s.reminders, maxPerWeek: 99 } })),
    ).resolves.toBe(false);
    expect(store.getState().refused).toMatch(/reminders\.maxPerWeek/);
    expect(store.getState().settings.reminders.maxPerWeek).toBe(DEFAULT_SETTINGS.reminders.maxPerWeek);
    expect((await loadSettings()).reminders.maxPerWeek).toBe(DEFAULT_SETTINGS.reminders.maxPerWeek);
  });

  it('a switch whose change storage refused shows what is stored again; nothing else is lost', async () => {
    await updateSettings((s) => ({ ...s, reporting: { ...s.reporting, name: 'Ada' } }));
    const store = await freshStore();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    // Two changes at once: the first is refused, the second stored; each keeps its own outcome.
    const [keepText, reminders] = await Promise.all([
      store.getState().update((s) => ({ ...s, keepText: false })),
      store.getState().update((s) => ({ ...s, reminders: { ...s.reminders, enabled: true } })),
    ]);
    expect([keepText, reminders]).toEqual([false, true]);
    const stored = await loadSettings();
    expect(stored.keepText).toBe(true);
    expect(stored.reminders.enabled).toBe(true);
    expect(stored.reporting.name).toBe('Ada');
    await vi.waitFor(() => expect(store.getState().settings).toEqual(stored));
    expect(store.getState().refused).toBe('settings not stored: QUOTA_BYTES quota exceeded');

    // The page says so (in the page's language; the key stands in for the text here).
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => key) as never);
    const html = renderToStaticMarkup(
      <SettingsRefusedMessage reason={store.getState().refused!} onClose={store.getState().dismissRefused} />,
    );
    expect(html).toMatch(/^<div class="sw-refused" role="alert" data-testid="settings-refused">/);
    expect(html).toContain('settingsRefusedTitle');
    expect(html).toContain('QUOTA_BYTES quota exceeded');

    // Tried again and stored: the message goes.
    await expect(store.getState().update((s) => ({ ...s, keepText: false }))).resolves.toBe(true);
    expect(store.getState().refused).toBeNull();
    expect((await loadSettings()).keepText).toBe(false);
  });

  it('follows changes saved by the background', async () => {
    const store = await freshStore();
    await updateSettings(() => ({ ...DEFAULT_SETTINGS, keepText: false }));
    await vi.waitFor(() => expect(store.getState().settings.keepText).toBe(false));
  });
});
