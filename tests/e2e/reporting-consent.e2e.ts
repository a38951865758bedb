import { describe, expect, it } from 'vitest';
import { localDate, periodContaining, shiftPeriod } from '../../lib/period';
import { BROWSERS, useBrowser, useFixtureServer } from './helpers';
import { waitUntil } from './harness/page';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';
import {
  companyFeed,
  CORS,
  FEED_HOST,
  getLocal,
  hostAndPath,
  OTHER_REPORT_HOST,
  REPORT_HOST,
  reportServer,
  sendUi,
  setLocal,
  settings,
  waitForFeed,
} from './feed-support';

const ctx = useFixtureServer();

/** A company feed whose report endpoint the test changes, as a compromised feed (or a real move) would. */
function movingFeed(name: string) {
  const url = `https://${FEED_HOST}/moving.json?t=${name}`;
  const state = { endpoint: `https://${REPORT_HOST}/in/${name}` };
  const stop = ctx.server.handle((req, res) => {
    const { host, path } = hostAndPath(req);
    if (host !== FEED_HOST || path !== '/moving.json' || !req.url?.includes(`t=${name}`)) return false;
    const feed = companyFeed();
    feed.reporting = { endpoint: state.endpoint, schedule: 'weekly' };
    res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify(feed));
    return true;
  });
  return { url, state, stop };
}

const weekKey = (install: string, offset: number) =>
  `${install}:week:${localDate(shiftPeriod(periodContaining('week', Date.now()), offset).start)}`;

describe.each(BROWSERS)('the report destination in %s', (name) => {
  const b = useBrowser(name);

  it('is shown before consent; a new one pauses reporting and is asked about in popup and options; each report goes where it was agreed', async () => {
    const { browser } = b;
    const { server } = ctx;
    const install = `e2e-consent-${name}`;
    const feed = movingFeed(install);
    const OLD = feed.state.endpoint;
    const NEW = `https://${OTHER_REPORT_HOST}/in/${install}`;
    const before = server.requests.length; // the server is shared by both browsers' runs
    const toOther = () => server.requests.slice(before).filter((r) => r.host === OTHER_REPORT_HOST);
    const old = reportServer(server, ['500']);
    const other = reportServer(server, [], OTHER_REPORT_HOST);
    try {
      const options = await OptionsPage.open(browser);
      await setLocal(options.page, { settings: settings({ installId: install, feedUrl: feed.url }) });
      await waitForFeed(browser, 'the company feed', (r) => r.source === feed.url && !!r.feed);

      // The destination is named before the employee turns reporting on; turning it on agrees to it.
      const shown = await waitUntil(async () => {
        const text = await options.page.text('[data-testid="report-destination"]');
        return text?.includes(REPORT_HOST) ? text : null;
      }, 'the report destination');
      expect(shown).toContain('Reports would go to reports.sharewise.test');
      expect(shown).toContain('named by your company feed');
      await options.setSwitch('reporting-enabled', true);
      await waitUntil(
        async () => (await options.storedSettings())?.reporting?.consentedEndpoint === OLD,
        'consent to the shown endpoint',
      );
      await waitUntil(
        async () =>
          ((await getLocal(options.page, 'reportingState')) as { cursor: unknown } | undefined)?.cursor != null,
        'consent clock started',
      );

      // Last week's report is queued for the agreed host (which is down for now).
      await setLocal(options.page, {
        reportingState: { cursor: shiftPeriod(periodContaining('week', Date.now()), -1).start },
      });
      await sendUi(options.page, 'ui:sendReportsNow', {});
      await waitUntil(
        async () => (await browser.readTable<{ lastError?: string }>('outbox')).some((r) => r.lastError),
        'a queued report',
      );
      expect(old.posts.map((p) => p.key)).toEqual([weekKey(install, -1)]);

      // The feed now names another host.
      feed.state.endpoint = NEW;
      await sendUi(options.page, 'ui:feedMaybeRefresh', { force: true });
      const popup = await PopupPage.open(browser);
      const asked = await waitUntil(() => popup.text('[data-testid="report-pause"]'), 'the popup to ask');
      expect(asked).toContain(
        `Your company now asks to send reports to ${OTHER_REPORT_HOST}. Reports are paused until you agree.`,
      );
      await options.page.waitFor(`[data-testid="report-pause"][data-host="${OTHER_REPORT_HOST}"]`);
      // The queued report still names the host it was agreed for.
      expect(await options.page.text('[data-testid="outbox-host"]')).toBe(`to ${REPORT_HOST}`);

      // Paused: "send now" sends nothing, neither to the new host nor the old one.
      expect(await sendUi(popup.page, 'ui:sendReportsNow', {})).toEqual({ sent: 0, failed: 0, queued: 1 });
      expect(toOther()).toEqual([]);
      expect(old.posts).toHaveLength(1);

      // "Keep paused" in the popup: it stops asking there; options still offers to agree.
      await popup.page.click('[data-testid="report-pause-keep"]');
      await waitUntil(
        async () => (await popup.text('[data-testid="report-pause"]')) === null,
        'the popup to stop asking',
      );
      await options.page.waitFor('[data-testid="report-pause-kept"]');
      expect(await sendUi(popup.page, 'ui:sendReportsNow', {})).toEqual({ sent: 0, failed: 0, queued: 1 });
      expect(toOther()).toEqual([]);

      // Stands in for two weeks that ended while reporting was paused (the consent clock waits meanwhile).
      await setLocal(options.page, {
        reportingState: { cursor: shiftPeriod(periodContaining('week', Date.now()), -3).start },
      });
      await options.page.click('[data-testid="report-pause-agree"]');
      await waitUntil(
        async () => (await options.storedSettings())?.reporting?.consentedEndpoint === NEW,
        'consent to the new endpoint',
      );
      await waitUntil(
        async () => (await options.page.text('[data-testid="report-pause"]')) === null,
        'options to stop asking',
      );
      for (let round = 0; round < 10 && (await browser.readTable('outbox')).length; round++)
        await sendUi(options.page, 'ui:sendReportsNow', {});
      expect(await browser.readTable('outbox')).toEqual([]);

      // The report queued under the old consent went to the old host; the paused weeks to the new one.
      expect([...old.stored.keys()]).toEqual([weekKey(install, -1)]);
      expect([...other.stored.keys()].sort()).toEqual([weekKey(install, -3), weekKey(install, -2)]);
      const log = await browser.readTable<{ key: string; endpoint: string; ok: boolean }>('sentLog');
      expect(
        log
          .filter((l) => l.ok)
          .map((l) => [l.key, l.endpoint])
          .sort(),
      ).toEqual([
        [weekKey(install, -3), NEW],
        [weekKey(install, -2), NEW],
        [weekKey(install, -1), OLD],
      ]);
      await popup.page.close();
      await options.page.close();
    } finally {
      old.close();
      other.close();
      feed.stop();
    }
  });
});
