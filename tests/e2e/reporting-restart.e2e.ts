import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDate, periodContaining, shiftPeriod } from '../../lib/period';
import { launch, type ExtensionBrowser } from './harness/browsers';
import { waitUntil } from './harness/page';
import { useFixtureServer } from './helpers';
import { PopupPage } from './pages/popup';
import { FEED_URL, REPORT_URL, reportServer, serveFeed, setLocal, settings, waitForFeed } from './feed-support';

const ctx = useFixtureServer();

describe('reporting in chromium across a browser restart', () => {
  it('a report that failed before the browser closed is retried by the backoff alarm after it starts again, once', async () => {
    const { server } = ctx;
    const profile = mkdtempSync(join(tmpdir(), 'sharewise-restart-'));
    const stopFeed = serveFeed(server);
    const receiver = reportServer(server, ['500']);
    const last = shiftPeriod(periodContaining('week', Date.now()), -1);
    const key = `e2e-restart-0001:week:${localDate(last.start)}`;
    let browser: ExtensionBrowser | null = null;
    try {
      browser = await launch('chromium', { userDataDir: profile });
      const popup = await PopupPage.open(browser);
      await setLocal(popup.page, { settings: settings({ installId: 'e2e-restart-0001', feedUrl: FEED_URL }) });
      await waitForFeed(browser, 'the company feed', (r) => r.source === FEED_URL && !!r.feed);
      await setLocal(popup.page, {
        settings: settings({
          installId: 'e2e-restart-0001',
          feedUrl: FEED_URL,
          reporting: { enabled: true, consentedEndpoint: REPORT_URL, fields: { totalShares: true } },
        }),
        reportingState: { cursor: last.start },
      });
      // The background sends on its own when reporting is turned on; the server fails it.
      const row = await waitUntil(
        async () =>
          (await browser!.readTable<{ key: string; attempts: number; lastError?: string }>('outbox')).find(
            (r) => r.lastError,
          ),
        'a failed report in the outbox',
      );
      expect(row).toMatchObject({ key, attempts: 1, lastError: expect.stringMatching(/HTTP 500/) });
      await browser.close();
      browser = null;

      // Restart with the same profile. No "send now": the alarm set for the retry wakes the worker.
      browser = await launch('chromium', { userDataDir: profile });
      await waitUntil(() => receiver.stored.has(key), 'the retried report to arrive after the restart', 80_000);
      await waitUntil(async () => (await browser!.readTable('outbox')).length === 0, 'the outbox to be empty');
      expect(receiver.stored.get(key)?.count).toBe(1);
      expect(receiver.posts.map((p) => [p.key, p.outcome])).toEqual([
        [key, '500'],
        [key, 'ok'],
      ]);
      const log = await browser.readTable<{ key: string; ok: boolean; status: number | null }>('sentLog');
      expect(log.map((l) => [l.key, l.ok, l.status])).toEqual([
        [key, false, 500],
        [key, true, 201],
      ]);
    } finally {
      await browser?.close();
      receiver.close();
      stopFeed();
      rmSync(profile, { recursive: true, force: true });
    }
  }, 150_000);
});
