import type { DBCore, DBCoreQuery } from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import { importShares } from '../../lib/background/my-data';
import { getDb } from '../../lib/db';
import type { FeedPost } from '../../lib/feed/schema';
import { computeProgressFromDays, sinceFor } from '../../lib/progress';
import type { Share } from '../../lib/shares';
import { periodContaining } from '../../lib/period';
import { readPopupData } from '../../lib/ui/popup-data';
import { hasAnyShare, progressRows, sharedOf } from '../../lib/ui/queries';
import type { Feed } from '../../lib/feed/schema';
import { emptyDb } from './helpers/db';
import { progressFromLog } from './helpers/progress';

/**
 * The popup's reads stay small indexed ranges with a large log: a DBCore middleware records every
 * read of `shares` and of its daily summary (which table, index, range, how many rows came back).
 * The popup reads only the summary, never the log.
 */
interface Read {
  table: string;
  op: 'query' | 'openCursor' | 'get' | 'count';
  index: string;
  range: string;
  rows?: number;
}
const reads: Read[] = [];
const describeQuery = (q: DBCoreQuery) => ({
  index: q.index.name ?? ':id',
  range: `${['', 'equal', 'range', 'any', 'never'][q.range.type]}`,
});

const db = getDb();
db.use({
  stack: 'dbcore',
  name: 'read-recorder',
  create: (down: DBCore): DBCore => ({
    ...down,
    table: (name) => {
      const t = down.table(name);
      if (!['shares', 'dailyStats', 'dayTotals', 'periodPosts'].includes(name)) return t;
      return {
        ...t,
        query: async (req) => {
          const res = await t.query(req);
          reads.push({ table: name, op: 'query', ...describeQuery(req.query), rows: res.result.length });
          return res;
        },
        openCursor: (req) => {
          reads.push({ table: name, op: 'openCursor', ...describeQuery(req.query) });
          return t.openCursor(req);
        },
        count: (req) => {
          reads.push({ table: name, op: 'count', ...describeQuery(req.query) });
          return t.count(req);
        },
      };
    },
  }),
});

const NOW = new Date(2026, 10, 25, 12).getTime();
const DAY = 24 * 3600_000;
const TOTAL = 20_000; // the reads below do not depend on the log's size; 100,000 only makes the suite slower
const post = (id: string): FeedPost => ({
  id,
  title: id,
  text: id,
  variants: [],
  url: `https://a.example/${id}`,
  hashtags: [],
  networks: ['linkedin', 'x'],
  publishedAt: '2026-11-01',
});

beforeAll(async () => {
  // Two years of history, mostly on one popular post, plus a handful of shares this month.
  const rows: Share[] = [];
  for (let i = 0; i < TOTAL; i++) {
    rows.push({
      id: `s${i}`,
      at: NOW - 100 * DAY - (i % 600) * DAY,
      network: 'x',
      kind: 'post',
      postId: 'popular',
      surface: 'intent',
      urls: [],
    });
  }
  rows.push({
    id: 'recent-1',
    at: NOW - DAY,
    network: 'linkedin',
    kind: 'post',
    postId: 'popular',
    surface: 'intent',
    urls: [],
  });
  rows.push({
    id: 'recent-2',
    at: NOW - 2 * DAY,
    network: 'x',
    kind: 'post',
    postId: null,
    surface: 'composer',
    urls: [],
  });
  // Through the background's import, which keeps the summary in the same transaction.
  await emptyDb();
  await importShares(db, rows);
}, 60_000);

describe('popup queries with a large share log', () => {
  it('reads only the recent range of the summary for progress, and it agrees with the log', async () => {
    reads.length = 0;
    const program = { period: 'month' as const, threshold: 100, points: { linkedin: 10, x: 5, ownContent: 2 } };
    const since = sinceFor(program, NOW);
    const { totals, posts } = await progressRows(db, since, periodContaining('month', NOW));
    expect(totals.map((d) => d.network).sort()).toEqual(['linkedin', 'x']);
    expect(posts.map((p) => p.postKey).sort()).toEqual(['', 'popular']);
    expect(computeProgressFromDays(totals, posts, program, NOW).points).toBe(12);
    expect(reads.sort((a, b) => a.table.localeCompare(b.table))).toEqual([
      { table: 'dayTotals', op: 'query', index: 'day', range: 'range', rows: 2 },
      { table: 'periodPosts', op: 'query', index: 'period', range: 'equal', rows: 2 },
    ]);
    const shares = await db.shares.where('at').aboveOrEqual(since).toArray();
    expect(computeProgressFromDays(totals, posts, program, NOW)).toEqual(progressFromLog(shares, program, NOW));
  });

  it('finds "Shared ✓" per post and network with key lookups that stop at the first match', async () => {
    reads.length = 0;
    const shared = await sharedOf(db, [post('popular'), post('never-shared')]);
    expect([...shared.get('popular')!].sort()).toEqual(['linkedin', 'x']);
    expect(shared.has('never-shared')).toBe(false);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => r.table === 'dailyStats' && r.index === '[postKey+network]' && r.range === 'equal')).toBe(
      true,
    );
    expect(reads.filter((r) => r.op === 'query').every((r) => (r.rows ?? 0) <= 1)).toBe(true);
  });

  it('answers "anything ever shared?" without counting the table', async () => {
    reads.length = 0;
    expect(await hasAnyShare(db)).toBe(true);
    expect(reads.filter((r) => r.op === 'count')).toEqual([]);
    expect(reads.every((r) => r.table === 'dailyStats')).toBe(true);
    expect(reads.every((r) => r.op !== 'query' || (r.rows ?? 0) <= 1)).toBe(true);
  });

  it('gives the popup everything in one read of the summary, never of the log', async () => {
    const program = {
      name: 'Q4',
      period: 'month' as const,
      threshold: 100,
      points: { linkedin: 10, x: 5, ownContent: 2 },
    };
    const feed = {
      company: { name: 'Acme' },
      vision: { headline: 'H', measures: [] },
      program,
      posts: [
        post('popular'),
        { ...post('expired'), expiresAt: '2026-11-01' },
        { ...post('newer'), publishedAt: '2026-11-20' },
      ],
    } as unknown as Feed;
    await db.feedCache.put({ key: 'current', feed, source: 'demo', fetchedAt: NOW });
    reads.length = 0;
    const data = await readPopupData(db, NOW);
    expect(reads.filter((r) => r.table === 'shares')).toEqual([]);
    expect(reads.length).toBeGreaterThan(0);
    expect(data.row?.feed?.company.name).toBe('Acme');
    // Approved and unexpired, newest first.
    expect(data.posts.map((p) => p.id)).toEqual(['newer', 'popular']);
    expect([...data.shared.get('popular')!].sort()).toEqual(['linkedin', 'x']);
    expect(data.shared.has('newer')).toBe(false);
    expect(data.anyEver).toBe(true);
    // The same rows the popup's separate queries read, and the same progress as the log says.
    expect(data.progress).toEqual(await progressRows(db, sinceFor(program, NOW), periodContaining('month', NOW)));
    const shares = await db.shares.where('at').aboveOrEqual(sinceFor(program, NOW)).toArray();
    expect(computeProgressFromDays(data.progress.totals, data.progress.posts, program, NOW)).toEqual(
      progressFromLog(shares, program, NOW),
    );
  });

  it('says so when no feed is stored yet', async () => {
    await db.feedCache.clear();
    const data = await readPopupData(db, NOW);
    expect(data.row).toBeUndefined();
    expect(data.posts).toEqual([]);
    expect(data.shared.size).toBe(0);
  });
});
