import { describe, expect, it } from 'vitest';
import { BROWSERS, useBrowser, useFixtureServer } from './helpers';
import { PopupPage } from './pages/popup';
import { waitUntil } from './harness/page';
import {
  companyFeed,
  CORS,
  FEED_HOST,
  FEED_URL,
  feedRow,
  hostAndPath,
  sendUi,
  setLocal,
  settings,
  waitForFeed,
} from './feed-support';

const ctx = useFixtureServer();

type Mode = 'good' | 'not-json' | 'too-large-declared' | 'too-large-streamed' | 'invalid' | 'error-500' | 'no-cors';

describe.each(BROWSERS)('company feed sync in %s', (name) => {
  const b = useBrowser(name);

  it('fetches the employee’s feed, revalidates by a local hash (no ETag sent back), and keeps the last good feed through every kind of failure', async () => {
    const { browser } = b;
    const { server } = ctx;
    let mode: Mode = 'good';
    const body = JSON.stringify(companyFeed());
    const stop = server.handle((req, res) => {
      const { host, path } = hostAndPath(req);
      if (host !== FEED_HOST || path !== '/company.json') return false;
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS);
        res.end();
        return true;
      }
      switch (mode) {
        case 'good':
          // The server still sends an ETag (as many do): the extension must never send it back.
          res.writeHead(200, { ...CORS, 'content-type': 'application/json', etag: '"v1"' }).end(body);
          return true;
        case 'not-json':
          res.writeHead(200, { ...CORS, 'content-type': 'text/html' }).end('<html>maintenance</html>');
          return true;
        case 'too-large-declared':
          res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(`{"pad":"${'x'.repeat(1_200_000)}"}`);
          return true;
        case 'too-large-streamed': {
          // No Content-Length (chunked): only the streamed-body cap can catch it.
          res.writeHead(200, { ...CORS, 'content-type': 'application/json' });
          const chunk = 'x'.repeat(64 * 1024);
          let sent = 0;
          const pump = () => {
            while (sent < 40 && res.write(chunk)) sent++;
            if (sent >= 40) res.end();
            else res.once('drain', pump);
          };
          res.write('{"pad":"');
          pump();
          res.on('error', () => {});
          return true;
        }
        case 'invalid':
          res
            .writeHead(200, { ...CORS, 'content-type': 'application/json' })
            .end(JSON.stringify({ version: 1, company: {} }));
          return true;
        case 'error-500':
          res.writeHead(500, CORS).end('boom');
          return true;
        case 'no-cors':
          res.writeHead(200, { 'content-type': 'application/json' }).end(body);
          return true;
      }
    });
    try {
      const popup = await PopupPage.open(browser);
      await setLocal(popup.page, { settings: settings({ feedUrl: FEED_URL }) });
      const good = await waitForFeed(browser, 'the company feed', (r) => r.source === FEED_URL && !!r.feed);
      expect(good).toMatchObject({
        error: null,
        bodyHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        feed: { company: { name: 'Acme Robotics' } },
      });
      expect(good).not.toHaveProperty('etag');
      await popup.page.goto(`${browser.extensionOrigin}popup.html`);
      await popup.waitForHeadline('Acme ships the R8 to every warehouse');

      // A refresh sends nothing back (no If-None-Match); the same body confirms the cached feed by its hash.
      const before = server.requestsTo(FEED_HOST).length;
      await sendUi(popup.page, 'ui:feedMaybeRefresh', { force: true });
      const again = server
        .requestsTo(FEED_HOST)
        .slice(before)
        .filter((r) => r.method === 'GET');
      expect(again.map((r) => r.headers['if-none-match'])).toEqual([undefined]);
      const confirmed = await feedRow(browser);
      expect(confirmed).toMatchObject({ source: FEED_URL, bodyHash: good.bodyHash, error: null });
      expect(confirmed!.fetchedAt!).toBeGreaterThan(good.fetchedAt!);

      // Not refreshed again within the hour when the popup merely opens.
      expect(await sendUi(popup.page, 'ui:feedMaybeRefresh', {})).toEqual({ refreshed: false });

      let firstSince: number | null = null;
      for (const [m, message] of [
        ['not-json', /not valid JSON/],
        ['too-large-declared', /too large/],
        ['too-large-streamed', /too large/],
        ['invalid', /invalid/],
        ['error-500', /HTTP 500/],
        ['no-cors', /could not be fetched/],
      ] as [Mode, RegExp][]) {
        mode = m;
        await sendUi(popup.page, 'ui:feedMaybeRefresh', { force: true });
        const row = await feedRow(browser);
        expect(row?.error?.message, m).toMatch(message);
        expect(row?.feed?.vision.headline, m).toBe('Acme ships the R8 to every warehouse');
        expect(row?.source).toBe(FEED_URL);
        firstSince ??= row!.error!.since;
        expect(row!.error!.since, 'the error keeps the time it started').toBe(firstSince);
      }
      await popup.page.goto(`${browser.extensionOrigin}popup.html`);
      await popup.waitForHeadline('Acme ships the R8 to every warehouse');

      // Recovery clears the error.
      mode = 'good';
      await sendUi(popup.page, 'ui:feedMaybeRefresh', { force: true });
      expect(await feedRow(browser)).toMatchObject({ error: null, feed: { company: { name: 'Acme Robotics' } } });

      // A new URL that fails: no company feed yet, and the demo is not passed off as the employer's.
      await setLocal(popup.page, { settings: settings({ feedUrl: `https://${FEED_HOST}/missing.json` }) });
      const missing = await waitForFeed(browser, 'the failing new feed', (r) => r.source !== FEED_URL);
      expect(missing).toMatchObject({
        feed: null,
        source: `https://${FEED_HOST}/missing.json`,
        error: { message: expect.stringMatching(/HTTP 404|could not be fetched/) },
      });

      // Clearing the URL goes back to the demo, labelled as such.
      await setLocal(popup.page, { settings: settings({ feedUrl: null }) });
      await waitForFeed(browser, 'the demo feed', (r) => r.source === 'demo' && !!r.feed);
      await waitUntil(async () => (await popup.page.evaluate(() => document.readyState)) === 'complete', 'popup');
    } finally {
      stop();
    }
  });
});
