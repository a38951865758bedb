import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readManagedConfig, syncFeed } from '../../lib/background/feed';
import { getDb } from '../../lib/db';
import { feedStatus } from '../../lib/feed/status';
import { FEED_TIMEOUT_MS, fetchFeed, isStale, resolveFeedSource } from '../../lib/feed/sync';
import { parseManaged } from '../../lib/managed';
import { originPattern } from '../../lib/remote-url';
import { useEmptyDb } from './helpers/db';

const demoJson = readFileSync('public/demo-feed.json', 'utf8');
const company = () => {
  const f = JSON.parse(demoJson);
  f.company.name = 'Acme';
  f.vision.headline = 'Acme headline';
  return f;
};
const URL1 = 'https://feeds.example/feed.json';

/** A fetch that answers from a list of canned responses and records the requests. */
function fakeFetch(...answers: (Response | Error | 'hang')[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const a = answers.shift() ?? new Error('no more answers');
    if (a === 'hang') {
      return new Promise((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    if (a instanceof Error) throw a;
    return a;
  }) as unknown as typeof fetch;
  return { fn, calls };
}
const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json', ...headers } });

describe('resolveFeedSource', () => {
  it('prefers the policy, then the employee, then the demo', () => {
    expect(resolveFeedSource({ feedUrl: 'https://a/f' }, 'https://b/f')).toEqual({
      kind: 'managed',
      url: 'https://a/f',
    });
    expect(resolveFeedSource({}, 'https://b/f')).toEqual({ kind: 'user', url: 'https://b/f' });
    expect(resolveFeedSource({}, null)).toEqual({ kind: 'demo' });
  });
});

describe('parseManaged (admin policy is untrusted)', () => {
  it('keeps good values and ignores bad ones with a reason', () => {
    const r = parseManaged({
      feedUrl: 'http://insecure.example/f',
      reportEndpoint: 'https://r.example/in',
      companyName: 42,
    });
    expect(r.config).toEqual({ reportEndpoint: 'https://r.example/in' });
    expect(r.problems).toEqual([
      expect.stringMatching(/^feedUrl ignored/),
      expect.stringMatching(/^companyName ignored/),
    ]);
    expect(parseManaged('nonsense').problems).toHaveLength(1);
    expect(parseManaged(undefined)).toEqual({ config: {}, problems: [] });
  });

  it('treats a throwing storage.managed (Firefox without a policy) as no policy', async () => {
    fakeBrowser.storage.managed.get = (() => Promise.reject(new Error('Managed storage manifest not found'))) as never;
    expect(await readManagedConfig()).toEqual({});
  });
});

describe('fetchFeed', () => {
  it('revalidates without sending back anything the server chose: no If-None-Match, no HTTP cache, no cookies, no referrer', async () => {
    const f = fakeFetch(json(company(), { etag: '"install-4711"' }));
    const r = await fetchFeed(URL1, { knownHash: 'sha256-of-something-else', fetch: f.fn });
    expect(r).toMatchObject({
      kind: 'updated',
      feed: { company: { name: 'Acme' } },
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(r).not.toHaveProperty('etag');
    const init = f.calls[0]!.init;
    expect(Object.keys(init.headers as Record<string, string>).map((h) => h.toLowerCase())).toEqual(['accept']);
    // no-store: the browser's HTTP cache would otherwise revalidate with the stored ETag itself.
    expect(init).toMatchObject({ cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer' });
  });

  it('reports an unchanged body as not modified, by a hash of the body kept locally', async () => {
    const body = company();
    const first = await fetchFeed(URL1, { fetch: fakeFetch(json(body, { etag: '"a"' })).fn });
    if (first.kind !== 'updated') throw new Error('expected a feed');
    expect(await fetchFeed(URL1, { knownHash: first.hash, fetch: fakeFetch(json(body, { etag: '"b"' })).fn })).toEqual({
      kind: 'not-modified',
    });
    body.vision.headline = 'Changed';
    expect(await fetchFeed(URL1, { knownHash: first.hash, fetch: fakeFetch(json(body)).fn })).toMatchObject({
      kind: 'updated',
    });
  });

  it('treats a 304 to an unconditional request as a failure', async () => {
    const r = await fetchFeed(URL1, { fetch: fakeFetch(new Response(null, { status: 304 })).fn });
    expect(r).toEqual({ kind: 'failed', message: expect.stringMatching(/304/) });
  });

  it.each([
    ['an HTTP error', () => new Response('oops', { status: 502 }), /HTTP 502/],
    ['not JSON', () => new Response('<html>', { status: 200 }), /not valid JSON/],
    ['an invalid feed', () => json({ version: 2 }), /invalid/],
    [
      'a declared size over the cap',
      () => new Response('{}', { headers: { 'content-length': String(2_000_000) } }),
      /too large/,
    ],
    ['a streamed body over the cap', () => new Response(new Blob(['x'.repeat(2048)]).stream()), /too large/],
    ['a network error', () => new Error('connection reset'), /could not be fetched/],
  ])('fails cleanly on %s', async (_, answer, message) => {
    const f = fakeFetch(answer());
    const r = await fetchFeed(URL1, { fetch: f.fn, maxBytes: 1024 });
    expect(r.kind).toBe('failed');
    expect(r.kind === 'failed' && r.message).toMatch(message);
  });

  it('gives up after the timeout, not before', async () => {
    vi.useFakeTimers();
    try {
      let result: unknown;
      void fetchFeed(URL1, { fetch: fakeFetch('hang').fn }).then((r) => (result = r));
      await vi.advanceTimersByTimeAsync(FEED_TIMEOUT_MS - 1);
      expect(result).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      expect(result).toEqual({
        kind: 'failed',
        message: `the feed server did not answer within ${FEED_TIMEOUT_MS / 1000} s`,
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('is stale after an hour or when never tried', () => {
    expect(isStale(undefined, 0)).toBe(true);
    expect(isStale(0, 59 * 60_000)).toBe(false);
    expect(isStale(0, 60 * 60_000)).toBe(true);
  });
});

describe('syncFeed', () => {
  const db = getDb();
  const loadDemo = async () => JSON.parse(demoJson);
  useEmptyDb();

  const sync = (fetch: typeof globalThis.fetch, now: number, managed = { feedUrl: URL1 }) =>
    syncFeed(db, { managed, userFeedUrl: null, loadDemo, now, fetchOptions: { fetch } });

  it('keeps the last good feed on failure, records the error and since when, and clears it on recovery', async () => {
    await sync(fakeFetch(json(company(), { etag: '"v1"' })).fn, 1000);
    const broken = await sync(fakeFetch(new Response('not json')).fn, 2000);
    expect(broken).toMatchObject({
      source: URL1,
      fetchedAt: 1000,
      feed: { company: { name: 'Acme' } },
      error: { since: 2000 },
    });
    const still = await sync(fakeFetch(new Error('down')).fn, 3000);
    expect(still.error).toMatchObject({ since: 2000, message: expect.stringMatching(/could not be fetched/) });
    const f = fakeFetch(json(company(), { etag: '"v1"' }));
    const ok = await sync(f.fn, 4000);
    expect(ok).toMatchObject({ error: null, fetchedAt: 4000, feed: { company: { name: 'Acme' } } });
  });

  it('stores no ETag: an unchanged feed is recognised by its local hash, and an ETag kept by an older version goes', async () => {
    const first = await sync(fakeFetch(json(company(), { etag: '"install-4711"' })).fn, 1000);
    expect(first).not.toHaveProperty('etag');
    expect(first.bodyHash).toMatch(/^[0-9a-f]{64}$/);
    await db.feedCache.update('current', { etag: '"install-4711"' } as never);
    const f = fakeFetch(json(company(), { etag: '"install-4711"' }));
    const again = await sync(f.fn, 2000);
    expect(Object.keys(f.calls[0]!.init.headers as object)).toEqual(['accept']);
    expect(again).toMatchObject({ fetchedAt: 2000, bodyHash: first.bodyHash, error: null });
    expect(await db.feedCache.get('current')).not.toHaveProperty('etag');
  });

  it('with no good company feed yet, shows no feed and the error rather than the demo', async () => {
    await sync(fakeFetch().fn, 0, {} as never); // demo first
    expect((await db.feedCache.get('current'))?.source).toBe('demo');
    const row = await sync(fakeFetch(new Response('x', { status: 500 })).fn, 1000);
    expect(row).toMatchObject({ feed: null, source: URL1, error: { message: expect.stringMatching(/HTTP 500/) } });
  });

  it('falls back to the demo when the policy is removed', async () => {
    await sync(fakeFetch(json(company())).fn, 1000);
    const row = await sync(fakeFetch().fn, 2000, {} as never);
    expect(row).toMatchObject({ source: 'demo', error: null });
  });
});

describe('feedStatus and originPattern', () => {
  it('tells the demo, a company feed with its error, and no feed yet apart', () => {
    expect(feedStatus(undefined)).toEqual({ kind: 'loading' });
    expect(feedStatus({ feed: {}, source: 'demo', fetchedAt: 1 })).toEqual({ kind: 'demo' });
    expect(feedStatus({ feed: {}, source: URL1, fetchedAt: 1, error: { message: 'm', since: 2 } })).toEqual({
      kind: 'company',
      url: URL1,
      fetchedAt: 1,
      error: { message: 'm', since: 2 },
    });
    expect(feedStatus({ feed: null, source: URL1, fetchedAt: null, error: { message: 'm', since: 2 } })).toMatchObject({
      kind: 'unavailable',
      url: URL1,
    });
  });

  it('asks for exactly the origin of an https URL', () => {
    expect(originPattern('https://feeds.acme.example:8443/a/b.json?x=1')).toBe('https://feeds.acme.example/*');
    expect(originPattern('http://feeds.acme.example/')).toBeNull();
    expect(originPattern('not a url')).toBeNull();
  });
});
