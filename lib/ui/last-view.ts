import type { TrackingState } from './tracking-state';

/**
 * The popup's last view: the HTML of its first complete render, kept in the extension's own
 * localStorage (synchronous, so a tiny script can paint it before React and the database have
 * loaded). It is shown only while nothing it shows can have changed:
 * - the background changes `VIEW_STAMP_KEY` after every write the popup reads (feed, share summary,
 *   settings, storage problem; lib/background/view-stamp.ts), and the view keeps the stamp it was
 *   rendered under;
 * - it expires at the next local midnight (posts expire and periods turn over at day boundaries) or
 *   when a pause ends, whichever is sooner;
 * - it is for one UI language.
 * The live render replaces it moments later either way; this only spares the employee a blank popup.
 */
export const LAST_VIEW_KEY = 'sharewise.lastView';
export const VIEW_STAMP_KEY = 'viewStamp';
/** performance.mark() name set when the last view was painted. */
export const LAST_VIEW_MARK = 'sharewise:last-view';

export interface LastView {
  v: 1;
  html: string;
  stamp: string;
  lang: string;
  /** ms epoch after which the view may be out of date whatever the stamp says. */
  until: number;
}

/** Until when a render made at `now` stays true without any write: the next local midnight, or the end of a pause. */
export function viewUntil(now: number, tracking: TrackingState): number {
  const d = new Date(now);
  const midnight = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
  return tracking.state === 'paused' && tracking.until !== null ? Math.min(midnight, tracking.until) : midnight;
}

/** The stored view if it is well formed, for this language and not expired; null otherwise. */
export function readLastView(raw: string | null, lang: string, now: number): LastView | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<LastView> | null;
    if (v?.v !== 1 || typeof v.html !== 'string' || typeof v.stamp !== 'string' || typeof v.until !== 'number') return null;
    return v.lang === lang && now < v.until ? (v as LastView) : null;
  } catch {
    return null;
  }
}

/** Stores the view; a full or unavailable localStorage only costs the next open its head start. */
export function saveLastView(storage: Storage, view: Omit<LastView, 'v'>): void {
  try {
    storage.setItem(LAST_VIEW_KEY, JSON.stringify({ v: 1, ...view } satisfies LastView));
  } catch {
    // Not worth an error: the popup renders live anyway.
  }
}

export function forgetLastView(storage: Storage): void {
  try {
    storage.removeItem(LAST_VIEW_KEY);
  } catch {
    // localStorage unavailable: nothing stored either.
  }
}

/**
 * Paints the stored view into the page's `#root` when its stamp is still the current one (`stamp`
 * resolves the stored stamp). Runs from the page's head, before the body is parsed: while it checks,
 * and while the painted view is up, `<html data-view>` says so ("checking", then "last"). The painted
 * copy is inert — the live render, which attaches the handlers, replaces it. A view whose stamp is out
 * of date is deleted at once. Resolves whether it painted.
 */
export async function paintLastView(
  doc: Document,
  storage: Storage,
  lang: string,
  now: number,
  stamp: () => Promise<unknown>,
): Promise<boolean> {
  let raw: string | null;
  try {
    raw = storage.getItem(LAST_VIEW_KEY);
  } catch {
    return false;
  }
  const view = readLastView(raw, lang, now);
  if (!view) {
    if (raw) forgetLastView(storage);
    return false;
  }
  const html = doc.documentElement;
  html.dataset.view = 'checking';
  const current = await stamp().catch(() => undefined);
  const root =
    doc.getElementById('root') ??
    (await new Promise<HTMLElement | null>((ok) => doc.addEventListener('DOMContentLoaded', () => ok(doc.getElementById('root')), { once: true })));
  // The live render may have arrived first: never cover it.
  if (html.dataset.view !== 'checking' || !root || root.hasChildNodes()) return false;
  if (current !== view.stamp) {
    delete html.dataset.view;
    forgetLastView(storage);
    return false;
  }
  // Parsed, not assigned as innerHTML: the markup is React's own escaped output, and stays inert.
  const body = new DOMParser().parseFromString(`<body>${view.html}</body>`, 'text/html').body;
  root.inert = true;
  root.replaceChildren(...body.childNodes);
  html.dataset.view = 'last';
  // Visible in the browser's performance tools (and to the e2e tests, after the live render).
  performance.mark(LAST_VIEW_MARK);
  return true;
}
