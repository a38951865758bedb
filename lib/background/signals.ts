import type { CreateRequest } from '../detect/request';
import { provesAlone } from '../detect/request';
import type { Network, ShareKind, Signal } from '../shares';

/*
 * How the two detection signals combine. Pure rules; lib/background/requests.ts feeds them.
 *
 * The page signal (a content script saw a submit and the site's own outcome) can be faked by a
 * compromised page and breaks when markup changes. The request signal (the tab's create request, read
 * by webRequest) names what happened in every layout and language, but on X a completed request is
 * not proof: X answers a rejected duplicate with HTTP 200 and the error in a body we never read.
 *
 * - X: a share needs both. The request's body decides the kind (a "post" the page saw that the
 *   request calls a reply, a schedule or an edit is not logged). A request with no page signal is not
 *   logged (it may be a rejection) but noted for self-diagnosis, unless it repeats a share just logged
 *   in that tab (a double click the site rejected).
 * - LinkedIn, classic composer (normShares, voyagerContentcreationDashShares): a 2xx answer is the
 *   publish confirmation, so the request alone logs, after a short wait for the page to pair with it.
 *   A page signal there needs the request (a fake composer sends none).
 * - LinkedIn, server-driven layout: its composer's publish request is not publicly known, so its page
 *   signal counts alone (after the same short wait, in case a known request pairs). Its instant repost
 *   (createInstantRepost) is known, so a repost there needs its request, as on X.
 * Either way a disagreement (one signal without the other where both are expected) leaves a local,
 * content-free note (lib/background/diagnostics.ts), and the employee can claim a missed share.
 */

/** A page signal pairs with a request of its tab started at most this long before it arrived. */
export const PAIR_WINDOW_MS = 2 * 60_000;
/**
 * A page signal with no request in its tab yet waits this long for one to start: the request's events
 * reach the background on their own path, and on a busy or just-started browser after the page's message.
 */
export const START_GRACE_MS = 5_000;
/** …and this long for a request of its tab that is still in flight. */
export const IN_FLIGHT_WAIT_MS = 20_000;
/** A completed request waits this long for its page signal before it is judged alone. */
export const ALONE_AFTER_MS = 6_000;
/** A lone request this soon after a share logged in its tab, of the same kind, is a retry the site rejected. */
export const RETRY_WINDOW_MS = 60_000;

export interface TabRequest {
  id: string;
  tabId: number;
  req: CreateRequest;
  /** When the browser sent it (webRequest's timeStamp), not when the background heard of it. */
  startedAt: number;
  state: 'in-flight' | 'ok' | 'failed';
  endedAt?: number;
  /** Set once the request has been used: paired with a page signal, or judged alone (shareId if that logged). */
  used?: { by: 'page' | 'alone'; shareId?: string };
  /**
   * Read back in flight from a stopped service worker's store: its end may have been heard (and lost)
   * by that worker, so it may never end here.
   */
  restored?: true;
}

export interface PageSignal {
  network: Network;
  kind: ShareKind;
  layout?: string;
  /** What the page saw as the site's outcome (lib/detect/types.ts `Confirmation`). */
  confirmedBy?: string;
}

/**
 * The latest start of a request that can be this page signal's. Normally the page sees the outcome
 * after the site answered, so its request started before the signal arrived (a later one is the next
 * post's). X Premium's undo is the exception: the end of the "Sending post…" countdown, which is the
 * page's outcome, is when the site sends the request, so it may start just after.
 */
export function latestStartFor(page: PageSignal, arrivedAt: number): number {
  return page.confirmedBy === 'undo-elapsed' ? arrivedAt + START_GRACE_MS : arrivedAt;
}

export type PageVerdict =
  | { type: 'wait' }
  | { type: 'log'; kind: ShareKind; signals: Signal[]; request?: TabRequest }
  | { type: 'merge'; shareId: string; request: TabRequest }
  | { type: 'drop'; reason: string; request?: TabRequest; diagnose?: 'page-without-request' };

export type AloneVerdict =
  { type: 'log'; kind: ShareKind } | { type: 'drop'; reason: string; diagnose?: 'request-without-page' };

const SHARE_KINDS = new Set<string>(['post', 'quote', 'repost']);
export const isShareKind = (kind: string): kind is ShareKind => SHARE_KINDS.has(kind);

/**
 * Whether the site's create request for this page signal is known, so the page alone cannot count.
 * Content scripts that predate layouts (no `layout`) only knew the classic LinkedIn composers.
 */
export function requestKnown(page: PageSignal): boolean {
  if (page.network === 'x') return true;
  return page.layout !== 'linkedin-sdui' || page.kind === 'repost';
}

function newest(list: TabRequest[]): TabRequest | undefined {
  return list.reduce<TabRequest | undefined>(
    (best, r) => (!best || r.startedAt > best.startedAt ? r : best),
    undefined,
  );
}

/**
 * Decides a page signal from the requests seen in its tab. `arrivedAt` is when the page signal came;
 * `now` is when it is judged (again, after each request event while it waits).
 */
export function judgePage(
  page: PageSignal,
  requests: TabRequest[],
  t: { now: number; arrivedAt: number },
): PageVerdict {
  // Only requests that went out before the page saw the outcome: a later one (the next post, in the
  // same tab) is not this signal's, however soon it ends.
  const recent = requests.filter(
    (r) =>
      r.req.network === page.network &&
      r.startedAt <= latestStartFor(page, t.arrivedAt) &&
      r.startedAt >= t.arrivedAt - PAIR_WINDOW_MS,
  );
  // A share request judged alone stays open to its page signal: one that logged is merged, one only
  // noted (the page was slow, e.g. its message was resent while the service worker restarted) still
  // pairs. A reply, schedule or edit judged alone is done: it must not veto a later post.
  const open = recent.filter(
    (r) => r.state === 'ok' && (!r.used || (r.used.by === 'alone' && isShareKind(r.req.kind))),
  );
  // The same kind first, then any share (the request's body knows better than the markup, e.g. a quote
  // composer the page took for a plain post).
  const share =
    newest(open.filter((r) => r.req.kind === page.kind)) ?? newest(open.filter((r) => isShareKind(r.req.kind)));
  if (share) {
    if (share.used?.shareId) return { type: 'merge', shareId: share.used.shareId, request: share };
    return { type: 'log', kind: share.req.kind as ShareKind, signals: ['page', 'request'], request: share };
  }
  // Before a reply the page took for a post can veto it, let this signal's own request arrive and end.
  const waited = t.now - t.arrivedAt;
  if (recent.some((r) => r.state === 'in-flight' && !r.restored) && waited < IN_FLIGHT_WAIT_MS) return { type: 'wait' };
  if (waited < START_GRACE_MS) return { type: 'wait' };
  // A share request a stopped worker saw go out and whose end it took with it: the page has shown the
  // site's outcome, so the site answered it (its body, read when it went out, says what it was).
  const lost = newest(
    recent.filter((r) => r.state === 'in-flight' && r.restored && !r.used && isShareKind(r.req.kind)),
  );
  if (lost && open.length === 0)
    return { type: 'log', kind: lost.req.kind as ShareKind, signals: ['page', 'request'], request: lost };
  const other = newest(open);
  if (other) return { type: 'drop', reason: `the site's create request was a ${other.req.kind}`, request: other };
  if (!requestKnown(page)) return { type: 'log', kind: page.kind, signals: ['page'] };
  if (recent.some((r) => r.state === 'failed' && !r.used))
    return { type: 'drop', reason: "the site's create request failed" };
  return { type: 'drop', reason: 'no create request of the site confirmed it', diagnose: 'page-without-request' };
}

/** Decides a completed request that no page signal has claimed within ALONE_AFTER_MS. */
export function judgeAlone(request: TabRequest, requests: TabRequest[]): AloneVerdict {
  const { kind, endpoint } = request.req;
  if (request.state !== 'ok') return { type: 'drop', reason: 'the request failed' };
  if (!isShareKind(kind)) return { type: 'drop', reason: `a ${kind} is not a share` };
  if (provesAlone(endpoint)) return { type: 'log', kind };
  const retry = requests.some(
    (r) =>
      r !== request &&
      r.tabId === request.tabId &&
      r.used?.by === 'page' &&
      r.req.kind === kind &&
      Math.abs(r.startedAt - request.startedAt) <= RETRY_WINDOW_MS,
  );
  if (retry) return { type: 'drop', reason: 'a repeat of a share just logged' };
  return { type: 'drop', reason: 'no page signal confirmed it', diagnose: 'request-without-page' };
}
