import type { DBCore, DBCoreQuery } from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharewiseDB } from '../../lib/db';
import type { FeedPost } from '../../lib/feed/schema';
import { computeProgress, sinceFor } from '../../lib/progress';
import type { Share } from '../../lib/shares';
import { hasAnyShare, sharedOf, sharesSince } from '../../lib/ui/queries';

/**
 * The popup's reads stay indexed ranges with a large log: a DBCore middleware records every read of
 * `shares` (which index, which range, how many rows came back).
 */
interface Read {
  op: 'query' | 'openCursor' | 'get' | 'count';
  index: string;
  range: string;
  rows?: number;
}
const reads: Read[] = [];
const describeQuery = (q: DBCoreQuery) => ({ index: q.index.name ?? ':id', range: `${['', 'equal', 'range', 'any', 'never'][q.range.type]}` });

const db = new SharewiseDB('sharewise-queries-test');
db.use({
  stack: 'dbcore',
  name: 'read-recorder',
  create: (down: DBCore): DBCore => ({
    ...down,
    table: (name) => {
      const t = down.table(name);
      if (name !== 'shares') return t;
      return {
        ...t,
        query: async (req) => {
          const res = await t.query(req);
          reads.push({ op: 'query', ...describeQuery(req.query), rows: res.result.length });
          return res;
        },
        openCursor: (req) => {
          reads.push({ op: 'openCursor', ...describeQuery(req.query) });
          return t.openCursor(req);
        },
        count: (req) => {
          reads.push({ op: 'count', ...describeQuery(req.query) });
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
  id, title: id, text: id, variants: [], url: `https://a.example/${id}`, hashtags: [], networks: ['linkedin', 'x'], publishedAt: '2026-11-01',
});

beforeAll(async () => {
  // Two years of history, mostly on one popular post, plus a handful of shares this month.
  const rows: Share[] = [];
  for (let i = 0; i < TOTAL; i++) {
    rows.push({ id: `s${i}`, at: NOW - 100 * DAY - (i % 600) * DAY, network: 'x', kind: 'post', postId: 'popular', surface: 'intent', urls: [] });
  }
  rows.push({ id: 'recent-1', at: NOW - DAY, network: 'linkedin', kind: 'post', postId: 'popular', surface: 'intent', urls: [] });
  rows.push({ id: 'recent-2', at: NOW - 2 * DAY, network: 'x', kind: 'post', postId: null, surface: 'composer', urls: [] });
  await db.shares.bulkAdd(rows);
}, 60_000);
afterAll(async () => {
  await db.delete();
});

describe('popup queries with a large share log', () => {
  it('reads only the recent range for progress', async () => {
    reads.length = 0;
    const program = { period: 'month' as const, threshold: 100, points: { linkedin: 10, x: 5, ownContent: 2 } };
    const shares = await sharesSince(db, sinceFor(program, NOW));
    expect(shares.map((s) => s.id).sort()).toEqual(['recent-1', 'recent-2']);
    expect(computeProgress(shares, program, NOW).points).toBe(12);
    expect(reads).toEqual([{ op: 'query', index: 'at', range: 'range', rows: 2 }]);
  });

  it('finds "Shared ✓" per post and network with key lookups that stop at the first match', async () => {
    reads.length = 0;
    const shared = await sharedOf(db, [post('popular'), post('never-shared')]);
    expect([...shared.get('popular')!].sort()).toEqual(['linkedin', 'x']);
    expect(shared.has('never-shared')).toBe(false);
    expect(reads.every((r) => r.index === 'postId' && r.range === 'equal')).toBe(true);
    expect(reads.filter((r) => r.op === 'query').every((r) => (r.rows ?? 0) <= 1)).toBe(true);
  });

  it('answers "anything ever shared?" without counting the table', async () => {
    reads.length = 0;
    expect(await hasAnyShare(db)).toBe(true);
    expect(reads.filter((r) => r.op === 'count')).toEqual([]);
    expect(reads.every((r) => r.op !== 'query' || (r.rows ?? 0) <= 1)).toBe(true);
  });
});
