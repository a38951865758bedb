import { describe, expect, it } from 'vitest';
import { localDate, periodContaining, shiftPeriod } from '../../lib/period';
import { BROWSERS, useBrowser, useFixtureServer } from './helpers';
import type { ExtensionBrowser } from './harness/browsers';
import { axeViolations } from './harness/axe';
import { waitUntil, type TestPage } from './harness/page';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';
import {
  CORS,
  FEED_HOST,
  feedUrlFor,
  getLocal,
  hostAndPath,
  reportServer,
  reportUrlOf,
  sendUi,
  serveFeed,
  setLocal,
  settings,
  waitForFeed,
  type Outcome,
} from './feed-support';

const ctx = useFixtureServer();
const BROKEN_FEED = `https://${FEED_HOST}/broken.json`;
const INSTALL = 'e2e-wire-0001';

/** A company feed server that is down: every request answers 503 (with CORS, so the status is seen). */
function serveBrokenFeed() {
  return ctx.server.handle((req, res) => {
    const { host, path } = hostAndPath(req);
    if (host !== FEED_HOST || path !== '/broken.json') return false;
    res
      .writeHead(req.method === 'OPTIONS' ? 204 : 503, CORS)
      .end(req.method === 'OPTIONS' ? undefined : 'down for maintenance');
    return true;
  });
}

/** The three weeks before this one (due for reporting), as the cursor to start from and their keys. */
function threeEndedWeeks() {
  const current = periodContaining('week', Date.now());
  return {
    cursor: shiftPeriod(current, -3).start,
    keys: [-3, -2, -1].map((n) => `${INSTALL}:week:${localDate(shiftPeriod(current, n).start)}`),
  };
}

/**
 * Reporting on for the company feed `feedUrl`, with consent given three weeks ago, and nothing sent
 * yet: the background first starts its consent clock at "now" (so it sends nothing on its own), then
 * the clock is moved back, which only a reporting pass ("Send now") acts on.
 */
async function reportingFromThreeWeeksAgo(browser: ExtensionBrowser, page: TestPage, feedUrl: string) {
  await setLocal(page, { settings: settings({ installId: INSTALL, feedUrl }) });
  await waitForFeed(browser, 'the company feed', (r) => r.source === feedUrl && !!r.feed);
  await waitUntil(
    async () => ((await getLocal(page, 'reportingState')) as { cursor: unknown } | undefined)?.cursor == null,
    'reporting off',
  );
  await setLocal(page, {
    settings: settings({
      installId: INSTALL,
      feedUrl,
      reporting: { enabled: true, consentedEndpoint: reportUrlOf(feedUrl), fields: { totalShares: true } },
    }),
  });
  await waitUntil(
    async () => ((await getLocal(page, 'reportingState')) as { cursor: unknown } | undefined)?.cursor != null,
    'consent clock started',
  );
  const weeks = threeEndedWeeks();
  await setLocal(page, { reportingState: { cursor: weeks.cursor } });
  return weeks;
}

describe.each(BROWSERS)('options and popup wiring of the company feed and reporting in %s', (name) => {
  const b = useBrowser(name);

  it('says clearly when the company feed never loaded: options shows the error, the popup shows no demo posts', async () => {
    const { browser } = b;
    const stop = serveBrokenFeed();
    try {
      const options = await OptionsPage.open(browser);
      expect(await options.waitForFeedStatus('demo')).toContain('demo');

      // Bad addresses are refused with a reason, and nothing is saved.
      await options.saveFeedUrl(`http://${FEED_HOST}/company.json`);
      expect(await options.feedUrlStatus()).toContain('https://');
      await options.saveFeedUrl('feeds dot example');
      expect(await options.feedUrlStatus()).toContain('not a complete web address');
      expect((await options.storedSettings())?.feedUrl ?? null).toBeNull();

      await options.saveFeedUrl(BROKEN_FEED);
      await waitUntil(async () => (await options.storedSettings())?.feedUrl === BROKEN_FEED, 'the address to be saved');
      await waitForFeed(browser, 'the failed attempt', (r) => r.source === BROKEN_FEED && !!r.error);
      const status = await options.waitForFeedStatus('unavailable');
      expect(status).toContain(BROKEN_FEED);
      expect(status).toContain('could not be loaded yet');
      expect(status).toContain('HTTP 503');

      const popup = await PopupPage.open(browser);
      await popup.page.waitFor('[data-testid="feed-unavailable"]');
      const notice = (await popup.text('[data-testid="feed-unavailable"]'))!;
      expect(notice).toContain("Your company's posts can't be reached right now.");
      expect(notice).toContain(BROKEN_FEED);
      expect(notice).toContain('HTTP 503');
      expect(notice).toContain('the demo company is not your employer');
      expect(await popup.postIds()).toEqual([]);
      expect(await popup.text('[data-testid="demo-notice"]')).toBeNull();
      expect(await popup.page.evaluate(() => document.body.textContent!.includes('Kestrel'))).toBe(false);
      expect(await axeViolations(popup.page)).toEqual([]);
      await popup.page.close();
      await options.page.close();
    } finally {
      stop();
    }
  });

  it('saving the company feed address in options makes the popup show that company', async () => {
    const { browser } = b;
    const stop = serveFeed(ctx.server);
    const url = feedUrlFor(`${name}-options`);
    try {
      const options = await OptionsPage.open(browser);
      await options.saveFeedUrl(url);
      await waitUntil(async () => /^Saved/.test(await options.feedUrlStatus()), 'the address to be saved');
      await waitForFeed(browser, 'the company feed', (r) => r.source === url && !!r.feed);
      const status = await options.waitForFeedStatus('company');
      expect(status).toContain(url);
      expect(status).toContain('Acme Robotics');

      const popup = await PopupPage.open(browser);
      await popup.waitForHeadline('Acme ships the R8 to every warehouse');
      expect(await popup.text('[data-testid="demo-notice"]')).toBeNull();
      expect(await popup.text('[data-testid="feed-unavailable"]')).toBeNull();
      expect((await popup.waitForPosts()).length).toBeGreaterThan(0);
      await popup.page.close();
      await options.page.close();
    } finally {
      stop();
    }
  });

  it('a report that keeps failing stays queued and visible with its error', async () => {
    const { browser } = b;
    const stopFeed = serveFeed(ctx.server);
    const receiver = reportServer(ctx.server, Array<Outcome>(60).fill('500'));
    try {
      const options = await OptionsPage.open(browser);
      const weeks = await reportingFromThreeWeeksAgo(browser, options.page, feedUrlFor(`${name}-failing`));
      const result = await options.sendNow();
      expect(result).toContain('Delivered: 0');
      expect(result).toContain('still waiting: 3');
      const queued = await waitUntil(async () => {
        const rows = await options.queuedReports();
        return rows.length === 3 && rows.every((r) => r.error) ? rows : null;
      }, 'three failing reports listed');
      expect(queued.map((r) => r.key)).toEqual(weeks.keys);
      // Chromium may throttle an extension's requests to a URL after 5xx answers (then: no answer).
      for (const r of queued) expect(r.error).toMatch(name === 'firefox' ? /HTTP 500/ : /HTTP 500|Failed to fetch/);
      for (const r of queued) expect(r.text).toContain('attempts: 1');
      // The preview shows the report that goes next: the oldest queued one.
      await options.page.waitFor('[data-testid="preview-queued"]');
      const preview = await options.previewJson();
      expect((preview?.period as { start: string }).start).toBe(weeks.keys[0]!.split(':week:')[1]);
      expect((await options.sentLog()).filter((l) => !l.ok).length).toBeGreaterThanOrEqual(3);
      expect(await axeViolations(options.page)).toEqual([]);
      await options.page.close();
    } finally {
      receiver.close();
      stopFeed();
    }
  });

  it('"Send now" delivers the queued reports, the sent log shows them, and suggestions appear in the preview', async () => {
    const { browser } = b;
    const stopFeed = serveFeed(ctx.server);
    const receiver = reportServer(ctx.server, []);
    try {
      const options = await OptionsPage.open(browser);
      const weeks = await reportingFromThreeWeeksAgo(browser, options.page, feedUrlFor(`${name}-delivering`));
      expect(await options.sendNow()).toContain('Delivered: 3, failed: 0, still waiting: 0');
      expect([...receiver.stored.keys()].sort()).toEqual(weeks.keys);
      await options.page.waitFor('[data-testid="outbox-empty"]');
      const delivered = await waitUntil(async () => {
        const ok = (await options.sentLog()).filter((l) => l.ok);
        return ok.length === 3 ? ok : null;
      }, 'three delivered reports in the sent log');
      expect(delivered.map((l) => l.key).sort()).toEqual(weeks.keys);
      for (const l of delivered) expect(l.text).toContain(`delivered (HTTP 201)`);

      // A page the employee suggested and chose to send shows in "what my employer sees".
      const s = await sendUi<{ id: number }>(options.page, 'ui:suggestPage', {
        url: 'https://trade.example/robots',
        title: 'Robots in the warehouse',
        note: 'For the feed?',
      });
      await sendUi(options.page, 'ui:queueSuggestions', { ids: [s.id] });
      const preview = await options.waitForPreview('the suggestion', (r) => Array.isArray(r?.suggestions));
      expect(preview?.suggestions).toEqual([
        {
          url: 'https://trade.example/robots',
          title: 'Robots in the warehouse',
          note: 'For the feed?',
          suggestedAt: expect.any(String),
        },
      ]);
      expect(await options.page.text('[data-testid="preview-suggestions"]')).toContain('Robots in the warehouse');
      expect(await options.page.text('[data-testid="preview-queued"]')).toBeNull();

      // The popup's "Suggest this page" (loaded when opened) lists it as going out with the next report.
      const popup = await PopupPage.open(browser);
      await popup.waitForPosts(); // the popup's layout has settled
      await popup.openSuggest();
      const listed = await waitUntil(() => popup.text('[data-testid="suggest-list"]'), 'the suggestions list');
      expect(listed).toContain('Robots in the warehouse');
      expect(listed).toContain('goes out with the next report');
      expect(await axeViolations(popup.page)).toEqual([]);
      await popup.page.close();
      expect(await axeViolations(options.page)).toEqual([]);
      await options.page.close();
    } finally {
      receiver.close();
      stopFeed();
    }
  });
});
