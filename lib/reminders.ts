import type { Settings } from './settings/schema';

export type ReminderSettings = Settings['reminders'];

/** What the reminder logic remembers between feed updates (browser.storage.local `reminderState`). */
export interface ReminderState {
  /** Approved posts already known (announced, or present before reminders could announce them). */
  knownPostIds: string[];
  /** When reminders were shown, for the weekly limit. Only the last week is kept. */
  shownAt: number[];
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Quiet on the quiet weekdays and outside [startHour, endHour) local time. */
export function isQuietTime(r: ReminderSettings, now: number): boolean {
  const d = new Date(now);
  if (r.quietDays.includes(d.getDay())) return true;
  const hour = d.getHours();
  return hour < r.startHour || hour >= r.endHour;
}

export interface ReminderDecision {
  /** The new approved posts to announce in one notification, or empty for no notification. */
  announce: string[];
  state: ReminderState;
}

/**
 * Decides whether new approved posts deserve a notification, within the employee's limits. Pure.
 * - First run (no state): the current posts are simply remembered; nobody is told about old posts.
 * - Reminders off: posts are remembered as known, so turning reminders on does not replay them.
 * - Quiet time or weekly limit reached: the new posts stay pending and are announced at the next
 *   check that is allowed, in one notification.
 * Posts that left the feed are forgotten, so the state stays as small as the feed.
 */
export function decideReminder(
  state: ReminderState | null,
  r: ReminderSettings,
  currentPostIds: string[],
  now: number,
): ReminderDecision {
  const shownAt = (state?.shownAt ?? []).filter((t) => t > now - WEEK_MS && t <= now);
  if (state === null || !r.enabled) return { announce: [], state: { knownPostIds: [...currentPostIds], shownAt } };
  const known = new Set(state.knownPostIds);
  const fresh = currentPostIds.filter((id) => !known.has(id));
  const stillKnown = state.knownPostIds.filter((id) => currentPostIds.includes(id));
  if (fresh.length === 0 || isQuietTime(r, now) || shownAt.length >= r.maxPerWeek) {
    return { announce: [], state: { knownPostIds: stillKnown, shownAt } };
  }
  return { announce: fresh, state: { knownPostIds: [...stillKnown, ...fresh], shownAt: [...shownAt, now] } };
}
