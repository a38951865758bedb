import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FixtureServer } from './harness/server';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtensionBrowser } from './harness/browsers';
import { waitUntil, type TestPage } from './harness/page';
import { ROOT } from './harness/browsers';

/** The bits of the WebExtension API the tests call from an extension page. */
interface Api {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { set(items: unknown): Promise<void>; get(key: string): Promise<Record<string, unknown>> } };
}

export const FEED_HOST = 'feeds.sharewise.test';
export const REPORT_HOST = 'reports.sharewise.test';
export const FEED_URL = `https://${FEED_HOST}/company.json`;
export const REPORT_URL = `https://${REPORT_HOST}/in`;
/** Another receiver, for a feed that changes where reports go (tests/e2e/reporting-consent.e2e.ts). */
export const OTHER_REPORT_HOST = 'collect.sharewise.test';

/** A company feed (the demo's content under another name), with a report endpoint on the fixture server. */
export function companyFeed(headline = 'Acme ships the R8 to every warehouse'): Record<string, unknown> {
  const feed = JSON.parse(readFileSync(join(ROOT, 'public/demo-feed.json'), 'utf8'));
  feed.company.name = 'Acme Robotics';
  feed.vision.headline = headline;
  feed.reporting = { endpoint: REPORT_URL, schedule: 'weekly' };
  return feed;
}

/** A company feed URL of its own for one test (see serveFeed). */
export const feedUrlFor = (name: string) => `${FEED_URL}?t=${encodeURIComponent(name)}`;
/** The report endpoint the feed at feedUrlFor(name) names. */
export const reportUrlFor = (name: string) => `${REPORT_URL}/${encodeURIComponent(name)}`;
/** The report endpoint the feed at `feedUrl` (FEED_URL or feedUrlFor) names: the one an employee agrees to. */
export const reportUrlOf = (feedUrl: string) => {
  const t = new URL(feedUrl).searchParams.get('t');
  return t ? reportUrlFor(t) : REPORT_URL;
};

/** The CORS answer a company's server gives the extension (docs/admin.md). */
export const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, idempotency-key',
  'access-control-max-age': '600',
};

export function hostAndPath(req: IncomingMessage): { host: string; path: string } {
  return { host: (req.headers.host ?? '').replace(/:\d+$/, ''), path: (req.url ?? '/').split('?')[0]! };
}

export function answerPreflight(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204, CORS);
  res.end();
  return true;
}

/** Sends a protocol message from an extension page, as the popup or options would. */
export async function sendUi<T = unknown>(page: TestPage, type: string, data: unknown): Promise<T> {
  const wire = await page.evaluate(
    async ({ type, data }) => {
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = g.browser ?? g.chrome;
      return (await api.runtime.sendMessage({
        id: Math.floor(Math.random() * 1e9),
        type,
        data,
        timestamp: Date.now(),
      })) as {
        res?: unknown;
        err?: unknown;
      };
    },
    { type, data },
  );
  if (!wire || wire.err) throw new Error(`${type} failed: ${JSON.stringify(wire?.err)}`);
  return wire.res as T;
}

/**
 * Writes keys of the extension's storage.local (as the options page does). Settings are written only once
 * the background has handled its install (its install id stored), and keep that id: written earlier, the
 * background's own install write, which read the settings before, could replace them (a CI run lost a
 * test's feed URL so).
 */
export async function setLocal(page: TestPage, items: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (items) => {
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const local = (g.browser ?? g.chrome).storage.local;
    if (items.settings && typeof items.settings === 'object') {
      const until = Date.now() + 20_000;
      let installId: unknown;
      while (typeof installId !== 'string' && Date.now() < until) {
        installId = ((await local.get('settings')).settings as { installId?: unknown } | undefined)?.installId;
        if (typeof installId !== 'string') await new Promise((r) => setTimeout(r, 50));
      }
      const settings = items.settings as { installId?: unknown };
      if (typeof installId === 'string' && settings.installId == null)
        items = { ...items, settings: { ...settings, installId } };
    }
    await local.set(items);
  }, items);
}

export async function getLocal(page: TestPage, key: string): Promise<unknown> {
  return page.evaluate(async (key) => {
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    return (await (g.browser ?? g.chrome).storage.local.get(key))[key];
  }, key);
}

export interface FeedRow {
  feed: { company: { name: string }; vision: { headline: string } } | null;
  source: string | null;
  fetchedAt: number | null;
  bodyHash?: string;
  etag?: string;
  error?: { message: string; since: number } | null;
}

export async function feedRow(browser: ExtensionBrowser): Promise<FeedRow | undefined> {
  return (await browser.readTable<FeedRow>('feedCache'))[0];
}

export async function waitForFeed(
  browser: ExtensionBrowser,
  what: string,
  check: (row: FeedRow) => boolean,
  timeoutMs?: number,
): Promise<FeedRow> {
  return waitUntil(
    async () => {
      const row = await feedRow(browser);
      return row && check(row) ? row : null;
    },
    what,
    timeoutMs,
  );
}

/** Settings as stored by the options page (missing keys get their defaults when read). */
export function settings(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemaVersion: 1, installId: 'e2e-install-0001', ...overrides };
}

export type Outcome = 'ok' | '500' | 'drop' | 'store-then-drop' | 'timeout' | 'store-then-hang';

/**
 * The company's report receiver: stores each idempotency key once (as docs/admin.md tells admins to),
 * and fails requests as scripted. `store-then-*` outcomes lose the answer after the report arrived,
 * which is exactly when a sender without idempotency keys would deliver twice.
 */
export function reportServer(server: FixtureServer, script: Outcome[], reportHost = REPORT_HOST) {
  const stored = new Map<string, { body: Record<string, unknown>; count: number }>();
  const posts: { key: string; outcome: Outcome; body: Record<string, unknown> }[] = [];
  const hanging: ServerResponse[] = [];
  const stop = server.handle((req, res, body) => {
    const { host } = hostAndPath(req);
    if (host !== reportHost) return false;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return true;
    }
    const key = String(req.headers['idempotency-key'] ?? '');
    const outcome = script.shift() ?? 'ok';
    const parsed = JSON.parse(body) as Record<string, unknown>;
    posts.push({ key, outcome, body: parsed });
    const store = () => {
      const seen = stored.get(key);
      if (seen) seen.count++;
      else stored.set(key, { body: parsed, count: 1 });
    };
    switch (outcome) {
      case 'ok': {
        const dup = stored.has(key);
        if (!dup) store();
        res
          .writeHead(dup ? 200 : 201, { ...CORS, 'content-type': 'application/json' })
          .end(JSON.stringify({ duplicate: dup }));
        return true;
      }
      case '500':
        res.writeHead(500, CORS).end('internal error');
        return true;
      case 'drop':
        req.socket.destroy();
        return true;
      case 'store-then-drop':
        store();
        req.socket.destroy();
        return true;
      case 'timeout':
        hanging.push(res);
        return true;
      case 'store-then-hang':
        store();
        hanging.push(res);
        return true;
    }
  });
  return {
    stored,
    posts,
    close: () => {
      for (const res of hanging) res.socket?.destroy();
      stop();
    },
  };
}

export const serveFeed = (server: FixtureServer) =>
  server.handle((req, res) => {
    const { host, path } = hostAndPath(req);
    if (host !== FEED_HOST || path !== '/company.json') return false;
    // `?t=<name>` gives a feed whose report endpoint is REPORT_URL/<name>: one endpoint URL per test,
    // because Chromium throttles an extension's requests to a URL that answered 5xx repeatedly.
    const t = new URL(req.url ?? '/', 'https://x').searchParams.get('t');
    const feed = companyFeed();
    if (t) feed.reporting = { endpoint: reportUrlFor(t), schedule: 'weekly' };
    res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify(feed));
    return true;
  });
