import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isTracking, readSettings } from '../../lib/settings/schema';
import { trackingState } from '../../lib/ui/tracking-state';

const NOW = Date.UTC(2026, 10, 25, 12);
const withTracking = (tracking: object) => ({
  ...DEFAULT_SETTINGS,
  tracking: { ...DEFAULT_SETTINGS.tracking, ...tracking },
});

describe('the popup’s tracking banner (zod-free reader of settings)', () => {
  it.each([
    ['nothing stored', undefined, 'on'],
    ['defaults', DEFAULT_SETTINGS, 'on'],
    ['switched off', withTracking({ enabled: false }), 'off'],
    ['paused until resumed', withTracking({ paused: true, pausedUntil: null }), 'paused'],
    ['paused until later', withTracking({ paused: true, pausedUntil: NOW + 1000 }), 'paused'],
    ['a pause that has ended', withTracking({ paused: true, pausedUntil: NOW - 1000 }), 'on'],
    ['tampered settings', { schemaVersion: 9, tracking: { enabled: false } }, 'on'],
  ])('%s → %s, the same answer the background gives', (_, raw, expected) => {
    expect(trackingState(raw, NOW).state).toBe(expected);
    // The background's rule (lib/settings): logging on exactly when the banner says "on".
    expect(isTracking(readSettings(raw), 'x', NOW)).toBe(expected === 'on');
  });

  it('carries the end of a timed pause for the banner', () => {
    expect(trackingState(withTracking({ paused: true, pausedUntil: NOW + 1000 }), NOW)).toEqual({
      state: 'paused',
      until: NOW + 1000,
    });
  });
});
