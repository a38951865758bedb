import Dexie, { type EntityTable } from 'dexie';
import type { Feed } from './feed/schema';
import type { Network, Share } from './shares';

export const DB_NAME = 'sharewise';

/** The last good feed and what happened on the latest attempt to get a newer one. */
export interface FeedCacheRow {
  key: 'current';
  feed: Feed | null;
  /** Where `feed` came from: 'demo' or the feed URL. */
  source: string | null;
  fetchedAt: number | null;
  etag?: string;
  lastAttemptAt?: number;
  /** Set when the latest attempt failed; the previous `feed` stays in use. */
  error?: { message: string; since: number } | null;
}

/** The popup's one-click share: recorded before the share page opens, matched by network. */
export interface IntentRow {
  id?: number;
  at: number;
  network: Network;
  postId: string;
}

/** A submission already logged (by its content-script submission id), so a retry logs nothing. */
export interface SeenRow {
  key: string;
  at: number;
}

/**
 * Schema history. Every change is a new version entry (never edit an old one) with an upgrade
 * that is tested against data written by the previous version.
 */
export const SCHEMA_VERSIONS = {
  1: { shares: 'id, at' },
  2: {
    shares: 'id, at, [network+at], postId',
    feedCache: 'key',
    intents: '++id, at, network',
    seen: 'key, at',
  },
} as const;

export class SharewiseDB extends Dexie {
  shares!: EntityTable<Share, 'id'>;
  feedCache!: EntityTable<FeedCacheRow, 'key'>;
  intents!: EntityTable<IntentRow, 'id'>;
  seen!: EntityTable<SeenRow, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_VERSIONS[1]);
    // v2: per-network and per-post indexes (range queries instead of scans), feed cache, intents, dedupe keys.
    // Adding indexes needs no data change: Dexie re-indexes existing rows during the upgrade.
    this.version(2).stores(SCHEMA_VERSIONS[2]);
  }
}

let instance: SharewiseDB | undefined;
/** The extension's database. Only the background writes it; extension pages read it. */
export function getDb(): SharewiseDB {
  instance ??= new SharewiseDB();
  return instance;
}
