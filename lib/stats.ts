import type { Table } from 'dexie';
import { localDate } from './period';
import type { Network } from './shares';

/**
 * The share log's summary: how many shares per local day, network and post. The background keeps
 * it exact in the same transaction as every write of `shares`, so the popup reads a few hundred of
 * these rows instead of up to 100,000 shares (progress, the 12-week chart, this week/month, by
 * network and "Shared ✓" all follow from day counts; see lib/progress `computeProgressFromDays`).
 *
 * Time zones — a decision: `day` is the employee's LOCAL calendar date (YYYY-MM-DD) at the time the
 * share is summarised, not a UTC bucket. Periods (lib/period.ts) are local calendar periods made of
 * whole local days, so day counts answer every period question exactly, across DST changes and
 * half-hour zones, with one row per day instead of 24–96 per day. The trade-off: after the employee
 * moves to another time zone, days already summarised stay where they were (a share made at 23:30
 * on the 31st in Berlin stays in that month, as the employee experienced it), while the raw log read
 * with the new zone might place it a day earlier or later. Deleting such a share then finds its row
 * on a neighbouring day (see `applyStats`); `rebuildStats` recomputes everything in the current zone.
 */
export interface DailyStat {
  /** Local calendar date, YYYY-MM-DD (sorts like the dates it names). */
  day: string;
  network: Network;
  /** The approved post's id, or '' for the employee's own content (post ids are never empty). */
  postKey: string;
  /** Shares on that day, network and post; rows that reach 0 are deleted. */
  count: number;
}

/** What a share contributes to the summary. */
export interface StatShare {
  at: number;
  network: Network;
  postId: string | null;
}

type Key = [day: string, network: Network, postKey: string];
const keyOf = (s: StatShare): Key => [localDate(s.at), s.network, s.postId ?? ''];

/** Net change per summary row for shares added (sign 1) or removed (sign -1). Pure. */
export function statDeltas(shares: StatShare[], sign: 1 | -1): DailyStat[] {
  const byKey = new Map<string, DailyStat>();
  for (const s of shares) {
    const [day, network, postKey] = keyOf(s);
    const k = `${day} ${network} ${postKey}`;
    const row = byKey.get(k);
    if (row) row.count += sign;
    else byKey.set(k, { day, network, postKey, count: sign });
  }
  return [...byKey.values()];
}

/** The summary of a whole log, in primary-key order (what the table holds after any writes). Pure. */
export function summarise(shares: StatShare[]): DailyStat[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return statDeltas(shares, 1).sort((a, b) => cmp(a.day, b.day) || cmp(a.network, b.network) || cmp(a.postKey, b.postKey));
}

/**
 * Applies deltas to the summary table. MUST run inside the caller's 'rw' transaction that also
 * writes `shares` (and includes `dailyStats`), so the summary can never disagree with the log.
 * A removal whose day row is missing (the share was summarised in another time zone) is taken
 * from the nearest neighbouring day of the same network and post.
 */
export async function applyStats(table: Table<DailyStat>, deltas: DailyStat[]): Promise<void> {
  const changes = deltas.filter((d) => d.count !== 0);
  // One bulk read and one bulk write: an import of thousands of shares touches each row once.
  const rows = await table.bulkGet(changes.map((d): Key => [d.day, d.network, d.postKey]));
  const put: DailyStat[] = [];
  const gone: Key[] = [];
  for (const [i, d] of changes.entries()) {
    let row = rows[i];
    if (!row && d.count < 0) {
      for (const day of neighbours(d.day)) if ((row = await table.get([day, d.network, d.postKey]))) break;
    }
    const count = (row?.count ?? 0) + d.count;
    const day = row?.day ?? d.day;
    if (count > 0) put.push({ day, network: d.network, postKey: d.postKey, count });
    else if (row) gone.push([day, d.network, d.postKey]);
  }
  await table.bulkPut(put);
  await table.bulkDelete(gone);
}

/** Calendar dates one and two days either side (zones differ by at most 26 hours). */
function neighbours(day: string): string[] {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return [-1, 1, -2, 2].map((n) => localDate(new Date(y, m - 1, d + n, 12).getTime()));
}

/** Recomputes the whole summary from `shares` (schema upgrade; repair). Inside a 'rw' transaction. */
export async function rebuildStats(shares: Table<StatShare>, table: Table<DailyStat>): Promise<void> {
  const all: StatShare[] = [];
  await shares.each((s) => {
    all.push({ at: s.at, network: s.network, postId: s.postId });
  });
  await table.clear();
  await table.bulkPut(summarise(all));
}
