/**
 * Whether local logging is on, paused or off, read from the raw stored settings without zod (zod
 * stays out of the popup bundle). Mirrors readSettings/isTracking in lib/settings/schema.ts: anything
 * unreadable means the safe defaults, i.e. logging on.
 */
export type TrackingState = { state: 'on' } | { state: 'off' } | { state: 'paused'; until: number | null };

export function trackingState(raw: unknown, now: number): TrackingState {
  const t = raw as { schemaVersion?: unknown; tracking?: Record<string, unknown> } | null | undefined;
  // Versions 1 and 2 share the `tracking` shape (lib/settings/migrations); a newer one is not guessed at.
  const known = t?.schemaVersion === 1 || t?.schemaVersion === 2;
  if (!t || !known || typeof t.tracking !== 'object' || t.tracking === null) return { state: 'on' };
  const { enabled, paused, pausedUntil } = t.tracking;
  if (enabled === false) return { state: 'off' };
  if (paused === true) {
    const until = typeof pausedUntil === 'number' ? pausedUntil : null;
    if (until === null || now < until) return { state: 'paused', until };
  }
  return { state: 'on' };
}
