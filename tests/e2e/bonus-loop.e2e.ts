import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { periodContaining, shiftPeriod, localDate } from '../../lib/period';
import { checkFeedText } from '../../lib/company/feed-studio';
import { SETTINGS_VERSION } from '../../lib/settings/schema';
import { axeViolations } from './harness/axe';
import { ROOT, type ExtensionBrowser } from './harness/browsers';
import { waitUntil, type TestPage } from './harness/page';
import { BROWSERS, useBrowser, useFixtureServer } from './helpers';
import { CompanyPage } from './pages/company';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';
import {
  CORS,
  FEED_HOST,
  feedUrlFor,
  getLocal,
  hostAndPath,
  REPORT_HOST,
  reportUrlFor,
  sendUi,
  serveFeed,
  setLocal,
  settings,
  waitForFeed,
} from './feed-support';
import type { FixtureServer } from './harness/server';

/**
 * The bonus loop end to end: the employee chooses how much of their bonus status is reported, the
 * extension delivers it to the company's receiver (scripts/receive-reports.mjs, the file admins run,
 * behind the fixture server acting as the company's TLS proxy), the receiver stores it once across
 * retries, and the company tools' participation view reads the receiver's file.
 */
const ctx = useFixtureServer();

const receivers: ChildProcess[] = [];
afterAll(() => {
  for (const r of receivers) r.kill('SIGTERM');
});

/** Starts the receiver on a free local port, as behind a TLS proxy. */
async function startReceiver(path: string): Promise<{ port: number; file: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'sw-bonus-')), 'reports.ndjson');
  const child = spawn(process.execPath, [join(ROOT, 'scripts/receive-reports.mjs')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', REPORTS_FILE: file, REPORTS_PATH: path },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  receivers.push(child);
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`receiver exited with ${code}: ${out}`)));
  });
  return { port, file };
}

/**
 * The company's HTTPS proxy in front of the receiver: forwards REPORT_HOST requests to it. The first
 * POST's answer is lost after the receiver stored the report (the connection drops), so the extension
 * must retry with the same key.
 */
function proxy(server: FixtureServer, port: number) {
  const posts: string[] = [];
  let dropNext = true;
  const stop = server.handle((req, res, body) => {
    if (hostAndPath(req).host !== REPORT_HOST) return false;
    const headers = { ...req.headers };
    delete headers.host;
    headers['content-length'] = String(Buffer.byteLength(body));
    return new Promise<boolean>((done) => {
      const out = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          if (req.method === 'POST') {
            posts.push(String(req.headers['idempotency-key']));
            if (dropNext) {
              dropNext = false;
              req.socket.destroy();
              return done(true);
            }
          }
          const back = { ...answer.headers };
          for (const hop of ['connection', 'keep-alive', 'transfer-encoding']) delete back[hop];
          res.writeHead(answer.statusCode ?? 502, back).end(Buffer.concat(chunks));
          done(true);
        });
      });
      out.on('error', () => {
        res.writeHead(502, CORS).end();
        done(true);
      });
      out.end(body);
    });
  });
  return { posts, stop };
}

const stored = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { key: string; report: Record<string, unknown> });

async function sendUntilEmpty(browser: ExtensionBrowser, page: TestPage): Promise<void> {
  for (let round = 1; round <= 10; round++) {
    const r = await sendUi<{ queued: number }>(page, 'ui:sendReportsNow', {});
    if (r.queued === 0 && (await browser.readTable('outbox')).length === 0) return;
  }
  throw new Error('reports still queued after 10 rounds of "send now"');
}

/** Approved shares through the extension's own import path. */
function importShares(
  page: TestPage,
  shares: { at: number; network: 'linkedin' | 'x'; postId: string | null }[],
  prefix: string,
) {
  const rows = shares.map((s, i) => ({ id: `${prefix}-${i}`, kind: 'post', surface: 'intent', urls: [], ...s }));
  return sendUi(page, 'ui:importShares', { shares: rows });
}

async function useCompanyFeed(browser: ExtensionBrowser, page: TestPage, installId: string) {
  await setLocal(page, { settings: settings({ installId, feedUrl: feedUrlFor(installId) }) });
  await waitForFeed(browser, 'the company feed', (r) => r.source === feedUrlFor(installId) && !!r.feed);
  await waitUntil(async () => {
    const state = (await getLocal(page, 'reportingState')) as { cursor: number | null } | undefined;
    return !state || state.cursor === null;
  }, 'reporting state reset');
}

const BONUS_KEYS = ['bonus', 'totalShares', 'byNetwork', 'approvedPosts', 'ownShares', 'timeline', 'shareLinks'];

describe.each(BROWSERS)('the bonus loop in %s', (name) => {
  const b = useBrowser(name);

  it('"only whether I qualified" reaches the receiver once, and the company sees who qualified', async () => {
    const { browser } = b;
    const { server } = ctx;
    const installId = `e2e-bonus-${name}-q1`;
    const stopFeed = serveFeed(server);
    const receiver = await startReceiver(`/in/${installId}`);
    const company = proxy(server, receiver.port);
    try {
      const popup = await PopupPage.open(browser);
      await useCompanyFeed(browser, popup.page, installId);
      // Last week: ten different approved posts on LinkedIn, 10 points each — the demo program's 100.
      const last = shiftPeriod(periodContaining('week', Date.now()), -1);
      const month = periodContaining('month', last.start);
      await importShares(
        popup.page,
        Array.from({ length: 10 }, (_, i) => ({
          at: last.start + 3_600_000 + i * 60_000,
          network: 'linkedin' as const,
          postId: `p-bonus-${i}`,
        })),
        installId,
      );
      // Stored at the current settings version, as options writes them (version 1 predates the bonus
      // field, and its migration turns it off).
      await setLocal(popup.page, {
        settings: settings({
          schemaVersion: SETTINGS_VERSION,
          installId,
          feedUrl: feedUrlFor(installId),
          reporting: { enabled: true, consentedEndpoint: reportUrlFor(installId), fields: { bonus: 'qualified' } },
        }),
        reportingState: { cursor: last.start },
      });
      await sendUntilEmpty(browser, popup.page);

      // Stored once, although the first answer was lost and the extension sent it again.
      const key = `${installId}:week:${localDate(last.start)}`;
      expect(company.posts.filter((k) => k === key).length).toBeGreaterThanOrEqual(2);
      const lines = stored(receiver.file);
      expect(lines.map((l) => l.key)).toEqual([key]);
      const report = lines[0]!.report;
      // The bonus status and nothing else of the bonus or of the counts.
      expect(Object.keys(report).filter((k) => BONUS_KEYS.includes(k))).toEqual(['bonus']);
      const bonus = report.bonus as { period: { start: string }; qualified: boolean; final: boolean; rules: unknown }[];
      expect(bonus[0]).toEqual({
        period: { kind: 'month', start: localDate(month.start), end: localDate(month.end) },
        final: Date.now() >= month.end,
        rules: { period: 'month', threshold: 100, points: { linkedin: 10, x: 5, ownContent: 2 } },
        qualified: true,
      });
      await popup.page.close();

      // The company opens the receiver's file in the participation view.
      const tools = await CompanyPage.open(browser);
      await tools.chooseFiles('reports-file', [{ name: 'reports.ndjson', text: readFileSync(receiver.file, 'utf8') }]);
      await tools.page.waitFor('[data-testid="participation-row"]');
      const rows = await tools.participation();
      expect(rows.find((r) => r.person === installId && r.period === localDate(month.start))?.cells).toEqual({
        shares: '',
        linkedin: '',
        x: '',
        points: '',
        qualified: 'true',
      });
      const csv = await tools.downloadFrom('export-csv');
      expect(csv.split('\r\n')).toContain(
        `${installId},,${localDate(month.start)},,,,,,yes,${bonus[0]!.final ? 'yes' : 'no'}`,
      );
      expect(await axeViolations(tools.page)).toEqual([]);
      await tools.page.close();
    } finally {
      company.stop();
      stopFeed();
    }
  });

  it('"my points": the points in what the employer receives are the popup\'s points', async () => {
    const { browser } = b;
    const { server } = ctx;
    const installId = `e2e-bonus-${name}-p1`;
    const stopFeed = serveFeed(server);
    try {
      const popup = await PopupPage.open(browser);
      // Only this test's shares: the first test's may fall in this month too.
      await sendUi(popup.page, 'ui:deleteAllData', { confirm: 'delete-everything' });
      await useCompanyFeed(browser, popup.page, installId);
      // This week (this month too): the same post twice on LinkedIn counts once; X and own content count.
      const now = Date.now();
      const start = Math.max(periodContaining('week', now).start, periodContaining('month', now).start);
      const at = (i: number) => start + Math.floor(((now - start) * (i + 1)) / 10);
      await importShares(
        popup.page,
        [
          { at: at(0), network: 'linkedin', postId: 'p-2026-11-r7-launch' },
          { at: at(1), network: 'linkedin', postId: 'p-2026-11-r7-launch' },
          { at: at(2), network: 'x', postId: 'p-2026-11-r7-launch' },
          { at: at(3), network: 'x', postId: null },
          { at: at(4), network: 'linkedin', postId: 'p-2026-11-hiring-firmware' },
        ],
        installId,
      );
      await setLocal(popup.page, {
        settings: settings({
          schemaVersion: SETTINGS_VERSION,
          installId,
          feedUrl: feedUrlFor(installId),
          reporting: { enabled: true, consentedEndpoint: reportUrlFor(installId), fields: { bonus: 'points' } },
        }),
      });
      await popup.page.close();

      const shown = await PopupPage.open(browser);
      await shown.page.waitFor('[data-testid="points"]');
      const [points, threshold] = ((await shown.page.text('[data-testid="points"]')) ?? '').match(/\d+/g)!.map(Number);
      expect([points, threshold]).toEqual([10 + 5 + 2 + 10, 100]);
      await shown.page.close();

      const options = await OptionsPage.open(browser);
      const preview = await options.waitForPreview('the bonus status', (r) => Array.isArray(r?.bonus));
      const current = (preview!.bonus as { period: { start: string }; points: number; qualified: boolean }[]).find(
        (e) => e.period.start === localDate(periodContaining('month', Date.now()).start),
      );
      expect(current).toMatchObject({ points, qualified: false });
      expect(Object.keys(preview!).filter((k) => BONUS_KEYS.includes(k))).toEqual(['bonus']);
      await options.page.close();
    } finally {
      stopFeed();
    }
  });

  it('feed studio: round-trips the demo, edits and exports a feed, and shows a broken feed as employees would', async () => {
    const { browser } = b;
    const { server } = ctx;
    const tools = await CompanyPage.open(browser);
    await tools.page.click('[data-testid="studio-demo"]');
    await tools.page.waitFor('[data-testid="studio-valid"]');
    const demo = readFileSync(join(ROOT, 'public/demo-feed.json'), 'utf8');
    expect(await tools.downloadFrom('studio-export')).toBe(demo);
    expect(await tools.page.text('[data-testid="studio-preview"] [data-testid="vision-headline"]')).toBe(
      JSON.parse(demo).vision.headline,
    );
    expect(await axeViolations(tools.page)).toEqual([]);

    // An edit in the form: the JSON and the preview follow, and the export carries it.
    await tools.typeInto('studio-headline', 'Acme ships the R9');
    await waitUntil(
      async () =>
        (await tools.page.text('[data-testid="studio-preview"] [data-testid="vision-headline"]')) ===
        'Acme ships the R9',
      'the preview to follow',
    );
    const edited = JSON.parse(await tools.downloadFrom('studio-export'));
    expect(edited.vision.headline).toBe('Acme ships the R9');
    expect({ ...edited, vision: { ...edited.vision, headline: null } }).toEqual({
      ...JSON.parse(demo),
      vision: { ...JSON.parse(demo).vision, headline: null },
    });

    // A post without a title is dropped with the parser's own warning.
    await tools.typeInto('studio-post-0-title', '');
    await tools.page.waitFor('[data-testid="studio-warnings"]');
    const dropped = checkFeedText(await tools.studioJson());
    expect(dropped.ok && dropped.warnings).toEqual([expect.stringMatching(/^posts\[0\]\.title: .*\(post dropped\)$/)]);
    expect(await tools.page.text('[data-testid="studio-warnings"]')).toBe(
      dropped.ok ? dropped.warnings.join('') : null,
    );
    // An empty company name refuses the whole feed.
    await tools.typeInto('studio-company-name', '');
    await tools.page.waitFor('[data-testid="studio-message"]');
    const broken = await tools.studioJson();
    const message = await tools.page.text('[data-testid="studio-message"]');
    const check = checkFeedText(broken);
    expect(check.ok).toBe(false);
    expect(message).toBe(check.ok ? null : check.message);
    await tools.page.close();

    // The same text served as the company feed: the extension refuses it with the same sentence.
    const stop = server.handle((req, res) => {
      const { host, path } = hostAndPath(req);
      if (host !== FEED_HOST || path !== '/broken.json') return false;
      res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(broken);
      return true;
    });
    try {
      const popup = await PopupPage.open(browser);
      const url = `https://${FEED_HOST}/broken.json?t=${name}`;
      await setLocal(popup.page, { settings: settings({ installId: `e2e-studio-${name}`, feedUrl: url }) });
      const row = await waitForFeed(browser, 'the broken feed refused', (r) => r.source === url && !!r.error);
      expect(row.error!.message).toBe(message);
      await popup.page.close();
      const shown = await PopupPage.open(browser);
      await shown.page.waitFor('[data-testid="feed-unavailable"]');
      expect(await shown.page.text('[data-testid="feed-unavailable"] .error-detail')).toBe(message);
      await shown.page.close();
    } finally {
      stop();
    }
  });
});

describe.each(BROWSERS)('the company tools in German and the dark theme, in %s', (name) => {
  const ctx = useBrowser(name, { colorScheme: 'dark', locale: 'de' });

  it('speak German and pass axe with a feed and a participation table on screen', async () => {
    const tools = await CompanyPage.open(ctx.browser);
    expect(await tools.page.text('h1')).toBe('Sharewise – Werkzeuge für Unternehmen');
    await tools.page.click('[data-testid="studio-demo"]');
    await tools.page.waitFor('[data-testid="studio-preview"]');
    const report = {
      schemaVersion: 1,
      identity: { kind: 'anonymous', installId: 'e2e-de-0001' },
      period: { kind: 'week', start: '2026-11-16', end: '2026-11-23' },
      generatedAt: '2026-11-23T08:00:00.000Z',
      totalShares: 2,
    };
    await tools.chooseFiles('reports-file', [
      { name: 'reports.ndjson', text: JSON.stringify({ key: 'e2e-de-0001:week:2026-11-16', receivedAt: 'x', report }) },
    ]);
    await tools.page.waitFor('[data-testid="participation-row"]');
    expect(await tools.page.text('[data-testid="reports-summary"] p')).toBe(
      '1 Berichte aus 1 Datei(en); 0 Duplikate verworfen.',
    );
    expect(await axeViolations(tools.page)).toEqual([]);
    await tools.page.close();
  });
});
