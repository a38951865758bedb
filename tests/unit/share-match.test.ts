import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  extractUrls,
  keptLinks,
  matchPostByUrls,
  normalizeUrl,
  pickIntent,
  INTENT_WINDOW_MS,
} from '../../lib/share-match';
import { demoFeed } from './helpers/demo-feed';

describe('normalizeUrl', () => {
  it.each([
    ['https://www.Example.com/a/', 'example.com/a'],
    ['http://example.com/a', 'example.com/a'],
    ['example.com/a?utm_source=x&utm_medium=y', 'example.com/a'],
    ['https://example.com/a?b=2&a=1#frag', 'example.com/a?a=1&b=2'],
    ['https://example.com/a?fbclid=123&id=7', 'example.com/a?id=7'],
    ['https://example.com:8443/a', 'example.com:8443/a'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('reads a scheme only at the start, strips only a leading www. and every trailing slash', () => {
    expect(normalizeUrl('a.example/p:1')).toBe('a.example/p:1');
    expect(normalizeUrl('https://news.www.example/a')).toBe('news.www.example/a');
    expect(normalizeUrl('https://a.example/x///')).toBe('a.example/x');
  });

  it.each(['javascript:alert(1)', 'mailto:a@b.c', 'https://'])('refuses %s', (input) => {
    expect(normalizeUrl(input)).toBeNull();
  });
});

describe('extractUrls', () => {
  it('trims a long run of trailing punctuation (25,000 dots) and caps a link at 2,048 characters', () => {
    expect(extractUrls(`see https://a.example/x${'.'.repeat(25_000)}`)).toEqual(['https://a.example/x']);
    expect(extractUrls(`https://a.example/x${'.'.repeat(25_000)}y`)).toEqual([]);
    const long = `https://a.example/${'p'.repeat(3000)}`;
    expect(extractUrls(`${long} and https://b.example/ok`)).toEqual(['https://b.example/ok']);
    const edge = `https://a.example/${'p'.repeat(2048 - 'https://a.example/'.length)}`;
    expect(extractUrls(`${edge}!!!`)).toEqual([edge]);
    expect(extractUrls(`https://a.example/${'.,;:!?…'.repeat(5000)}`)).toEqual(['https://a.example/']);
  });

  it('finds links in text, trimming trailing punctuation and duplicates', () => {
    expect(extractUrls('See https://a.example/x. And www.b.example/y, then https://a.example/x!')).toEqual([
      'https://a.example/x',
      'www.b.example/y',
    ]);
    expect(extractUrls('Read https://a.example/x?!… now')).toEqual(['https://a.example/x']);
  });

  it('keeps at most 50 links', () => {
    const text = Array.from({ length: 51 }, (_, i) => `https://a.example/${i}`).join(' ');
    const urls = extractUrls(text);
    expect(urls).toHaveLength(50);
    expect(urls.at(-1)).toBe('https://a.example/49');
  });
});

describe('pickIntent', () => {
  it('takes the newest intent for the network inside the window', () => {
    const now = 10 * INTENT_WINDOW_MS;
    const intents = [
      { at: now - 1000, network: 'x' as const, postId: 'a' },
      { at: now - 500, network: 'x' as const, postId: 'b' },
      { at: now - 100, network: 'linkedin' as const, postId: 'c' },
      { at: now - INTENT_WINDOW_MS - 1, network: 'x' as const, postId: 'd' },
    ];
    expect(pickIntent(intents, 'x', now)?.postId).toBe('b');
    expect(pickIntent(intents, 'linkedin', now)?.postId).toBe('c');
    expect(pickIntent(intents.slice(3), 'x', now)).toBeNull();
    // Newest by time, not by place in the list.
    expect(pickIntent([...intents].reverse(), 'x', now)?.postId).toBe('b');
    // Two stamped in the same millisecond: the one recorded first.
    const tie = [
      { at: now - 5, network: 'x' as const, postId: 'first' },
      { at: now - 5, network: 'x' as const, postId: 'second' },
    ];
    expect(pickIntent(tie, 'x', now)?.postId).toBe('first');
  });
});

// ---- Detection attribution: normalisation, link matching, pending intents ----
const demoPosts = demoFeed().posts;

describe('normalizeUrl: the same link however it was written', () => {
  it.each([
    [
      'http://www.kestrel-robotics.example/r7/?utm_source=sharewise&utm_campaign=p1#top',
      'https://kestrel-robotics.example/r7',
    ],
    ['HTTPS://WWW.KESTREL-ROBOTICS.EXAMPLE/r7', 'kestrel-robotics.example/r7'],
    ['https://kestrel-robotics.example/r7?gclid=1&mc_cid=2&fbclid=3', 'kestrel-robotics.example/r7/'],
    ['www.kestrel-robotics.example/r7', 'https://kestrel-robotics.example/r7'],
  ])('%s ≡ %s', (a, b) => {
    expect(normalizeUrl(a)).toBe(normalizeUrl(b));
  });

  it.each([
    ['a different path', 'https://a.example/r7', 'https://a.example/r8'],
    ['path case', 'https://a.example/R7', 'https://a.example/r7'],
    ['a meaningful parameter', 'https://a.example/p?id=1', 'https://a.example/p?id=2'],
    ['a different host', 'https://a.example/r7', 'https://b.example/r7'],
  ])('keeps links apart that differ in %s', (_, a, b) => {
    expect(normalizeUrl(a)).not.toBe(normalizeUrl(b));
  });

  it('drops exactly the tracking parameters, whole names only, in any case', () => {
    const url = 'https://a.example/p?UTM_Source=1&fbclid=2&gclid=3&mc_eid=4&ref_src=5&ref_url=6&trk=7&s=8&t=9';
    expect(normalizeUrl(url)).toBe('a.example/p');
    // Names that merely start or end like a tracking parameter are meaningful.
    expect(normalizeUrl('https://a.example/p?sort=new')).not.toBe(normalizeUrl('https://a.example/p?sort=old'));
    expect(normalizeUrl('https://a.example/p?ids=1')).not.toBe(normalizeUrl('https://a.example/p?ids=2'));
    expect(normalizeUrl('https://a.example/p?utm_=1')).toBe('a.example/p?utm_=1');
  });

  it('ignores any utm_* parameters, in any order, and is idempotent', () => {
    const key = fc.stringMatching(/^[a-z]{1,8}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(key, key), { maxLength: 5 }), fc.boolean(), fc.boolean(), (utms, www, slash) => {
        const base = 'https://kestrel-robotics.example/r7';
        const url = new URL(`https://${www ? 'www.' : ''}kestrel-robotics.example/r7${slash ? '/' : ''}`);
        for (const [k, v] of utms) url.searchParams.append(`utm_${k}`, v);
        const n = normalizeUrl(url.href);
        expect(n).toBe(normalizeUrl(base));
        expect(normalizeUrl(n!)).toBe(n);
      }),
    );
  });
});

describe('matchPostByUrls', () => {
  it('finds the approved post a shared link points to, despite tracking parameters', () => {
    const urls = extractUrls('Look at this! http://www.kestrel-robotics.example/r7/?utm_source=x.');
    expect(matchPostByUrls(urls, demoPosts, 'x')?.id).toBe('p-2026-11-r7-launch');
  });

  it('returns null for own content: no links, or links to nothing approved', () => {
    expect(matchPostByUrls([], demoPosts, 'x')).toBeNull();
    expect(matchPostByUrls(['https://elsewhere.example/r7'], demoPosts, 'linkedin')).toBeNull();
  });

  it('prefers the post meant for the network when two share a link', () => {
    const [a, b] = [demoPosts[0]!, demoPosts[0]!];
    const posts = [
      { ...a, id: 'li-only', networks: ['linkedin' as const] },
      { ...b, id: 'x-only', networks: ['x' as const] },
    ];
    expect(matchPostByUrls([a.url], posts, 'x')?.id).toBe('x-only');
    expect(matchPostByUrls([a.url], posts, 'linkedin')?.id).toBe('li-only');
  });
});

describe('keptLinks: what a share keeps of its links without post text', () => {
  const post = demoPosts.find((p) => p.id === 'p-2026-11-r7-launch')!;

  it("keeps only the approved post's own link, normalised, when the text linked to it", () => {
    expect(
      keptLinks(['https://elsewhere.example/mine', 'http://www.kestrel-robotics.example/r7/?utm_source=x'], post),
    ).toEqual(['kestrel-robotics.example/r7']);
  });

  it('keeps no link when the text did not link to the post (a share credited through a one-click intent)', () => {
    expect(keptLinks(['https://elsewhere.example/mine'], post)).toEqual([]);
    expect(keptLinks([], post)).toEqual([]);
  });

  it('keeps no link of own content', () => {
    expect(keptLinks(['https://elsewhere.example/mine', 'javascript:alert(1)'], null)).toEqual([]);
  });
});

describe('pickIntent window edges', () => {
  const now = 1_000_000_000;
  it('includes an intent exactly at the window edge, excludes older and future ones', () => {
    expect(pickIntent([{ at: now - INTENT_WINDOW_MS, network: 'x', postId: 'edge' }], 'x', now)?.postId).toBe('edge');
    expect(pickIntent([{ at: now - INTENT_WINDOW_MS - 1, network: 'x', postId: 'old' }], 'x', now)).toBeNull();
    expect(pickIntent([{ at: now + 1, network: 'x', postId: 'future' }], 'x', now)).toBeNull();
    expect(pickIntent([{ at: now, network: 'x', postId: 'just-now' }], 'x', now)?.postId).toBe('just-now');
  });

  it('never picks an intent of the other network', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.integer({ min: now - 2 * INTENT_WINDOW_MS, max: now }),
            postId: fc.string({ minLength: 1 }),
          }),
        ),
        (raw) => {
          const intents = raw.map((r) => ({ ...r, network: 'linkedin' as const }));
          expect(pickIntent(intents, 'x', now)).toBeNull();
        },
      ),
    );
  });
});
