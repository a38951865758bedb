import type { SharewiseDB } from '../db';
import type { ClaimResult } from '../messaging/protocol';
import { parsePermalink } from '../permalink';
import { logShare, type ShareLogContext } from './share-log';

/**
 * The employee claims a share Sharewise missed, by the link of their post and the approved post it
 * was for (or none). Logged with `surface: 'manual'` and no signals; a link already logged (by either
 * signal or an earlier claim) is refused. Counts for progress like any share.
 */
export async function claimShare(
  db: SharewiseDB,
  claim: { link: string; postId: string | null },
  ctx: ShareLogContext,
): Promise<ClaimResult> {
  const parsed = parsePermalink(claim.link);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const { network, url } = parsed.permalink;
  if (claim.postId !== null && !ctx.posts.some((p) => p.id === claim.postId))
    return { ok: false, problem: 'unknown-post' };
  const result = await logShare(
    db,
    { network, kind: 'post', surface: 'manual', text: '', signals: [], permalink: url, postId: claim.postId },
    ctx,
  );
  return result.logged ? { ok: true, id: result.id } : { ok: false, problem: 'already-logged' };
}
