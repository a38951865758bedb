import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activePosts, invalidFeedMessage, parseFeed, parseFeedText } from '../../lib/feed';

const demo = JSON.parse(readFileSync('public/demo-feed.json', 'utf8'));
const clone = () => structuredClone(demo);

describe('parseFeed', () => {
  it('reads the built-in demo feed with zero warnings', () => {
    const result = parseFeed(demo);
    expect(result).toMatchObject({ ok: true, warnings: [] });
    if (!result.ok) return;
    expect(result.feed.vision.measures).toHaveLength(3);
    expect(result.feed.posts.length).toBeGreaterThanOrEqual(8);
    expect(new Set(result.feed.posts.flatMap((p) => p.networks))).toEqual(new Set(['linkedin', 'x']));
    expect(result.feed.posts.some((p) => p.variants.length > 0)).toBe(true);
  });

  it('drops one bad post with a warning naming it and keeps the rest', () => {
    const input = clone();
    input.posts[2].url = 'http://kestrel-robotics.example/insecure';
    const result = parseFeed(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.feed.posts).toHaveLength(demo.posts.length - 1);
    expect(result.feed.posts.map((p) => p.id)).not.toContain(demo.posts[2].id);
    expect(result.warnings).toEqual(['posts[2].url: must be an https:// URL (post dropped)']);
  });

  it('rejects the whole feed when a part outside the posts is wrong, naming the path', () => {
    const input = clone();
    input.vision.measures[1].target = 'lots';
    const result = parseFeed(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^vision\.measures\[1\]\.target: /);
  });

  it('says which version it reads when the feed is from the future', () => {
    const result = parseFeed({ ...clone(), version: 2 });
    expect(result).toEqual({
      ok: false,
      errors: ['version: unsupported feed version (this extension reads version 1)'],
    });
  });

  it.each([
    ['null', null, '(feed): must be a JSON object'],
    ['a string', 'feed', '(feed): must be a JSON object'],
    ['an array', [], '(feed): must be a JSON object'],
    ['no posts', { version: 1 }, 'posts: must be a list of posts'],
  ])('rejects %s with a clear message', (_, input, message) => {
    expect(parseFeed(input)).toEqual({ ok: false, errors: [message] });
  });

  it('never throws, even on input whose properties throw when read', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    expect(parseFeed(hostile)).toEqual({ ok: false, errors: ['(feed): could not be read (boom)'] });
    const throwsText = new Proxy(
      {},
      {
        get: () => {
          throw 'no';
        },
      },
    );
    expect(parseFeed(throwsText)).toEqual({ ok: false, errors: ['(feed): could not be read (no)'] });
  });

  it('ignores unknown keys instead of failing', () => {
    const input = { ...clone(), extra: { nested: true } };
    input.posts[0].sparkles = 3;
    const result = parseFeed(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.feed).not.toHaveProperty('extra');
    expect(result.feed.posts[0]).not.toHaveProperty('sparkles');
  });

  it('keeps exactly 500 posts without a warning, and cuts the 501st with one', () => {
    const many = (n: number) => {
      const input = clone();
      input.posts = Array.from({ length: n }, (_, i) => ({ ...demo.posts[0], id: `p-${i}` }));
      return parseFeed(input);
    };
    expect(many(500)).toMatchObject({ ok: true, warnings: [] });
    const over = many(501);
    expect(over.ok && over.feed.posts.map((p) => p.id).at(-1)).toBe('p-499');
    expect(over.ok && over.feed.posts).toHaveLength(500);
    expect(over.ok && over.warnings).toEqual(['posts: 501 posts, only the first 500 are used']);
  });

  it('keeps the first of two posts with the same id', () => {
    const input = clone();
    input.posts.push({ ...input.posts[0], title: 'Copy' });
    const result = parseFeed(input);
    expect(result.ok && result.feed.posts.filter((p) => p.id === demo.posts[0].id)).toHaveLength(1);
    expect(result.ok && result.warnings).toEqual([
      `posts[${demo.posts.length}].id: "${demo.posts[0].id}" is used by an earlier post (post dropped)`,
    ]);
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', 'ftp://example.com/x'])('refuses %s as a post URL', (url) => {
    const input = clone();
    input.posts[0].url = url;
    const result = parseFeed(input);
    expect(result.ok && result.warnings[0]).toMatch(/^posts\[0\]\.url: must be an https:\/\/ URL/);
  });
});

describe('parseFeedText', () => {
  it('reports broken JSON as a feed error', () => {
    const result = parseFeedText('{"version": 1,');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/^\(feed\): not valid JSON/);
  });
});

describe('invalidFeedMessage', () => {
  it('tells the employee the first five problems of a refused feed, separated by semicolons', () => {
    const errors = ['a: one', 'b: two', 'c: three', 'd: four', 'e: five', 'f: six'];
    expect(invalidFeedMessage(errors)).toBe('the feed is invalid: a: one; b: two; c: three; d: four; e: five');
    expect(invalidFeedMessage(errors.slice(0, 2))).toBe('the feed is invalid: a: one; b: two');
  });
});

describe('activePosts', () => {
  const feed = (() => {
    const r = parseFeed(demo);
    if (!r.ok) throw new Error('demo feed must parse');
    return r.feed;
  })();

  it('hides expired posts and sorts newest first', () => {
    const now = new Date(2026, 10, 25, 12).getTime();
    const posts = activePosts(feed, now);
    expect(posts.map((p) => p.id)).not.toContain('p-2026-09-webinar');
    expect(posts.length).toBe(feed.posts.length - 1);
    const dates = posts.map((p) => p.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('shows a post through the whole of its expiry day, local time', () => {
    const post = { ...feed.posts[0]!, expiresAt: '2026-12-31' };
    const f = { ...feed, posts: [post] };
    expect(activePosts(f, new Date(2026, 11, 31, 23, 59).getTime())).toHaveLength(1);
    expect(activePosts(f, new Date(2027, 0, 1, 0, 0).getTime())).toHaveLength(0);
  });
});
