import type { SharewiseDB } from '../db';
import type { DetectedShare } from '../detect/types';
import type { FeedPost } from '../feed/schema';
import type { ShareLogResult } from '../messaging/protocol';
import { isTracking, type Settings } from '../settings/schema';
import { extractUrls, INTENT_WINDOW_MS, keptLinks, matchPostByUrls, pickIntent } from '../share-match';
import type { Network, Share, ShareKind, Signal, Surface } from '../shares';
import { addShares, logTables, updateDetails } from '../shares-repo';

export interface ShareLogContext {
  settings: Settings;
  posts: FeedPost[];
  now: number;
  newId: () => string;
}

/** One share to log, whichever signals (lib/background/signals.ts) or claim produced it. */
export interface ShareInput {
  network: Network;
  kind: ShareKind;
  surface: Surface;
  text: string;
  /** The page's submission id: a retry of the same submit logs once. */
  submissionId?: string;
  signals: Signal[];
  /** Canonical (lib/permalink.ts): a post already logged under it is not logged again. */
  permalink?: string;
  /** Set by a claim (the employee picked the approved post, or none); otherwise attributed here. */
  postId?: string | null;
  /** When it was seen to go out, if earlier than now (a signal that waited for the other). */
  at?: number;
}

/** Dedupe keys are kept a day: long enough for any retry, short enough to stay small. */
const SEEN_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Logs one share unless settings forbid it or it was logged before (same submission or permalink).
 * Attribution: a link to an approved post in the text wins; else a pending one-click intent. A claim
 * names its post itself and is the employee's explicit act, so tracking settings do not stop it.
 */
export async function logShare(db: SharewiseDB, input: ShareInput, ctx: ShareLogContext): Promise<ShareLogResult> {
  const manual = input.surface === 'manual';
  if (!manual && !isTracking(ctx.settings, input.network, ctx.now)) {
    return { logged: false, reason: 'tracking is off or paused' };
  }
  const urls = extractUrls(input.text);
  return db.transaction('rw', [...logTables(db), db.intents, db.seen], async () => {
    if (input.submissionId && (await db.seen.get(input.submissionId)))
      return { logged: false, reason: 'already logged' };
    if (input.permalink && (await db.shares.where('permalink').equals(input.permalink).count())) {
      return { logged: false, reason: 'already logged' };
    }

    let postId: string | null;
    let linked: FeedPost | null = null;
    if (input.postId !== undefined) {
      postId = input.postId;
    } else {
      linked = matchPostByUrls(urls, ctx.posts, input.network);
      postId = linked?.id ?? null;
      const recentIntents = await db.intents
        .where('at')
        .above(ctx.now - INTENT_WINDOW_MS)
        .toArray();
      const intent = pickIntent(recentIntents, input.network, ctx.now);
      if (postId === null && intent) postId = intent.postId;
      // An intent is used up by the share it explains, so a later own post is not credited to it.
      if (intent && intent.postId === postId && intent.id !== undefined) await db.intents.delete(intent.id);
    }

    const share: Share = {
      id: ctx.newId(),
      at: Math.min(input.at ?? ctx.now, ctx.now),
      network: input.network,
      kind: input.kind,
      postId,
      surface: input.surface,
      // Without kept text, the links the employee wrote are not kept either (they are their text).
      urls: ctx.settings.keepText ? urls : keptLinks(urls, linked),
      ...(ctx.settings.keepText && input.text ? { text: input.text } : {}),
      ...(input.permalink ? { permalink: input.permalink } : {}),
      signals: input.signals,
    };
    await addShares(db, [share]);
    if (input.submissionId) await db.seen.put({ key: input.submissionId, at: ctx.now });
    await db.seen
      .where('at')
      .below(ctx.now - SEEN_TTL_MS)
      .delete();
    return { logged: true, id: share.id };
  });
}

/**
 * The page confirmed a share the request signal had already logged alone: note the second signal
 * (and the permalink, if the page revealed one), and remember the submission so its retries log nothing.
 */
export async function addPageSignal(
  db: SharewiseDB,
  shareId: string,
  page: { submissionId: string; permalink?: string },
  now: number,
): Promise<ShareLogResult> {
  return db.transaction('rw', [db.shares, db.seen], async () => {
    const share = await db.shares.get(shareId);
    if (!share) return { logged: false, reason: 'the share was deleted' };
    const signals: Signal[] = share.signals?.includes('page') ? share.signals : [...(share.signals ?? []), 'page'];
    const permalink = share.permalink ?? page.permalink;
    await updateDetails(db, shareId, { signals, ...(permalink ? { permalink } : {}) });
    await db.seen.put({ key: page.submissionId, at: now });
    return { logged: false, reason: 'already logged' };
  });
}

/** A page signal on its own (kept for callers and tests that log without the request signal). */
export function logDetectedShare(
  db: SharewiseDB,
  detected: DetectedShare,
  ctx: ShareLogContext,
): Promise<ShareLogResult> {
  return logShare(
    db,
    {
      network: detected.network,
      kind: detected.kind,
      surface: detected.surface,
      text: detected.text,
      submissionId: detected.submissionId,
      signals: ['page'],
      ...(detected.permalink ? { permalink: detected.permalink } : {}),
    },
    ctx,
  );
}
