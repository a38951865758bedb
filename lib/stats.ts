import type { Table } from 'dexie';
import { localDate } from './period';
import type { Network } from './shares';

/**
 * The share log's summary, in three small tables the share repository (lib/shares-repo.ts) keeps
 * exact in the same transaction as every write of `shares`, so the popup reads a few hundred rows instead of up to 100,000 shares:
 * - `dailyStats`: shares per local day, network and post — the ground truth of the summary, and
 *   "Shared ✓" (by `[postKey+network]`);
 * - `dayTotals`: per local day and network — the 12-week chart, this week/month, by network (at most
 *   2 rows a day);
 * - `periodPosts`: per week and per month, network and post ('' for own content) — the program
 *   period's points (a few rows per post), whatever the number of days they were shared on.
 * Week and month keys are derived from the local day (calendar arithmetic), never from the instant
 * again, so the three tables always agree with each other. See lib/progress `computeProgressFromDays`.
 *
 * Time zones — a decision: `day` is the employee's LOCAL calendar date (YYYY-MM-DD) at the time the
 * share is summarised, not a UTC bucket. Periods (lib/period.ts) are local calendar periods made of
 * whole local days, so day counts answer every period question exactly, across DST changes and
 * half-hour zones, with one row per day instead of 24–96 per day. The trade-off: after the employee
 * moves to another time zone, days already summarised stay where they were (a share made at 23:30
 * on the 31st in Berlin stays in that month, as the employee experienced it), while the raw log read
 * with the new zone might place it a day earlier or later. Deleting such a share then finds its row
 * on a neighbouring day (see `applyStats`).
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

/** Shares per local day and network. */
export interface DayTotal {
  day: string;
  network: Network;
  count: number;
}

/** Shares per period ('w' + the Monday's YYYY-MM-DD, or 'm' + YYYY-MM), network and post ('' = own content). */
export interface PeriodPost {
  period: string;
  network: Network;
  postKey: string;
  count: number;
}

/** The three tables' rows. */
export interface Summary {
  days: DailyStat[];
  totals: DayTotal[];
  posts: PeriodPost[];
}

/** The summary's tables (a SharewiseDB has them). Every writer includes all three in its transaction. */
export interface SummaryTables {
  dailyStats: Table<DailyStat>;
  dayTotals: Table<DayTotal>;
  periodPosts: Table<PeriodPost>;
}
export const summaryTables = (db: SummaryTables) => [db.dailyStats, db.dayTotals, db.periodPosts];

const parseDay = (day: string) => day.split('-').map(Number) as [number, number, number];
/** Key of the Monday week a local day belongs to (noon: no DST edge can move the date). */
export function weekKey(day: string): string {
  const [y, m, d] = parseDay(day);
  const monday = d - ((new Date(y, m - 1, d, 12).getDay() + 6) % 7);
  return `w${localDate(new Date(y, m - 1, monday, 12).getTime())}`;
}
export const monthKey = (day: string): string => `m${day.slice(0, 7)}`;

/** What a share contributes to the summary. */
export interface StatShare {
  at: number;
  network: Network;
  postId: string | null;
}

type Key = [day: string, network: Network, postKey: string];
const keyOf = (s: StatShare): Key => [localDate(s.at), s.network, s.postId ?? ''];

/** Adds `row.count` to the row of the same key in `map` (or adds the row). */
function tally<T extends { count: number }>(map: Map<string, T>, key: string, row: T): void {
  const had = map.get(key);
  if (had) had.count += row.count;
  else map.set(key, row);
}

/** Net change per summary row for shares added (sign 1) or removed (sign -1). Pure. */
export function statDeltas(shares: StatShare[], sign: 1 | -1): DailyStat[] {
  const byKey = new Map<string, DailyStat>();
  for (const s of shares) {
    const [day, network, postKey] = keyOf(s);
    tally(byKey, `${day} ${network} ${postKey}`, { day, network, postKey, count: sign });
  }
  return [...byKey.values()];
}

/** The summary rows that `dailyStats` changes (one per day, network and post) imply for the other tables. Pure. */
function expand(days: DailyStat[]): { totals: DayTotal[]; posts: PeriodPost[] } {
  const totals = new Map<string, DayTotal>();
  const posts = new Map<string, PeriodPost>();
  for (const { day, network, postKey, count } of days) {
    tally(totals, `${day} ${network}`, { day, network, count });
    for (const period of [weekKey(day), monthKey(day)]) {
      tally(posts, `${period} ${network} ${postKey}`, { period, network, postKey, count });
    }
  }
  return { totals: [...totals.values()], posts: [...posts.values()] };
}

/** The summary of a whole log (rows in no particular order). Pure. */
export function summarise(shares: StatShare[]): Summary {
  const days = statDeltas(shares, 1);
  return { days, ...expand(days) };
}

/** Adds counters to rows (bulk read, bulk write); rows whose `count` reaches 0 are deleted. */
async function addCounts<T extends { count: number }>(
  table: Table<T>,
  key: (row: T) => unknown[],
  changes: T[],
): Promise<void> {
  const rows = await table.bulkGet(changes.map(key));
  const put: T[] = [];
  // Stryker disable next-line ArrayDeclaration: deleting a key no row has changes nothing
  const gone: unknown[][] = [];
  for (const [i, c] of changes.entries()) {
    const row = rows[i];
    const next = { ...c } as Record<string, unknown>;
    if (row)
      for (const [f, v] of Object.entries(c))
        if (typeof v === 'number') next[f] = (row as Record<string, number>)[f]! + v;
    if ((next.count as number) > 0) put.push(next as T);
    else gone.push(key(c)); // deleting a key no row has changes nothing
  }
  await table.bulkPut(put);
  await table.bulkDelete(gone);
}

/**
 * Applies deltas to the summary. Called by the share repository (lib/shares-repo.ts) only, inside
 * the transaction that writes `shares`, so the summary can never disagree with the log.
 * A removal whose day row is missing (the share was summarised in another time zone) is taken
 * from the nearest neighbouring day of the same network and post; the other tables follow that day.
 */
export async function applyStats(db: SummaryTables, deltas: DailyStat[]): Promise<void> {
  // Stryker disable next-line MethodExpression,ConditionalExpression: a zero delta changes no row either way
  const changes = deltas.filter((d) => d.count !== 0);
  const dayKey = (d: DailyStat) => [d.day, d.network, d.postKey];
  const rows = await db.dailyStats.bulkGet(changes.map(dayKey));
  const resolved: DailyStat[] = [];
  for (const [i, d] of changes.entries()) {
    let row = rows[i];
    // Stryker disable next-line EqualityOperator: zero deltas were filtered out above
    if (!row && d.count < 0) {
      for (const day of neighbours(d.day)) if ((row = await db.dailyStats.get([day, d.network, d.postKey]))) break;
      if (!row) continue; // nothing summarised for it: nothing to take away
    }
    resolved.push({ ...d, day: row?.day ?? d.day });
  }
  const { totals, posts } = expand(resolved);
  await addCounts(db.dailyStats, dayKey, resolved);
  await addCounts(db.dayTotals, (t) => [t.day, t.network], totals);
  await addCounts(db.periodPosts, (p) => [p.period, p.network, p.postKey], posts);
}

/** Calendar dates one and two days either side (zones differ by at most 26 hours). */
function neighbours(day: string): string[] {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return [-1, 1, -2, 2].map((n) => localDate(new Date(y, m - 1, d + n, 12).getTime()));
}

/** Builds the summary of the shares already logged (the v4 schema upgrade, into its new empty tables). */
export async function rebuildStats(tx: { table(name: string): Table }): Promise<void> {
  const all: StatShare[] = [];
  await tx.table('shares').each((s: StatShare) => all.push(s));
  const { days, totals, posts } = summarise(all);
  await tx.table('dailyStats').bulkAdd(days);
  await tx.table('dayTotals').bulkAdd(totals);
  await tx.table('periodPosts').bulkAdd(posts);
}
