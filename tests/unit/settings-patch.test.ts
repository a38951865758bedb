import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupMessageRouter } from '../../lib/background/router';
import { DEFAULT_SETTINGS, loadSettings, updateSettings } from '../../lib/settings';
import { diffSettings } from '../../lib/settings/patch';
import { deliver, envelope, useBackground } from './helpers/messaging';

const fromOptions = { id: fakeBrowser.runtime.id, url: `${fakeBrowser.runtime.getURL('/')}options.html` };
const fromWeb = { id: fakeBrowser.runtime.id, url: 'https://x.com/home', tab: { id: 1, url: 'https://x.com/home' } };
const patch = (data: unknown, sender: object = fromOptions) => deliver(envelope('ui:patchSettings', data), sender);

useBackground();

describe('settings patches (ui:patchSettings): the background is the one writer', () => {
  beforeEach(() => setupMessageRouter());

  it('applies a patch field by field and leaves every other field as stored', async () => {
    await updateSettings((s) => ({
      ...s,
      installId: 'install-1234',
      reporting: { ...s.reporting, name: 'Ada', email: 'ada@example.com' },
    }));
    expect(await patch({ reporting: { fields: { byNetwork: true }, email: ' ada@lovelace.example ' } })).toEqual({
      ok: true,
    });
    const stored = await loadSettings();
    expect(stored.reporting.fields).toEqual({ ...DEFAULT_SETTINGS.reporting.fields, byNetwork: true });
    expect(stored.reporting.email).toBe('ada@lovelace.example'); // the schema's trim applies
    expect(stored.reporting.name).toBe('Ada');
    expect(stored.installId).toBe('install-1234');
    expect(stored.tracking).toEqual(DEFAULT_SETTINGS.tracking);
  });

  it('refuses an invalid patch with a clear reason and stores nothing', async () => {
    await updateSettings((s) => s);
    const before = await loadSettings();
    expect(await patch({ reminders: { maxPerWeek: 99 } })).toEqual({
      rejected: expect.stringMatching(/^invalid setting reminders\.maxPerWeek: /),
    });
    expect(await patch({ tracking: { sleepy: true } })).toEqual({ rejected: 'unknown setting tracking.sleepy' });
    expect(await patch({ feedUrl: 'http://plain.example/feed.json' })).toEqual({
      rejected: expect.stringMatching(/^invalid setting feedUrl: /),
    });
    // The install id is the background's own; web pages may not patch at all.
    expect(await patch({ installId: 'chosen-by-page' })).toEqual({ rejected: expect.stringContaining('installId') });
    expect(await patch({ keepText: false }, fromWeb)).toEqual({ rejected: 'sender is not an extension page' });
    expect(await loadSettings()).toEqual(before);
  });

  it('answers a write the browser refuses (storage full) with its reason at once, and the next patch is stored', async () => {
    await updateSettings((s) => ({ ...s, reporting: { ...s.reporting, name: 'Ada' } }));
    const before = await loadSettings();
    // Thrown instead, the page's sender would take it for a stopped background and resend for seconds.
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    expect(await patch({ keepText: false })).toEqual({
      rejected: 'settings not stored: QUOTA_BYTES quota exceeded',
    });
    expect(await loadSettings()).toEqual(before);
    expect(await patch({ keepText: false })).toEqual({ ok: true });
    expect(await loadSettings()).toEqual({ ...before, keepText: false });
  });

  it('keeps both of two patches to different fields sent at once (no lost read-modify-write)', async () => {
    const answers = await Promise.all([
      patch({ keepText: false }),
      patch({ reminders: { enabled: true } }),
      patch({ tracking: { networks: { x: false } } }),
    ]);
    expect(answers).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    const stored = await loadSettings();
    expect(stored.keepText).toBe(false);
    expect(stored.reminders.enabled).toBe(true);
    expect(stored.tracking.networks).toEqual({ linkedin: true, x: false });
  });

  it('a page computes its patch as the changed fields only', () => {
    const after = {
      ...DEFAULT_SETTINGS,
      reporting: {
        ...DEFAULT_SETTINGS.reporting,
        fields: { ...DEFAULT_SETTINGS.reporting.fields, bonus: 'points' as const },
      },
    };
    expect(diffSettings(DEFAULT_SETTINGS, after)).toEqual({ reporting: { fields: { bonus: 'points' } } });
    expect(
      diffSettings(DEFAULT_SETTINGS, {
        ...DEFAULT_SETTINGS,
        reminders: { ...DEFAULT_SETTINGS.reminders, quietDays: [0] },
      }),
    ).toEqual({ reminders: { quietDays: [0] } });
    expect(diffSettings(DEFAULT_SETTINGS, DEFAULT_SETTINGS)).toEqual({});
  });
});
