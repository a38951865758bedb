import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerReportDestination, reportingTick, type OutboxEntry } from '../../lib/background/reporting';
import { getDb, type FeedCacheRow } from '../../lib/db';
import type { ManagedConfig } from '../../lib/managed';
import { consentState, REPORT_PAUSE_KEY, reportTarget } from '../../lib/report';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/schema';
import { useEmptyDb } from './helpers/db';

const at = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).getTime();
const OLD = 'https://reports.acme.example/in';
const NEW = 'https://collector.elsewhere.example/in';
const FEED_URL = 'https://feeds.acme.example/company.json';

function feedRow(endpoint: string | null): FeedCacheRow {
  const feed = {
    version: 1,
    company: { name: 'Acme' },
    vision: { headline: 'h', measures: [] },
    posts: [],
    ...(endpoint ? { reporting: { endpoint, schedule: 'weekly' } } : {}),
  } as unknown as FeedCacheRow['feed'];
  return { key: 'current', feed, source: FEED_URL, fetchedAt: 0 };
}

function settings(patch: Partial<Settings['reporting']>): Settings {
  const s = structuredClone(DEFAULT_SETTINGS);
  return {
    ...s,
    installId: 'install-1234',
    reporting: { ...s.reporting, fields: { ...s.reporting.fields, totalShares: true }, ...patch },
  };
}

/** Records where each POST went; answers with `status`. */
function receiver(status = () => 200) {
  const posts: string[] = [];
  const fetch = (async (url: string) => {
    posts.push(url);
    return new Response('{}', { status: status() });
  }) as unknown as typeof globalThis.fetch;
  return { posts, fetch };
}

const stored = async () => (await fakeBrowser.storage.local.get('settings')).settings as Settings;
const pause = async () => (await fakeBrowser.storage.local.get(REPORT_PAUSE_KEY))[REPORT_PAUSE_KEY];

describe('consentState', () => {
  const feedTarget = { endpoint: OLD, schedule: 'weekly', source: 'feed' } as const;
  it('is active only for the endpoint the employee agreed to', () => {
    expect(consentState(settings({ enabled: false, consentedEndpoint: OLD }).reporting, feedTarget)).toEqual({
      kind: 'off',
    });
    expect(consentState(settings({ enabled: true }).reporting, null)).toEqual({ kind: 'no-endpoint' });
    expect(consentState(settings({ enabled: true, consentedEndpoint: OLD }).reporting, feedTarget)).toEqual({
      kind: 'active',
      target: feedTarget,
    });
    expect(consentState(settings({ enabled: true, consentedEndpoint: NEW }).reporting, feedTarget)).toMatchObject({
      kind: 'paused',
      consented: NEW,
      declined: false,
    });
    // Reporting turned on before any destination was named: the first one is asked about too.
    expect(consentState(settings({ enabled: true }).reporting, feedTarget)).toMatchObject({
      kind: 'paused',
      consented: null,
    });
    expect(consentState(settings({ enabled: true, declinedEndpoint: OLD }).reporting, feedTarget)).toMatchObject({
      kind: 'paused',
      declined: true,
    });
  });

  it('a policy endpoint is marked as set by the organization', () => {
    expect(reportTarget({ reportEndpoint: NEW }, feedRow(OLD).feed, FEED_URL)).toEqual({
      endpoint: NEW,
      schedule: 'weekly',
      source: 'managed',
    });
  });
});

describe('a changed report endpoint', () => {
  const db = getDb();
  useEmptyDb();

  it('holds queued and new reports, sends nothing to the new host before consent, and after it each report goes where its period was agreed', async () => {
    let now = at(2026, 11, 18, 10);
    let managed: ManagedConfig = {};
    await fakeBrowser.storage.local.set({ settings: settings({ enabled: true, consentedEndpoint: OLD }) });
    await db.feedCache.put(feedRow(OLD));
    let down = true;
    const srv = receiver(() => (down ? 503 : 200));
    const deps = { now: () => now, fetch: srv.fetch, random: () => 0, readManaged: async () => managed };
    await reportingTick(db, deps); // consent starts the clock
    now = at(2026, 11, 24, 9);
    expect(await reportingTick(db, deps)).toMatchObject({ sent: 0, failed: 1, queued: 1 });
    expect(srv.posts).toEqual([OLD]);
    expect(await pause()).toBeUndefined();

    // The feed now names another host (a compromised feed, or a real move).
    await db.feedCache.put(feedRow(NEW));
    down = false;
    now = at(2026, 12, 2, 9); // another week ended
    expect(await reportingTick(db, deps, true)).toEqual({ sent: 0, failed: 0, queued: 1 });
    expect(srv.posts).toEqual([OLD]); // nothing to the new host, and the queued report is held
    expect(await pause()).toEqual({
      endpoint: NEW,
      host: 'collector.elsewhere.example',
      source: 'feed',
      declined: false,
    });

    // "Keep paused": still nothing, and the popup stops asking.
    expect(await answerReportDestination(db, deps.readManaged, NEW, false)).toEqual({ ok: true });
    expect(await reportingTick(db, deps, true)).toEqual({ sent: 0, failed: 0, queued: 1 });
    expect(srv.posts).toEqual([OLD]);
    expect(await pause()).toMatchObject({ endpoint: NEW, declined: true });

    // An answer about a host that is no longer configured is refused: nobody agrees to what they were not shown.
    managed = { reportEndpoint: 'https://third.example/r' };
    expect(await answerReportDestination(db, deps.readManaged, NEW, true)).toEqual({ rejected: expect.any(String) });
    expect((await stored()).reporting.consentedEndpoint).toBe(OLD);
    managed = {};

    expect(await answerReportDestination(db, deps.readManaged, NEW, true)).toEqual({ ok: true });
    expect((await stored()).reporting).toMatchObject({ consentedEndpoint: NEW, declinedEndpoint: null });
    expect(await reportingTick(db, deps, true)).toMatchObject({ sent: 2, failed: 0, queued: 0 });
    // The week queued under the old consent went to the old host; the next one to the new host.
    expect(srv.posts).toEqual([OLD, OLD, NEW]);
    expect(await pause()).toBeUndefined();
    const log = await db.sentLog.toArray();
    expect(log.map((l) => [l.key.slice(-10), l.endpoint])).toEqual([
      ['2026-11-16', OLD],
      ['2026-11-16', OLD],
      ['2026-11-23', NEW],
    ]);
  });

  it('a new policy endpoint pauses reporting too, and is shown as the organization’s', async () => {
    const now = at(2026, 11, 24, 9);
    await fakeBrowser.storage.local.set({
      settings: settings({ enabled: true, consentedEndpoint: OLD }),
      reportingState: { cursor: at(2026, 11, 10) },
    });
    await db.feedCache.put(feedRow(OLD));
    const srv = receiver();
    const deps = {
      now: () => now,
      fetch: srv.fetch,
      random: () => 0,
      readManaged: async () => ({ reportEndpoint: NEW }),
    };
    expect(await reportingTick(db, deps, true)).toEqual({ sent: 0, failed: 0, queued: 0 });
    expect(srv.posts).toEqual([]);
    expect(await pause()).toMatchObject({ endpoint: NEW, source: 'managed' });
  });

  it('reporting turned on before a destination was named sends nothing until the employee agrees to the first one', async () => {
    const now = at(2026, 11, 24, 9);
    await fakeBrowser.storage.local.set({
      settings: settings({ enabled: true }),
      reportingState: { cursor: at(2026, 11, 10) },
    });
    await db.feedCache.put(feedRow(OLD));
    const srv = receiver();
    const deps = { now: () => now, fetch: srv.fetch, random: () => 0, readManaged: async () => ({}) };
    expect(await reportingTick(db, deps, true)).toEqual({ sent: 0, failed: 0, queued: 0 });
    expect(srv.posts).toEqual([]);
    expect(await pause()).toMatchObject({ endpoint: OLD, host: 'reports.acme.example' });
    await answerReportDestination(db, deps.readManaged, OLD, true);
    expect(await reportingTick(db, deps, true)).toMatchObject({ sent: 2 });
    expect(srv.posts).toEqual([OLD, OLD]);
  });

  it('a report queued before consent was recorded goes only to an endpoint the employee agreed to', async () => {
    const now = at(2026, 11, 24, 9);
    await fakeBrowser.storage.local.set({
      settings: settings({ enabled: true, consentedEndpoint: OLD }),
      reportingState: { cursor: at(2026, 11, 23) },
    });
    await db.feedCache.put(feedRow(OLD));
    const row: OutboxEntry = {
      key: 'install-1234:week:2026-11-16',
      endpoint: NEW,
      createdAt: 0,
      attempts: 0,
      nextAttemptAt: 0,
      period: { kind: 'week', start: at(2026, 11, 16), end: at(2026, 11, 23) },
      report: {
        schemaVersion: 1,
        identity: { kind: 'anonymous', installId: 'install-1234' },
        period: { kind: 'week', start: '2026-11-16', end: '2026-11-23' },
        generatedAt: new Date(0).toISOString(),
      },
    };
    await db.outbox.add(row);
    const srv = receiver();
    const deps = { now: () => now, fetch: srv.fetch, random: () => 0, readManaged: async () => ({}) };
    expect(await reportingTick(db, deps, true)).toEqual({ sent: 0, failed: 0, queued: 1 });
    expect(srv.posts).toEqual([]);
  });
});
