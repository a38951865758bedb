import type { SharewiseDB } from './db';
import type { Share } from './shares';
import { applyStats, statDeltas, summaryTables } from './stats';

/**
 * The share log's repository: the only code that adds, changes or deletes rows of `shares`, and it
 * updates the log's summary (lib/stats.ts) in the same transaction, so the summary can never disagree
 * with the log. Reads go to the tables directly. A caller may wrap these in its own 'rw' transaction
 * (to check and write other tables atomically with the log) if that includes `logTables(db)`.
 */

/** The tables a transaction around a write of the log must include. */
export const logTables = (db: SharewiseDB) => [db.shares, ...summaryTables(db)];

/** What may change in a logged share: not when, where or for which post it counts (the summary's keys). */
export type ShareDetails = Omit<Share, 'id' | 'at' | 'network' | 'postId'>;

/** Adds the shares whose ids are not logged yet (the first of each id), all or nothing; returns those added. */
export async function addShares(db: SharewiseDB, shares: Share[]): Promise<Share[]> {
  const ids = new Set<string>();
  const unique = shares.filter((s) => !ids.has(s.id) && ids.add(s.id));
  return db.transaction('rw', logTables(db), async () => {
    const existing = await db.shares.bulkGet(unique.map((s) => s.id));
    const fresh = unique.filter((_, i) => existing[i] === undefined);
    await db.shares.bulkAdd(fresh);
    await applyStats(db, statDeltas(fresh, 1));
    return fresh;
  });
}

/** Deletes one share; false when there was none with that id. */
export async function deleteShare(db: SharewiseDB, id: string): Promise<boolean> {
  return db.transaction('rw', logTables(db), async () => {
    const share = await db.shares.get(id);
    if (!share) return false;
    await db.shares.delete(id);
    await applyStats(db, statDeltas([share], -1));
    return true;
  });
}

/** Changes details of one share (its signals, permalink…); false when there was none with that id. */
export async function updateDetails(db: SharewiseDB, id: string, changes: Partial<ShareDetails>): Promise<boolean> {
  return (await db.shares.update(id, changes)) > 0;
}

/**
 * Rewrites the details of the shares `which` selects with `rewrite` (a share's text, links…);
 * returns how many changed. The summary's keys are kept whatever `rewrite` returns.
 */
export async function rewriteDetails(
  db: SharewiseDB,
  which: (share: Share) => boolean,
  rewrite: (share: Share) => ShareDetails,
): Promise<number> {
  return db.shares.filter(which).modify((s, ref) => {
    const next = { ...rewrite(s) } as Share;
    next.id = s.id;
    next.at = s.at;
    next.network = s.network;
    next.postId = s.postId;
    ref.value = next;
  });
}
