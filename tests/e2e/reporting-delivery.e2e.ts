import { describe, expect, it } from 'vitest';
import { localDate, periodContaining, shiftPeriod } from '../../lib/period';
import { BROWSERS, useBrowser, useFixtureServer } from './helpers';
import type { ExtensionBrowser } from './harness/browsers';
import { waitUntil, type TestPage } from './harness/page';
import { PopupPage } from './pages/popup';
import {
  FEED_HOST,
  feedUrlFor,
  getLocal,
  REPORT_HOST,
  reportServer,
  reportUrlFor,
  sendUi,
  serveFeed,
  setLocal,
  settings,
  waitForFeed,
  type Outcome,
} from './feed-support';

const ctx = useFixtureServer();

/** The three weeks before this one: their ends have passed, so they are due. */
function threeEndedWeeks() {
  const current = periodContaining('week', Date.now());
  const first = shiftPeriod(current, -3);
  return { cursor: first.start, starts: [-3, -2, -1].map((n) => localDate(shiftPeriod(current, n).start)) };
}

async function useCompanyFeed(browser: ExtensionBrowser, page: TestPage, installId: string) {
  await setLocal(page, { settings: settings({ installId, feedUrl: feedUrlFor(installId) }) });
  await waitForFeed(browser, 'the company feed', (r) => r.source === feedUrlFor(installId) && !!r.feed);
  // Reporting is off in these settings: wait until the background has reset its state, so the next
  // step's state is not overwritten by that pass.
  await waitUntil(async () => {
    const state = (await getLocal(page, 'reportingState')) as { cursor: number | null } | undefined;
    return !state || state.cursor === null;
  }, 'reporting state reset');
}

const reportingOn = (installId: string) =>
  settings({
    installId,
    feedUrl: feedUrlFor(installId),
    // Agreed to the endpoint the test's feed names (options shows it before reporting is turned on).
    reporting: {
      enabled: true,
      consentedEndpoint: reportUrlFor(installId),
      fields: { totalShares: true, byNetwork: true },
    },
  });

async function sendUntilEmpty(browser: ExtensionBrowser, page: TestPage): Promise<number> {
  for (let round = 1; round <= 10; round++) {
    const r = await sendUi<{ queued: number }>(page, 'ui:sendReportsNow', {});
    if (r.queued === 0 && (await browser.readTable('outbox')).length === 0) return round;
  }
  throw new Error('reports still queued after 10 rounds of "send now"');
}

describe.each(BROWSERS)('reporting in %s', (name) => {
  const b = useBrowser(name);

  it('sends nothing at all while the employee has not turned reporting on', async () => {
    const { browser } = b;
    const { server } = ctx;
    const stopFeed = serveFeed(server);
    const receiver = reportServer(server, []);
    const before = server.requestsTo(REPORT_HOST).length;
    try {
      const popup = await PopupPage.open(browser);
      await useCompanyFeed(browser, popup.page, 'e2e-off-0001');
      await setLocal(popup.page, { reportingState: { cursor: threeEndedWeeks().cursor } });
      expect(await sendUi(popup.page, 'ui:sendReportsNow', {})).toEqual({ sent: 0, failed: 0, queued: 0 });
      expect(await browser.readTable('outbox')).toEqual([]);
      expect(server.requestsTo(REPORT_HOST).slice(before)).toEqual([]);
      await popup.page.close();
    } finally {
      receiver.close();
      stopFeed();
    }
  });

  it('delivers each ended period exactly once through 500s, dropped connections and timeouts', async () => {
    const { browser } = b;
    const { server } = ctx;
    const stopFeed = serveFeed(server);
    const weeks = threeEndedWeeks();
    const receiver = reportServer(server, ['500', 'drop', 'store-then-drop', '500', 'timeout', 'ok']);
    try {
      const popup = await PopupPage.open(browser);
      await useCompanyFeed(browser, popup.page, 'e2e-once-0001');
      // Consent given three weeks ago (the state "send now" catches up from).
      await setLocal(popup.page, { settings: reportingOn('e2e-once-0001'), reportingState: { cursor: weeks.cursor } });
      const rounds = await sendUntilEmpty(browser, popup.page);
      expect(rounds).toBeGreaterThanOrEqual(2);

      const keys = weeks.starts.map((s) => `e2e-once-0001:week:${s}`);
      expect([...receiver.stored.keys()].sort()).toEqual(keys);
      for (const [key, { body, count }] of receiver.stored) {
        expect(count, key).toBe(1);
        expect(body).toMatchObject({
          schemaVersion: 1,
          identity: { kind: 'anonymous', installId: 'e2e-once-0001' },
          totalShares: 0,
        });
        expect(key.endsWith((body.period as { start: string }).start)).toBe(true);
      }
      // The report whose answer was lost was retried with the same key (and stored once).
      const lost = receiver.posts.find((p) => p.outcome === 'store-then-drop')!;
      expect(receiver.posts.filter((p) => p.key === lost.key).length).toBeGreaterThanOrEqual(2);

      const log = await browser.readTable<{ key: string; ok: boolean; status: number | null; attempts?: number }>(
        'sentLog',
      );
      expect(
        log
          .filter((l) => l.ok)
          .map((l) => l.key)
          .sort(),
      ).toEqual(keys);
      // Failures in a row of one report share an entry (the latest answer, with the count).
      expect(log.filter((l) => !l.ok).length).toBeGreaterThanOrEqual(1);
      expect(new Set(log.filter((l) => !l.ok).map((l) => l.key)).size).toBe(log.filter((l) => !l.ok).length);
      // Each attempt is counted. The browser's network stack may itself resend a POST whose reused
      // connection was dropped, so the server can see more POSTs than attempts — one more reason for keys.
      const attempts = log.reduce((n, l) => n + (l.attempts ?? 1), 0);
      expect(attempts).toBeGreaterThanOrEqual(4);
      expect(attempts).toBeLessThanOrEqual(receiver.posts.length);
      // Every request that left went to the company's two servers, nowhere else.
      expect(new Set(server.requests.map((r) => r.host).filter((h) => h !== 'x.com'))).toEqual(
        new Set([FEED_HOST, REPORT_HOST]),
      );
      await popup.page.close();
    } finally {
      receiver.close();
      stopFeed();
    }
  });

  it('keeps a failing report queued and visible, and turning reporting off removes it without sending', async () => {
    const { browser } = b;
    const { server } = ctx;
    const stopFeed = serveFeed(server);
    const receiver = reportServer(server, Array<Outcome>(50).fill('500'));
    try {
      const popup = await PopupPage.open(browser);
      await useCompanyFeed(browser, popup.page, 'e2e-fail-0001');
      await setLocal(popup.page, {
        settings: reportingOn('e2e-fail-0001'),
        reportingState: { cursor: threeEndedWeeks().cursor },
      });
      await sendUi(popup.page, 'ui:sendReportsNow', {});
      const queued = await waitUntil(async () => {
        const rows = await browser.readTable<{ attempts: number; lastError?: string }>('outbox');
        return rows.length === 3 && rows.every((r) => r.attempts >= 1 && r.lastError) ? rows : null;
      }, 'three failing reports in the outbox');
      // Chromium throttles an extension's requests to a URL after repeated 5xx answers (the request then
      // fails as a network error): either way the report stays queued with the reason.
      for (const r of queued) expect(r.lastError).toMatch(name === 'firefox' ? /HTTP 500/ : /HTTP 500|Failed to fetch/);

      await setLocal(popup.page, {
        settings: settings({ installId: 'e2e-fail-0001', feedUrl: feedUrlFor('e2e-fail-0001') }),
      });
      await waitUntil(async () => (await browser.readTable('outbox')).length === 0, 'the outbox to be emptied');
      const before = receiver.posts.length;
      expect(await sendUi(popup.page, 'ui:sendReportsNow', {})).toEqual({ sent: 0, failed: 0, queued: 0 });
      expect(receiver.posts.length).toBe(before);
      expect(await getLocal(popup.page, 'reportingState')).toEqual({ cursor: null });
      await popup.page.close();
    } finally {
      receiver.close();
      stopFeed();
    }
  });
  it('sends a suggested page with the next report only after the employee chose to send it', async () => {
    const { browser } = b;
    const { server } = ctx;
    const stopFeed = serveFeed(server);
    const receiver = reportServer(server, []);
    try {
      const popup = await PopupPage.open(browser);
      await useCompanyFeed(browser, popup.page, 'e2e-sugg-0001');
      const kept = await sendUi<{ id: number }>(popup.page, 'ui:suggestPage', {
        url: 'https://x.com/kestrel/status/1',
        title: 'Kept as draft',
        note: '',
      });
      const sent = await sendUi<{ id: number }>(popup.page, 'ui:suggestPage', {
        url: 'https://trade.example/robots',
        title: 'Robots in the warehouse',
        note: 'For the feed?',
      });
      expect(await sendUi(popup.page, 'ui:queueSuggestions', { ids: [sent.id] })).toEqual({ ok: true, queued: 1 });
      const last = shiftPeriod(periodContaining('week', Date.now()), -1);
      await setLocal(popup.page, { settings: reportingOn('e2e-sugg-0001'), reportingState: { cursor: last.start } });
      await sendUntilEmpty(browser, popup.page);
      const stored = receiver.stored.get(`e2e-sugg-0001:week:${localDate(last.start)}`);
      expect(stored?.body.suggestions).toEqual([
        {
          url: 'https://trade.example/robots',
          title: 'Robots in the warehouse',
          note: 'For the feed?',
          suggestedAt: expect.any(String),
        },
      ]);
      const rows = await browser.readTable<{ id: number; status: string }>('suggestions');
      expect(rows.find((r) => r.id === sent.id)?.status).toBe('sent');
      expect(rows.find((r) => r.id === kept.id)?.status).toBe('draft');
      await popup.page.close();
    } finally {
      receiver.close();
      stopFeed();
    }
  });
});

describe('reporting in chromium when the service worker is stopped mid-request', () => {
  const b = useBrowser('chromium');

  it('retries with the same key after the worker restarts, and the period is stored once', async () => {
    const { browser } = b;
    const { server } = ctx;
    const stopFeed = serveFeed(server);
    const receiver = reportServer(server, ['store-then-hang']);
    try {
      const popup = await PopupPage.open(browser);
      await useCompanyFeed(browser, popup.page, 'e2e-stop-0001');
      const current = periodContaining('week', Date.now());
      const last = shiftPeriod(current, -1);
      // Turning reporting on wakes the background, which sends the due report on its own.
      await setLocal(popup.page, { settings: reportingOn('e2e-stop-0001'), reportingState: { cursor: last.start } });
      await waitUntil(() => receiver.posts.length === 1, 'the first POST to arrive');
      await browser.stopServiceWorker!();
      const row = await waitUntil(
        async () => (await browser.readTable<{ attempts: number }>('outbox'))[0],
        'the report still queued',
      );
      expect(row.attempts).toBe(1);

      // "Send now" wakes a new worker, which continues from the state in the database.
      await sendUntilEmpty(browser, popup.page);
      const key = `e2e-stop-0001:week:${localDate(last.start)}`;
      expect([...receiver.stored]).toEqual([[key, expect.objectContaining({ count: 1 })]]);
      expect(receiver.posts.map((p) => p.key)).toEqual([key, key]);
      const log = await browser.readTable<{ key: string; ok: boolean }>('sentLog');
      expect(log.filter((l) => l.ok).map((l) => l.key)).toEqual([key]);
    } finally {
      receiver.close();
      stopFeed();
    }
  });
});
