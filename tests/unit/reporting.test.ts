import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REPORTING_STATE_KEY, reportEndpoint, reportingTick } from '../../lib/background/reporting';
import { getDb } from '../../lib/db';
import { localDate } from '../../lib/period';
import { idempotencyKey } from '../../lib/report/delivery';
import { stricterFields, withSuggestions } from '../../lib/report/payload';
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  backoffDelay,
  duePeriods,
  nextPeriodEnd,
  periodKind,
} from '../../lib/report/schedule';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/schema';
import { useEmptyDb } from './helpers/db';

const at = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).getTime();

describe('backoff', () => {
  it('doubles per failure, stays within [d/2, d] and never exceeds the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, r) => {
        const d = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (n - 1));
        const delay = backoffDelay(n, () => r);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(d / 2));
        expect(delay).toBeLessThanOrEqual(d);
      }),
    );
    expect(backoffDelay(1, () => 0)).toBe(30_000);
    expect(backoffDelay(3, () => 1)).toBe(240_000);
    expect(backoffDelay(50, () => 1)).toBe(BACKOFF_CAP_MS);
  });

  it('spreads retries (jitter)', () => {
    const delays = new Set(Array.from({ length: 20 }, () => backoffDelay(4)));
    expect(delays.size).toBeGreaterThan(1);
  });
});

describe('idempotency keys', () => {
  it('are stable per install and period and differ across them', () => {
    const k = idempotencyKey('install-1234', 'week', at(2026, 11, 16));
    expect(k).toBe('install-1234:week:2026-11-16');
    expect(idempotencyKey('install-1234', 'week', at(2026, 11, 16))).toBe(k);
    expect(idempotencyKey('install-1234', 'week', at(2026, 11, 23))).not.toBe(k);
    expect(idempotencyKey('install-5678', 'week', at(2026, 11, 16))).not.toBe(k);
    expect(idempotencyKey('install-1234', 'month', at(2026, 11, 1))).toBe('install-1234:month:2026-11-01');
  });
});

describe('scheduling', () => {
  it('nothing is due before the consent week ends', () => {
    const consent = at(2026, 11, 18, 10); // a Wednesday
    expect(duePeriods('week', consent, at(2026, 11, 22, 23)).periods).toEqual([]);
    expect(nextPeriodEnd('week', consent)).toBe(at(2026, 11, 23));
  });

  it('a week is due at Monday 00:00 local, and each period only once', () => {
    const consent = at(2026, 11, 18, 10);
    const first = duePeriods('week', consent, at(2026, 11, 23));
    expect(first.periods.map((p) => localDate(p.start))).toEqual(['2026-11-16']);
    expect(duePeriods('week', first.cursor, at(2026, 11, 23, 5)).periods).toEqual([]);
    const later = duePeriods('week', first.cursor, at(2026, 12, 9));
    expect(later.periods.map((p) => localDate(p.start))).toEqual(['2026-11-23', '2026-11-30']);
  });

  it('months follow the calendar, and a long absence catches up at most 13 periods', () => {
    const r = duePeriods('month', at(2026, 1, 15), at(2026, 4, 1));
    expect(r.periods.map((p) => [localDate(p.start), localDate(p.end)])).toEqual([
      ['2026-01-01', '2026-02-01'],
      ['2026-02-01', '2026-03-01'],
      ['2026-03-01', '2026-04-01'],
    ]);
    expect(duePeriods('week', at(2024, 1, 1), at(2026, 1, 1)).periods).toHaveLength(13);
  });

  it('catches up the latest periods and moves the cursor past all of them', () => {
    const r = duePeriods('month', at(2025, 1, 10), at(2026, 4, 1), 2);
    expect(r.periods.map((p) => localDate(p.start))).toEqual(['2026-02-01', '2026-03-01']);
    expect(r.cursor).toBe(at(2026, 4, 1));
    // Nothing due: the cursor stays where it was.
    expect(duePeriods('month', at(2026, 4, 10), at(2026, 4, 20)).cursor).toBe(at(2026, 4, 10));
  });

  it('reports monthly only when the feed asks for it, weekly otherwise', () => {
    expect(periodKind('monthly')).toBe('month');
    expect(periodKind('weekly')).toBe('week');
    expect(periodKind(undefined)).toBe('week');
    expect(nextPeriodEnd('month', at(2026, 11, 18, 10))).toBe(at(2026, 12, 1));
  });
});

describe('payload', () => {
  it('the stricter choice wins field by field', () => {
    const on = {
      totalShares: true,
      byNetwork: true,
      approvedPosts: true,
      ownCount: true,
      manualCount: true,
      timeDetail: 'day',
      identity: 'named',
      bonus: 'points',
      shareLinks: true,
    } as const;
    const off = {
      totalShares: false,
      byNetwork: true,
      approvedPosts: false,
      ownCount: true,
      manualCount: false,
      timeDetail: 'week',
      identity: 'anonymous',
      bonus: 'qualified',
      shareLinks: false,
    } as const;
    expect(stricterFields(on, off)).toEqual(off);
    expect(stricterFields(off, on)).toEqual(off);
    expect(stricterFields(on, { ...on, timeDetail: 'none' }).timeDetail).toBe('none');
    expect(stricterFields(on, { ...on, bonus: 'off' }).bonus).toBe('off');
    // A report queued before the bonus and links existed (settings version 1) keeps them off.
    const old = {
      totalShares: true,
      byNetwork: true,
      approvedPosts: true,
      ownCount: true,
      timeDetail: 'day',
      identity: 'named',
    } as never;
    expect(stricterFields(old, on)).toMatchObject({ bonus: 'off', shareLinks: false });
  });

  it('only queued suggestions go out', () => {
    const report = {
      schemaVersion: 1,
      identity: { kind: 'anonymous', installId: 'x' },
      period: { kind: 'week', start: '2026-11-16', end: '2026-11-23' },
      generatedAt: new Date(0).toISOString(),
    } as const;
    const rows = [
      { id: 1, at: 0, url: 'https://a.example/', title: 'A', note: '', status: 'draft' },
      { id: 2, at: 0, url: 'https://b.example/', title: 'B', note: 'n', status: 'queued' },
    ] as const;
    expect(withSuggestions(report, [...rows]).suggestions?.map((s) => s.url)).toEqual(['https://b.example/']);
    expect('suggestions' in withSuggestions(report, [rows[0]])).toBe(false);
  });

  it('never reports to the demo feed', () => {
    const feed = { reporting: { endpoint: 'https://demo.example/r', schedule: 'weekly' } } as never;
    expect(reportEndpoint({}, { key: 'current', source: 'demo', feed, fetchedAt: 0 })).toBeNull();
    expect(reportEndpoint({}, { key: 'current', source: 'https://feed/', feed, fetchedAt: 0 })).toBe(
      'https://demo.example/r',
    );
    expect(reportEndpoint({ reportEndpoint: 'https://policy/r' }, undefined)).toBe('https://policy/r');
  });
});

describe('reportingTick', () => {
  const db = getDb();
  const ENDPOINT = 'https://reports.example/in';
  const settings = (enabled: boolean): Settings => ({
    ...structuredClone(DEFAULT_SETTINGS),
    installId: 'install-1234',
    reporting: {
      ...DEFAULT_SETTINGS.reporting,
      enabled,
      consentedEndpoint: enabled ? ENDPOINT : null,
      fields: { ...DEFAULT_SETTINGS.reporting.fields, totalShares: true },
    },
  });
  /** A server that fails the first `failures` requests, then dedupes by idempotency key. */
  function server(failures: number) {
    const received = new Map<string, number>();
    let calls = 0;
    const fetch = (async (_url: string, init: RequestInit) => {
      calls++;
      if (calls <= failures) {
        if (calls % 2) throw new TypeError('Failed to fetch');
        return new Response('down', { status: 500 });
      }
      const key = (init.headers as Record<string, string>)['idempotency-key']!;
      received.set(key, (received.get(key) ?? 0) + 1);
      return new Response('ok', { status: 202 });
    }) as unknown as typeof globalThis.fetch;
    return { fetch, received, calls: () => calls };
  }

  useEmptyDb();

  it('delivers each ended period once despite failures, retrying with backoff', async () => {
    let now = at(2026, 11, 18, 10);
    await fakeBrowser.storage.local.set({ settings: settings(true) });
    await db.shares.add({
      id: 's1',
      at: at(2026, 11, 19),
      network: 'x',
      kind: 'post',
      postId: null,
      surface: 'composer',
      urls: [],
    });
    const srv = server(3);
    const deps = {
      now: () => now,
      fetch: srv.fetch,
      random: () => 0,
      readManaged: async () => ({ reportEndpoint: ENDPOINT }),
    };
    expect(await reportingTick(db, deps)).toMatchObject({ sent: 0, queued: 0 }); // consent starts the clock
    now = at(2026, 12, 1, 9); // two weeks ended
    expect(await reportingTick(db, deps)).toMatchObject({ sent: 0, failed: 2, queued: 2 });
    expect(await reportingTick(db, deps)).toMatchObject({ sent: 0, failed: 0, queued: 2 }); // backoff: not yet
    now += 31_000;
    expect(await reportingTick(db, deps)).toMatchObject({ sent: 1, failed: 1, queued: 1 });
    now += 61_000;
    expect(await reportingTick(db, deps)).toMatchObject({ sent: 1, queued: 0 });
    expect(await reportingTick(db, deps, true)).toMatchObject({ sent: 0, queued: 0 });
    expect([...srv.received].sort()).toEqual([
      ['install-1234:week:2026-11-16', 1],
      ['install-1234:week:2026-11-23', 1],
    ]);
    const log = await db.sentLog.toArray();
    // The second failure of one report is counted in its entry, not added as another.
    expect(log.map((l) => [l.ok, l.attempts ?? 1])).toEqual([
      [false, 2],
      [false, 1],
      [true, 1],
      [true, 1],
    ]);
    expect(log.find((l) => l.ok && l.key.endsWith('2026-11-16'))?.payload).toMatchObject({
      totalShares: 1,
      period: { start: '2026-11-16' },
    });
  });

  it('turning reporting off removes unsent reports, and nothing is sent', async () => {
    let now = at(2026, 11, 18, 10);
    await fakeBrowser.storage.local.set({ settings: settings(true) });
    const srv = server(100);
    const deps = {
      now: () => now,
      fetch: srv.fetch,
      random: () => 0,
      readManaged: async () => ({ reportEndpoint: ENDPOINT }),
    };
    await reportingTick(db, deps);
    now = at(2026, 11, 24);
    await reportingTick(db, deps);
    expect(await db.outbox.count()).toBe(1);
    await fakeBrowser.storage.local.set({ settings: settings(false) });
    const calls = srv.calls();
    now = at(2026, 12, 24);
    await reportingTick(db, deps, true);
    expect(await db.outbox.count()).toBe(0);
    expect(srv.calls()).toBe(calls);
    expect((await fakeBrowser.storage.local.get(REPORTING_STATE_KEY))[REPORTING_STATE_KEY]).toEqual({ cursor: null });
  });

  it('re-applies the stricter settings at send time', async () => {
    let now = at(2026, 11, 18, 10);
    const s = settings(true);
    s.reporting.fields.byNetwork = true;
    await fakeBrowser.storage.local.set({ settings: s });
    const bodies: string[] = [];
    const fetch = (async (_u: string, init: RequestInit) => {
      bodies.push(String(init.body));
      return new Response(null, { status: bodies.length === 1 ? 503 : 200 });
    }) as unknown as typeof globalThis.fetch;
    const deps = { now: () => now, fetch, random: () => 0, readManaged: async () => ({ reportEndpoint: ENDPOINT }) };
    await reportingTick(db, deps);
    now = at(2026, 11, 23, 1);
    await reportingTick(db, deps);
    const stricter = settings(true); // byNetwork now off
    await fakeBrowser.storage.local.set({ settings: stricter });
    await reportingTick(db, deps, true);
    expect(JSON.parse(bodies[0]!)).toHaveProperty('byNetwork');
    expect(JSON.parse(bodies[1]!)).not.toHaveProperty('byNetwork');
    expect(JSON.parse(bodies[1]!)).toHaveProperty('totalShares', 0);
  });
});
