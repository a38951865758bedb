import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Feed } from './feed/schema';
import type { Report } from './report/build';
import type { Network, Share } from './shares';
import { rebuildStats, type DailyStat, type DayTotal, type PeriodPost } from './stats';

export const DB_NAME = 'sharewise';

/** The last good feed and what happened on the latest attempt to get a newer one. */
export interface FeedCacheRow {
  key: 'current';
  feed: Feed | null;
  /** Where `feed` came from: 'demo' or the feed URL. */
  source: string | null;
  fetchedAt: number | null;
  /** SHA-256 (hex) of the body `feed` was read from: an unchanged feed is recognised by it. */
  bodyHash?: string;
  /** Written by earlier versions (a server-chosen token); dropped at the next sync. */
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

/** A report waiting to be delivered. `key` is its idempotency key (install + period), unique. */
export interface OutboxRow {
  id?: number;
  key: string;
  endpoint: string;
  period: { kind: 'week' | 'month'; start: number; end: number };
  report: Report;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
}

/** Every delivery attempt that left the browser: shown to the employee in options. */
export interface SentLogRow {
  id?: number;
  at: number;
  key: string;
  endpoint: string;
  payload: Report;
  ok: boolean;
  /** HTTP status, or null when no response arrived (timeout, connection dropped). */
  status: number | null;
  /** The response body (trimmed) or the network error. */
  response: string;
  /**
   * Failed attempts of this report in a row, collapsed into this entry (absent: one); `firstAt` is the
   * first of them, `at` the latest. A failing server adds one entry per report, not one per retry.
   */
  attempts?: number;
  firstAt?: number;
}

/** A page the employee suggests for the company feed; sent only when they choose to send it. */
export interface SuggestionRow {
  id?: number;
  at: number;
  url: string;
  title: string;
  note: string;
  status: 'draft' | 'queued' | 'sent';
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
  3: {
    outbox: '++id, &key, nextAttemptAt',
    sentLog: '++id, at',
    suggestions: '++id, at, status',
  },
  4: {
    dailyStats: '[day+network+postKey], day, [postKey+network]',
    dayTotals: '[day+network], day',
    periodPosts: '[period+network+postKey], period',
  },
  5: {
    shares: 'id, at, [network+at], postId, permalink',
  },
} as const;

export class SharewiseDB extends Dexie {
  shares!: EntityTable<Share, 'id'>;
  feedCache!: EntityTable<FeedCacheRow, 'key'>;
  intents!: EntityTable<IntentRow, 'id'>;
  seen!: EntityTable<SeenRow, 'key'>;
  outbox!: EntityTable<OutboxRow, 'id'>;
  sentLog!: EntityTable<SentLogRow, 'id'>;
  suggestions!: EntityTable<SuggestionRow, 'id'>;
  dailyStats!: Table<DailyStat, [string, Network, string]>;
  dayTotals!: Table<DayTotal, [string, Network]>;
  periodPosts!: Table<PeriodPost, [string, Network, string]>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_VERSIONS[1]);
    // v2: per-network and per-post indexes (range queries instead of scans), feed cache, intents, dedupe keys.
    // Adding indexes needs no data change: Dexie re-indexes existing rows during the upgrade.
    this.version(2).stores(SCHEMA_VERSIONS[2]);
    // v3: reporting — outbox (unique idempotency key), sent log, page suggestions. New tables only.
    this.version(3).stores(SCHEMA_VERSIONS[3]);
    // v4: the share log's summary (lib/stats.ts: per local day, network and post; day totals; posts
    // per week and month), so the popup reads a few hundred rows instead of every share of the
    // period. Built here from the shares already logged; from then on the share repository
    // (lib/shares-repo.ts) updates it with every write of `shares`, in the same transaction.
    this.version(4).stores(SCHEMA_VERSIONS[4]).upgrade(rebuildStats);
    // v5: shares keep the new post's permalink (indexed: the dedupe key across the page signal, the
    // request signal and claims) and which signals confirmed them. Every share logged before was seen
    // by the page alone.
    this.version(5)
      .stores(SCHEMA_VERSIONS[5])
      .upgrade((tx) =>
        tx
          .table<Share>('shares')
          .toCollection()
          .modify((share) => {
            share.signals ??= ['page'];
          }),
      );
  }
}

let instance: SharewiseDB | undefined;
/** The extension's database. Only the background writes it; extension pages read it. */
export function getDb(): SharewiseDB {
  instance ??= new SharewiseDB();
  return instance;
}
