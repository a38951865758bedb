import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupMessageRouter } from '../../lib/background/router';
import { loadSettings, updateSettings } from '../../lib/settings';
import { resumeLogging } from '../../lib/ui/resume';
import { deliver, envelope, useBackground } from './helpers/messaging';

// The popup's Resume reaches the real background door (payload and sender checked), as from popup.html.
const fromPopup = { id: fakeBrowser.runtime.id, url: `${fakeBrowser.runtime.getURL('/')}popup.html` };
let unanswered = false;
vi.mock('../../lib/messaging/send', () => ({
  sendToBackground: (type: string, data: unknown) =>
    unanswered ? Promise.reject(new Error('Could not establish connection')) : deliver(envelope(type, data), fromPopup),
}));

useBackground();

describe("the popup's Resume", () => {
  beforeEach(async () => {
    unanswered = false;
    setupMessageRouter();
    await updateSettings((s) => ({
      ...s,
      tracking: { ...s.tracking, paused: true, pausedUntil: Date.now() + 3_600_000 },
    }));
  });

  it('lifts the pause and says nothing', async () => {
    expect(await resumeLogging()).toBeNull();
    expect((await loadSettings()).tracking).toMatchObject({ paused: false, pausedUntil: null });
  });

  it('gives the reason when the browser refuses the write, and the pause stays as stored', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    expect(await resumeLogging()).toBe('settings not stored: QUOTA_BYTES quota exceeded');
    expect((await loadSettings()).tracking.paused).toBe(true);
    // Tried again once there is room: lifted.
    expect(await resumeLogging()).toBeNull();
    expect((await loadSettings()).tracking.paused).toBe(false);
  });

  it('gives a reason when the background does not answer at all', async () => {
    unanswered = true;
    expect(await resumeLogging()).toBe('Could not establish connection');
    expect((await loadSettings()).tracking.paused).toBe(true);
  });
});
