import type { FeedCacheRow } from '../db';
import type { FeedPost } from '../feed/schema';
import { activePosts } from '../feed/select';
import type { Network } from '../shares';
import type { DayTotal, PeriodPost } from '../stats';
import type { StorageProblem } from '../storage-problem';
import { trackingState, type TrackingState } from './tracking-state';
import type { PopupData } from './popup-data';

/**
 * Everything the popup shows, in one storage.local key the background keeps current
 * (lib/background/snapshot.ts): the popup reads this key and follows its changes, and opens no
 * database. Built by `buildSnapshot` (pure) from what lib/ui/popup-data.ts reads; read back by
 * `popupView` (pure), which applies the moment of opening (expired posts, a pause that ended, the
 * current week and period — lib/progress.ts computes those from the summary rows it holds).
 * Plain JSON, no zod: the popup's script stays small.
 */
export const SNAPSHOT_KEY = 'popupSnapshot';
export const SNAPSHOT_VERSION = 1;

export interface PopupSnapshot {
  v: typeof SNAPSHOT_VERSION;
  /** The cached feed (without its cache key and ETag); null before the first feed was stored. */
  feed: Omit<FeedCacheRow, 'key' | 'etag'> | null;
  /** The share summary (lib/stats.ts) from `sinceFor` (the last 12–13 weeks and the program period). */
  summary: { totals: DayTotal[]; posts: PeriodPost[] };
  /** Networks each feed post was ever shared on (only posts with a share). */
  shared: Record<string, Network[]>;
  anyEver: boolean;
  /** settings.tracking, as stored (the popup decides at opening whether a pause is still on). */
  tracking: { enabled: boolean; paused: boolean; pausedUntil: number | null };
  reporting: { enabled: boolean; identity: 'anonymous' | 'named' };
  problem: StorageProblem | null;
  /** The database could not be read: the popup shows this instead of its content. */
  dbError: string | null;
}

/** The settings the popup shows (a subset of lib/settings Settings, which the popup does not load). */
export interface SnapshotSettings {
  tracking: PopupSnapshot['tracking'];
  reporting: { enabled: boolean; fields: { identity: 'anonymous' | 'named' } };
}

/** The snapshot of what the popup shows. Pure. */
export function buildSnapshot(
  data: PopupData,
  settings: SnapshotSettings,
  problem: StorageProblem | null,
): PopupSnapshot {
  const feed = data.row
    ? {
        feed: data.row.feed,
        source: data.row.source,
        fetchedAt: data.row.fetchedAt,
        lastAttemptAt: data.row.lastAttemptAt,
        error: data.row.error ?? null,
      }
    : null;
  const shared: Record<string, Network[]> = {};
  for (const [id, networks] of data.shared) shared[id] = [...networks].sort();
  return {
    v: SNAPSHOT_VERSION,
    feed,
    summary: data.progress,
    shared,
    anyEver: data.anyEver,
    tracking: {
      enabled: settings.tracking.enabled,
      paused: settings.tracking.paused,
      pausedUntil: settings.tracking.pausedUntil,
    },
    reporting: { enabled: settings.reporting.enabled, identity: settings.reporting.fields.identity },
    problem,
    dbError: null,
  };
}

/** What the popup shows when the background could not read the database. */
export function failedSnapshot(
  message: string,
  settings: SnapshotSettings,
  problem: StorageProblem | null,
): PopupSnapshot {
  return {
    ...buildSnapshot(
      { row: undefined, posts: [], shared: new Map(), progress: { totals: [], posts: [] }, anyEver: false },
      settings,
      problem,
    ),
    dbError: message,
  };
}

/** The stored snapshot if it is one this version of the popup reads; null otherwise (not written yet). */
export function readSnapshot(raw: unknown): PopupSnapshot | null {
  const s = raw as Partial<PopupSnapshot> | null | undefined;
  return s?.v === SNAPSHOT_VERSION &&
    typeof s.summary === 'object' &&
    typeof s.shared === 'object' &&
    typeof s.tracking === 'object'
    ? (s as PopupSnapshot)
    : null;
}

/** What the popup renders at `now`. Pure. */
export interface PopupView {
  row: PopupSnapshot['feed'];
  /** The feed's approved, unexpired posts at `now`, newest first. */
  posts: FeedPost[];
  shared: Map<string, Set<Network>>;
  progress: PopupSnapshot['summary'];
  anyEver: boolean;
  tracking: TrackingState;
  reporting: PopupSnapshot['reporting'];
  problem: StorageProblem | null;
  dbError: string | null;
}

export function popupView(s: PopupSnapshot, now: number): PopupView {
  const feed = s.feed?.feed;
  return {
    row: s.feed,
    posts: feed ? activePosts(feed, now) : [],
    shared: new Map(Object.entries(s.shared).map(([id, networks]) => [id, new Set(networks)])),
    progress: s.summary,
    anyEver: s.anyEver,
    tracking: trackingState({ schemaVersion: 1, tracking: s.tracking }, now),
    reporting: s.reporting,
    problem: s.problem,
    dbError: s.dbError,
  };
}
