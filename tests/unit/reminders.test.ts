import { describe, expect, it } from 'vitest';
import { decideReminder, isQuietTime, type ReminderSettings } from '../../lib/reminders';
import { DEFAULT_SETTINGS } from '../../lib/settings';

const on: ReminderSettings = { ...DEFAULT_SETTINGS.reminders, enabled: true };
// Local times (the tests run in the machine's zone; reminders follow the employee's clock).
const wed10 = new Date(2026, 10, 25, 10).getTime();
const wed20 = new Date(2026, 10, 25, 20).getTime();
const sat10 = new Date(2026, 10, 28, 10).getTime();
const HOUR = 3600_000;

describe('reminders', () => {
  it('are off by default and, once on, quiet in the evening and at weekends', () => {
    expect(DEFAULT_SETTINGS.reminders.enabled).toBe(false);
    expect(isQuietTime(on, wed10)).toBe(false);
    expect(isQuietTime(on, wed20)).toBe(true);
    expect(isQuietTime(on, sat10)).toBe(true);
    expect(isQuietTime(on, new Date(2026, 10, 25, 7).getTime())).toBe(true);
  });

  it('never announce the posts that were there on the first check', () => {
    expect(decideReminder(null, on, ['a', 'b'], wed10)).toEqual({
      announce: [],
      state: { knownPostIds: ['a', 'b'], shownAt: [] },
    });
  });

  it('announce new posts once, outside quiet time', () => {
    const first = decideReminder({ knownPostIds: ['a'], shownAt: [] }, on, ['a', 'b'], wed10);
    expect(first.announce).toEqual(['b']);
    expect(decideReminder(first.state, on, ['a', 'b'], wed10 + HOUR).announce).toEqual([]);
  });

  it('keep new posts pending during quiet time and announce them later together', () => {
    const quiet = decideReminder({ knownPostIds: ['a'], shownAt: [] }, on, ['a', 'b'], wed20);
    expect(quiet.announce).toEqual([]);
    const later = decideReminder(quiet.state, on, ['a', 'b', 'c'], wed10 + 24 * HOUR);
    expect(later.announce).toEqual(['b', 'c']);
  });

  it('show at most N a week', () => {
    const r = { ...on, maxPerWeek: 2 };
    let state = { knownPostIds: [] as string[], shownAt: [] as number[] };
    const shown: string[][] = [];
    for (let i = 0; i < 4; i++) {
      const d = decideReminder(state, r, [...state.knownPostIds, `p${i}`], wed10 + i * HOUR);
      shown.push(d.announce);
      state = d.state;
    }
    expect(shown.filter((a) => a.length > 0)).toHaveLength(2);
    // A week after the first, one more is allowed (the pending posts come in it).
    const nextWeek = decideReminder(state, r, state.knownPostIds.concat('p9'), wed10 + 7 * 24 * HOUR + HOUR / 2);
    expect(nextWeek.announce.length).toBeGreaterThan(0);
  });

  it('remember posts while off, so turning reminders on replays nothing', () => {
    const off = decideReminder({ knownPostIds: [], shownAt: [] }, DEFAULT_SETTINGS.reminders, ['a', 'b'], wed10);
    expect(off.announce).toEqual([]);
    expect(decideReminder(off.state, on, ['a', 'b'], wed10).announce).toEqual([]);
  });
});
