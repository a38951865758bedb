import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteAllData, importShares } from '../../lib/background/my-data';
import { logDetectedShare } from '../../lib/background/share-log';
import type { SharewiseDB } from '../../lib/db';
import { localDate, periodContaining } from '../../lib/period';
import { computeProgressFromDays, periodPostKeys, type ProgressProgram } from '../../lib/progress';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { Share } from '../../lib/shares';
import { addShares, deleteShare, rewriteDetails, updateDetails } from '../../lib/shares-repo';
import { applyStats, summarise } from '../../lib/stats';
import { emptyDb } from './helpers/db';
import { progressFromLog } from './helpers/progress';

/**
 * The daily summary is exact: after any sequence of writes of the log (the background's logging; the
 * share repository's add, delete and detail changes; delete all) it equals the summary recomputed from
 * the shares table, and progress computed from it equals progress computed from the shares.
 */
// A zone with a DST change inside the range (25 Oct 2026), set before any local date is computed.
const originalTz = process.env.TZ;
process.env.TZ = 'Europe/Berlin';
beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  process.env.TZ = originalTz;
});
const BASE = new Date(2026, 9, 20).getTime(); // local midnight; shares spread over ~6 weeks (a DST change included)
const HOUR = 3600_000;
const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

const shareArb = fc.record({
  id: fc.constantFrom(...ids),
  at: fc.integer({ min: 0, max: 42 * 24 * 4 }).map((q) => BASE + (q * HOUR) / 4),
  network: fc.constantFrom('linkedin' as const, 'x' as const),
  postId: fc.constantFrom(null, 'p1', 'p2'),
});
const opArb = fc.oneof(
  shareArb.map((s) => ({ op: 'log' as const, s })),
  fc.array(shareArb, { maxLength: 6 }).map((list) => ({ op: 'import' as const, list })),
  fc.constantFrom(...ids).map((id) => ({ op: 'delete' as const, id })),
  fc.constantFrom(...ids).map((id) => ({ op: 'update' as const, id })),
  fc
    .record({ id: fc.constantFrom(...ids), days: fc.integer({ min: -3, max: 3 }) })
    .map((r) => ({ op: 'rewrite' as const, ...r })),
  fc.constant({ op: 'clear' as const }),
);
const toShare = (s: { id: string; at: number; network: 'linkedin' | 'x'; postId: string | null }): Share => ({
  ...s,
  kind: 'post',
  surface: 'composer',
  urls: [],
});

/** Rows as the table lists them: by primary key (IndexedDB compares these string arrays like this). */
const inKeyOrder = <T>(rows: T[], key: (r: T) => string[]): T[] =>
  [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    return 0;
  });

let db: SharewiseDB;

describe('daily summary', () => {
  it('always equals the summary recomputed from the shares table', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { maxLength: 12 }),
        fc.constantFrom<ProgressProgram['period']>('week', 'month', 'quarter'),
        async (ops, period) => {
          db = await emptyDb();
          let id = 0;
          for (const o of ops) {
            if (o.op === 'log') {
              await logDetectedShare(
                db,
                {
                  network: o.s.network,
                  kind: 'post',
                  surface: 'composer',
                  text: 'mine',
                  submissionId: `sub-${++id}`,
                  confirmedBy: 'notice',
                },
                { settings: DEFAULT_SETTINGS, posts: [], now: o.s.at, newId: () => `log-${id}` },
              );
            } else if (o.op === 'import') await addShares(db, o.list.map(toShare));
            else if (o.op === 'delete') await deleteShare(db, o.id);
            else if (o.op === 'update')
              await updateDetails(db, o.id, { signals: ['page'], permalink: `https://x.com/i/status/${o.id}` });
            else if (o.op === 'rewrite') {
              // A rewrite that tries to move shares in time, network and post moves nothing the summary counts.
              await rewriteDetails(
                db,
                (s) => s.id === o.id,
                (s) => ({
                  ...s,
                  at: s.at + o.days * 24 * HOUR,
                  network: s.network === 'x' ? 'linkedin' : 'x',
                  postId: 'p3',
                  text: undefined,
                }),
              );
            } else await deleteAllData(db);
          }
          const shares = await db.shares.toArray();
          const [days, totals, posts] = await Promise.all([
            db.dailyStats.toArray(),
            db.dayTotals.toArray(),
            db.periodPosts.toArray(),
          ]);
          const want = summarise(shares);
          expect(days).toEqual(inKeyOrder(want.days, (d) => [d.day, d.network, d.postKey]));
          expect(totals).toEqual(inKeyOrder(want.totals, (t) => [t.day, t.network]));
          expect(posts).toEqual(inKeyOrder(want.posts, (p) => [p.period, p.network, p.postKey]));
          const program: ProgressProgram = { period, threshold: 30, points: { linkedin: 10, x: 5, ownContent: 1 } };
          const now = BASE + 40 * 24 * HOUR;
          // The popup reads the program period's posts only (progressRows); all of them must give the same.
          const inPeriod = posts.filter((p) => periodPostKeys(periodContaining(period, now)).includes(p.period));
          expect(computeProgressFromDays(totals, inPeriod, program, now)).toEqual(
            progressFromLog(shares, program, now),
          );
          expect(computeProgressFromDays(totals, posts, program, now)).toEqual(progressFromLog(shares, program, now));
          expect(computeProgressFromDays(totals, [], undefined, now)).toEqual(progressFromLog(shares, undefined, now));
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('deletes a share summarised in another time zone from its neighbouring day', async () => {
    db = await emptyDb();
    const at = Date.parse('2026-11-20T23:30:00Z'); // 00:30 on the 21st in Berlin, 18:30 on the 20th in New York
    await importShares(db, [toShare({ id: 'a', at, network: 'x', postId: null })]);
    expect(await db.dailyStats.toArray()).toEqual([{ day: '2026-11-21', network: 'x', postKey: '', count: 1 }]);
    process.env.TZ = 'America/New_York';
    try {
      expect(await deleteShare(db, 'a')).toBe(true);
      expect(await db.dailyStats.count()).toBe(0);
      expect(await db.dayTotals.count()).toBe(0);
    } finally {
      process.env.TZ = 'Europe/Berlin';
    }
  });

  // Local dates of one instant in two zones differ by at most two days (UTC+14 against UTC-11).
  it.each([
    ['a day later', 'Europe/Berlin', 'America/New_York', '2026-11-20T23:30:00Z', '2026-11-21'],
    ['a day earlier', 'America/New_York', 'Europe/Berlin', '2026-11-20T23:30:00Z', '2026-11-20'],
    ['two days later', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', '2026-11-20T10:30:00Z', '2026-11-21'],
    ['two days earlier', 'Pacific/Pago_Pago', 'Pacific/Kiritimati', '2026-11-20T10:30:00Z', '2026-11-19'],
  ])('deletes a share summarised %s than the zone it is deleted in', async (_, summarisedIn, deletedIn, iso, day) => {
    db = await emptyDb();
    try {
      process.env.TZ = summarisedIn;
      await importShares(db, [toShare({ id: 'a', at: Date.parse(iso), network: 'x', postId: 'p1' })]);
      expect(await db.dailyStats.toArray()).toEqual([{ day, network: 'x', postKey: 'p1', count: 1 }]);
      process.env.TZ = deletedIn;
      expect(await deleteShare(db, 'a')).toBe(true);
      expect(await db.dailyStats.count()).toBe(0);
      expect(await db.dayTotals.count()).toBe(0);
      expect(await db.periodPosts.count()).toBe(0);
    } finally {
      process.env.TZ = 'Europe/Berlin';
    }
  });

  it('takes nothing away for a deleted share whose day is not summarised anywhere near', async () => {
    db = await emptyDb();
    await importShares(db, [toShare({ id: 'a', at: BASE, network: 'x', postId: null })]);
    // The row three days away is not the deleted share's: it stays.
    await applyStats(db, [{ day: localDate(BASE + 3 * 24 * HOUR), network: 'x', postKey: '', count: -1 }]);
    expect(await db.dailyStats.toArray()).toEqual([{ day: localDate(BASE), network: 'x', postKey: '', count: 1 }]);
    // Nor from the day's other tables, when that day holds another post's share.
    await applyStats(db, [{ day: localDate(BASE), network: 'x', postKey: 'p9', count: -1 }]);
    expect(await db.dayTotals.toArray()).toEqual([{ day: localDate(BASE), network: 'x', count: 1 }]);
  });

  it('takes a share missing from its day from the day before when both neighbours hold one', async () => {
    db = await emptyDb();
    const day = 24 * HOUR;
    await importShares(db, [
      toShare({ id: 'a', at: BASE + 9 * day + 12 * HOUR, network: 'x', postId: 'p1' }),
      toShare({ id: 'b', at: BASE + 11 * day + 12 * HOUR, network: 'x', postId: 'p1' }),
    ]);
    await applyStats(db, [{ day: localDate(BASE + 10 * day + 12 * HOUR), network: 'x', postKey: 'p1', count: -1 }]);
    expect(await db.dailyStats.toArray()).toEqual([
      { day: localDate(BASE + 11 * day + 12 * HOUR), network: 'x', postKey: 'p1', count: 1 },
    ]);
  });
});
