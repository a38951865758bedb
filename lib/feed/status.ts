export type FeedStatus =
  | { kind: 'loading' }
  /** The built-in demo: the UI must say it is a demo, not the employer's feed. */
  | { kind: 'demo' }
  | { kind: 'company'; url: string; fetchedAt: number | null; error: { message: string; since: number } | null }
  /** A company feed is configured but none could be loaded yet. */
  | { kind: 'unavailable'; url: string | null; error: { message: string; since: number } | null };

/**
 * What the popup should say about the feed: whose it is, and what went wrong since when. Pure, for
 * the popup/options to render from the feedCache row they read with useLiveQuery.
 */
export function feedStatus(
  row:
    | {
        feed: unknown;
        source: string | null;
        fetchedAt: number | null;
        error?: { message: string; since: number } | null;
      }
    | undefined,
): FeedStatus {
  if (!row) return { kind: 'loading' };
  if (row.source === 'demo' && row.feed) return { kind: 'demo' };
  if (row.feed && row.source)
    return { kind: 'company', url: row.source, fetchedAt: row.fetchedAt, error: row.error ?? null };
  return { kind: 'unavailable', url: row.source, error: row.error ?? null };
}
