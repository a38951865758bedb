import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import { join, normalize, resolve } from 'node:path';

/**
 * The fixture server's port: unprivileged, so `npm test` runs as any user. Browsers reach it under the real
 * host names (Chromium through its host resolver rules, Firefox through harness/proxy.ts). Another port can
 * be chosen with SHAREWISE_FIXTURE_PORT, e.g. to run two suites side by side.
 */
export const FIXTURE_PORT = Number(process.env.SHAREWISE_FIXTURE_PORT ?? 47443);

/** Hostnames the fixture server plays. Browsers map them to 127.0.0.1. */
// collect.sharewise.test: a second report receiver, for a feed that changes where reports go.
export const FIXTURE_HOSTS = [
  'x.com',
  'twitter.com',
  'www.linkedin.com',
  'feeds.sharewise.test',
  'reports.sharewise.test',
  'collect.sharewise.test',
];

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURES = join(ROOT, 'tests/fixtures');
const CERT_DIR = join(ROOT, 'tests/.artifacts/cert');

function ensureCertificate(): { key: Buffer; cert: Buffer } {
  const key = join(CERT_DIR, 'key.pem');
  const cert = join(CERT_DIR, 'cert.pem');
  if (!existsSync(key) || !existsSync(cert)) {
    mkdirSync(CERT_DIR, { recursive: true });
    const san = FIXTURE_HOSTS.map((h) => `DNS:${h}`).join(',');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '3650',
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        '/CN=sharewise-fixtures',
        '-addext',
        `subjectAltName=${san}`,
      ],
      { stdio: 'ignore' },
    );
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

export interface RecordedRequest {
  host: string;
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

/** A handler may answer a request itself (return true) — used by tests for API endpoints. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: string) => boolean | Promise<boolean>;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Which fixture directory serves a host. */
function siteDir(host: string): string {
  if (host === 'x.com' || host === 'twitter.com') return 'x';
  if (host === 'www.linkedin.com') return 'linkedin';
  return 'feeds';
}

/**
 * Page routes: an SPA serves the same shell for many paths. The `fixture` query parameter picks a
 * specific page (e.g. `?fixture=home-de`), otherwise the first matching route does.
 */
const ROUTES: Record<string, [RegExp, string][]> = {
  x: [
    [/^\/(home)?$/, 'home'],
    [/^\/compose\/post$/, 'home'],
    [/^\/intent\/(post|tweet)$/, 'intent'],
    [/^\/[^/]+\/status\/\d+$/, 'status'],
  ],
  linkedin: [
    [/^\/feed\/?$/, 'feed'],
    // The server-driven layout: some accounts' home feed, and the composer's own routes.
    [/^\/(preload|preload\/sharebox|sharing\/compose)\/?$/, 'sdui'],
  ],
  feeds: [],
};

let nextId = 1_860_000_000_000_000_000n;

/**
 * The sites' create endpoints, as the fixture apps call them. A fixture page asks for a failure
 * with the `x-fixture-fail` header (`500` or `duplicate`), taken from its own `?fail=` parameter.
 */
function siteApi(host: string, req: IncomingMessage, res: ServerResponse, body: string): boolean {
  const path = (req.url ?? '').split('?')[0]!;
  const fail = req.headers['x-fixture-fail'];
  const json = (status: number, data: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(data));
    return true;
  };
  if (
    siteDir(host) === 'x' &&
    /^\/i\/api\/graphql\/[^/]+\/(CreateTweet|CreateNoteTweet|CreateRetweet|CreateScheduledTweet)$/.test(path)
  ) {
    if (fail === '500') return json(500, { errors: [{ message: 'Internal error', code: 131 }] });
    if (fail === 'duplicate') return json(200, { errors: [{ message: 'Status is a duplicate. (187)', code: 187 }] });
    const id = String(nextId++);
    return json(200, { data: { create_tweet: { tweet_results: { result: { rest_id: id } } } }, body: body.length });
  }
  if (siteDir(host) === 'linkedin' && path.startsWith('/voyager/api/contentcreation/normShares')) {
    if (fail === '500') return json(500, { status: 500, message: 'Internal error' });
    return json(201, { value: { urn: `urn:li:activity:${String(nextId++)}` } });
  }
  // The server-driven layout (tests/fixtures/linkedin/sdui.js): a post, and an instant repost.
  const query = (req.url ?? '').split('?')[1] ?? '';
  if (
    siteDir(host) === 'linkedin' &&
    path === '/voyager/api/graphql' &&
    query.includes('queryId=voyagerContentcreationDashShares.')
  ) {
    if (fail === '500') return json(500, { status: 500, message: 'Internal error' });
    return json(200, { value: { urn: `urn:li:share:${String(nextId++)}` } });
  }
  if (
    siteDir(host) === 'linkedin' &&
    path === '/flagship-web/rsc-action/actions/server-request' &&
    query.includes('sduiid=com.linkedin.sdui.feed.requests.createInstantRepost')
  ) {
    if (fail === '500') return json(500, { status: 500, message: 'Internal error' });
    return json(200, { value: { urn: `urn:li:activity:${String(nextId++)}` } });
  }
  return false;
}

export class FixtureServer {
  readonly requests: RecordedRequest[] = [];
  private handlers: RouteHandler[] = [];
  private server: Server | null = null;

  constructor(readonly port = FIXTURE_PORT) {}

  /** Adds a handler consulted before static fixtures; returns a function that removes it. */
  handle(handler: RouteHandler): () => void {
    this.handlers.unshift(handler);
    return () => {
      this.handlers = this.handlers.filter((h) => h !== handler);
    };
  }

  requestsTo(host: string, pathPrefix = '/'): RecordedRequest[] {
    return this.requests.filter((r) => r.host === host && r.path.startsWith(pathPrefix));
  }

  async start(): Promise<this> {
    const { key, cert } = ensureCertificate();
    this.server = createServer({ key, cert }, (req, res) => void this.serve(req, res));
    await new Promise<void>((ok, fail) => {
      this.server!.once('error', fail);
      this.server!.listen(this.port, '127.0.0.1', () => ok());
    });
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    this.requests.push({
      host,
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body,
      at: Date.now(),
    });
    try {
      for (const handler of this.handlers) if (await handler(req, res, body)) return;
      if (req.method === 'POST' && siteApi(host, req, res, body)) return;
      this.serveStatic(host, req, res);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    }
  }

  private serveStatic(host: string, req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', `https://${host}`);
    const site = siteDir(host);
    let file: string | null = null;
    if (url.pathname.startsWith('/__fixtures/')) {
      file = normalize(url.pathname.slice('/__fixtures/'.length));
    } else {
      const fixture = url.searchParams.get('fixture');
      const page =
        fixture && /^[a-z0-9-]+$/.test(fixture) ? fixture : ROUTES[site]?.find(([re]) => re.test(url.pathname))?.[1];
      if (page) file = join(site, `${page}.html`);
    }
    const path = file ? join(FIXTURES, file) : null;
    if (!path || !path.startsWith(FIXTURES) || !existsSync(path)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const ext = path.slice(path.lastIndexOf('.'));
    res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(path));
  }
}
