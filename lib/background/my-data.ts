import { browser } from 'wxt/browser';
import { getDb, type SharewiseDB } from '../db';
import { onMessage } from '../messaging/protocol';
import {
  DeleteAllDataSchema,
  DeleteShareSchema,
  ForgetTextsSchema,
  ImportSharesSchema,
  isExtensionPageSender,
  validate,
} from '../messaging/validate';
import { dedupeById } from '../data/import';
import type { Share } from '../shares';
import { applyStats, statDeltas, summaryTables } from '../stats';

export async function deleteShare(db: SharewiseDB, id: string): Promise<boolean> {
  return db.transaction('rw', [db.shares, ...summaryTables(db)], async () => {
    const share = await db.shares.get(id);
    if (!share) return false;
    await db.shares.delete(id);
    await applyStats(db, statDeltas([share], -1));
    return true;
  });
}

/**
 * Deletes everything recorded about the employee: shares and their daily summary, pending intents
 * and dedupe keys, reports waiting to be sent, the sent log and page suggestions. The company feed
 * and settings stay.
 */
export async function deleteAllData(db: SharewiseDB): Promise<void> {
  const tables = [db.shares, ...summaryTables(db), db.intents, db.seen, db.outbox, db.sentLog, db.suggestions];
  await db.transaction('rw', tables, () => Promise.all(tables.map((t) => t.clear())));
}

/** Adds the shares not already on this device (by id), in one transaction: all or nothing. */
export async function importShares(db: SharewiseDB, shares: Share[]): Promise<{ added: number; skipped: number }> {
  const unique = dedupeById(shares).shares;
  return db.transaction('rw', [db.shares, ...summaryTables(db)], async () => {
    const existing = await db.shares.bulkGet(unique.map((s) => s.id));
    const fresh = unique.filter((_, i) => existing[i] === undefined);
    await db.shares.bulkAdd(fresh);
    await applyStats(db, statDeltas(fresh, 1));
    return { added: fresh.length, skipped: shares.length - fresh.length };
  });
}

/** Removes the post text kept with past shares (after the employee stops keeping text). */
export async function forgetTexts(db: SharewiseDB): Promise<number> {
  return db.shares.filter((s) => s.text !== undefined).modify((s) => {
    delete s.text;
  });
}

/** Handlers for the options page's "My data": validated payloads, extension pages only. */
export function setupMyData(): void {
  const db = getDb();
  const extensionOrigin = browser.runtime.getURL('/');

  onMessage('ui:deleteShare', async ({ data, sender }) => {
    const msg = validate(DeleteShareSchema, data);
    if (!msg.ok) return { rejected: msg.error };
    if (!isExtensionPageSender(sender, extensionOrigin)) return { rejected: 'sender is not an extension page' };
    return { ok: true, deleted: await deleteShare(db, msg.data.id) };
  });

  onMessage('ui:deleteAllData', async ({ data, sender }) => {
    const msg = validate(DeleteAllDataSchema, data);
    if (!msg.ok) return { rejected: msg.error };
    if (!isExtensionPageSender(sender, extensionOrigin)) return { rejected: 'sender is not an extension page' };
    await deleteAllData(db);
    return { ok: true };
  });

  onMessage('ui:forgetTexts', async ({ data, sender }) => {
    const msg = validate(ForgetTextsSchema, data);
    if (!msg.ok) return { rejected: msg.error };
    if (!isExtensionPageSender(sender, extensionOrigin)) return { rejected: 'sender is not an extension page' };
    return { ok: true, changed: await forgetTexts(db) };
  });

  onMessage('ui:importShares', async ({ data, sender }) => {
    const msg = validate(ImportSharesSchema, data);
    if (!msg.ok) return { rejected: msg.error };
    if (!isExtensionPageSender(sender, extensionOrigin)) return { rejected: 'sender is not an extension page' };
    return { ok: true, ...(await importShares(db, msg.data.shares)) };
  });
}
