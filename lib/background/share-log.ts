import type { SharewiseDB } from '../db';
import type { DetectedShare } from '../detect/types';
import type { FeedPost } from '../feed/schema';
import type { ShareLogResult } from '../messaging/protocol';
import { isTracking, type Settings } from '../settings/schema';
import { extractUrls, INTENT_WINDOW_MS, keptLinks, matchPostByUrls, pickIntent } from '../share-match';
import type { Share } from '../shares';
import { applyStats, statDeltas, summaryTables } from '../stats';

export interface ShareLogContext {
  settings: Settings;
  posts: FeedPost[];
  now: number;
  newId: () => string;
}

/** Dedupe keys are kept a day: long enough for any retry, short enough to stay small. */
const SEEN_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Logs one detected share (already validated) unless settings forbid it or it was logged before.
 * Attribution: a link to an approved post in the text wins; else a pending one-click intent.
 */
export async function logDetectedShare(
  db: SharewiseDB,
  detected: DetectedShare,
  ctx: ShareLogContext,
): Promise<ShareLogResult> {
  if (!isTracking(ctx.settings, detected.network, ctx.now)) {
    return { logged: false, reason: 'tracking is off or paused' };
  }
  const urls = extractUrls(detected.text);
  return db.transaction('rw', [db.shares, ...summaryTables(db), db.intents, db.seen], async () => {
    if (await db.seen.get(detected.submissionId)) return { logged: false, reason: 'already logged' };

    const linked = matchPostByUrls(urls, ctx.posts, detected.network);
    let postId = linked?.id ?? null;
    const recentIntents = await db.intents.where('at').above(ctx.now - INTENT_WINDOW_MS).toArray();
    const intent = pickIntent(recentIntents, detected.network, ctx.now);
    if (postId === null && intent) postId = intent.postId;
    // An intent is used up by the share it explains, so a later own post is not credited to it.
    if (intent && intent.postId === postId && intent.id !== undefined) await db.intents.delete(intent.id);

    const share: Share = {
      id: ctx.newId(),
      at: ctx.now,
      network: detected.network,
      kind: detected.kind,
      postId,
      surface: detected.surface,
      // Without kept text, the links the employee wrote are not kept either (they are their text).
      urls: ctx.settings.keepText ? urls : keptLinks(urls, linked),
      ...(ctx.settings.keepText && detected.text ? { text: detected.text } : {}),
    };
    await db.shares.add(share);
    await applyStats(db, statDeltas([share], 1));
    await db.seen.put({ key: detected.submissionId, at: ctx.now });
    await db.seen.where('at').below(ctx.now - SEEN_TTL_MS).delete();
    return { logged: true, id: share.id };
  });
}
