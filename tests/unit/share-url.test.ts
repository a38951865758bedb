import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../lib/share-match';
import {
  campaignUrl,
  composedText,
  isSuggestedText,
  linkedInLength,
  linkedInShareUrl,
  MAX_SHARE_URL_LENGTH,
  COMPOSER_LIMITS,
  xLength,
  xShareUrl,
  type ShareContent,
} from '../../lib/share-url';

const post: ShareContent = {
  postId: 'p-2026-11-r7-launch',
  text: 'Meet the R7: 40% more totes & fewer breaks? #1 "robot" — für alle 🤖',
  url: 'https://kestrel-robotics.example/r7?lang=en',
  hashtags: ['robotics', 'logistics'],
};

describe('campaign link', () => {
  it('adds campaign tags only, keeping the link’s own parameters', () => {
    const u = new URL(campaignUrl(post.url, post.postId));
    expect([...u.searchParams.keys()].sort()).toEqual(['lang', 'utm_campaign', 'utm_source']);
    expect(u.searchParams.get('utm_source')).toBe('sharewise');
    expect(u.searchParams.get('utm_campaign')).toBe('p-2026-11-r7-launch');
  });

  it('replaces campaign tags the feed already had instead of duplicating them', () => {
    const u = new URL(campaignUrl('https://a.example/?utm_source=feed&utm_campaign=old', 'p1'));
    expect(u.searchParams.getAll('utm_source')).toEqual(['sharewise']);
    expect(u.searchParams.getAll('utm_campaign')).toEqual(['p1']);
  });

  it('still matches the approved post when the share is attributed by its link', () => {
    expect(normalizeUrl(campaignUrl(post.url, post.postId))).toBe(normalizeUrl(post.url));
  });
});

describe('X intent', () => {
  it('carries text, link and hashtags, all decoded back exactly', () => {
    const u = new URL(xShareUrl(post));
    expect(u.origin + u.pathname).toBe('https://x.com/intent/post');
    expect(u.searchParams.get('text')).toBe(post.text);
    expect(u.searchParams.get('url')).toBe(campaignUrl(post.url, post.postId));
    expect(u.searchParams.get('hashtags')).toBe('robotics,logistics');
    expect(xShareUrl(post)).not.toMatch(/[\s#"🤖]/u); // spaces, '#', quotes and emoji are all percent-encoded
  });

  it('omits hashtags when the post has none', () => {
    expect(new URL(xShareUrl({ ...post, hashtags: [] })).searchParams.has('hashtags')).toBe(false);
  });

  it('round-trips any text through the URL', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), (text) => {
        fc.pre(text.trim() !== '');
        expect(new URL(xShareUrl({ ...post, text })).searchParams.get('text')).toBe(text.trim());
      }),
    );
  });
});

describe('X length', () => {
  it('counts the link as 23 whatever its length, plus a space, plus " #tag" per hashtag', () => {
    const base = {
      text: 'Hello',
      url: 'https://example.com/a/very/long/path/that/is/much/longer/than/23',
      hashtags: ['ab'],
    };
    expect(xLength(base)).toBe(5 + 1 + 23 + 4);
    expect(xLength({ ...base, url: 'https://e.co' })).toBe(5 + 1 + 23 + 4);
  });

  it('counts links written in the text as 23 too', () => {
    expect(
      xLength({
        text: 'see https://example.com/x/y/z/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa now',
        url: '',
        hashtags: [],
      }),
    ).toBe(4 + 23 + 4);
  });

  it('weights CJK and emoji as 2, Latin with accents as 1', () => {
    expect(xLength({ text: 'für', url: '', hashtags: [] })).toBe(3);
    expect(xLength({ text: '日本', url: '', hashtags: [] })).toBe(4);
    expect(xLength({ text: '🤖', url: '', hashtags: [] })).toBe(2);
  });

  it('knows the limit: 280 is fine, 281 is over', () => {
    const fill = (n: number) => 'a'.repeat(n - 1 - 23);
    expect(xLength({ text: fill(280), url: 'https://e.co', hashtags: [] })).toBe(COMPOSER_LIMITS.x);
    expect(xLength({ text: fill(281), url: 'https://e.co', hashtags: [] })).toBe(COMPOSER_LIMITS.x + 1);
  });
});

describe('LinkedIn share', () => {
  it('opens the composer with the whole text: wording, campaign link, hashtags', () => {
    const share = linkedInShareUrl(post);
    expect(share.prefilled).toBe(true);
    const u = new URL(share.url);
    expect(u.origin + u.pathname).toBe('https://www.linkedin.com/feed/');
    expect(u.searchParams.get('shareActive')).toBe('true');
    expect(u.searchParams.get('text')).toBe(composedText(post));
    expect(composedText(post)).toBe(`${post.text}\n\n${campaignUrl(post.url, post.postId)}\n\n#robotics #logistics`);
  });

  it('falls back to the official share-offsite page when the composer link would be too long', () => {
    const long = { ...post, text: 'ü'.repeat(1500) }; // 1,500 characters become 9,000 percent-encoded
    const share = linkedInShareUrl(long);
    expect(share.prefilled).toBe(false);
    expect(share.url).toBe(
      `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(campaignUrl(post.url, post.postId))}`,
    );
  });

  it('never produces a composer link above the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2500 }), (text) => {
        const share = linkedInShareUrl({ ...post, text });
        if (share.prefilled) expect(share.url.length).toBeLessThanOrEqual(MAX_SHARE_URL_LENGTH);
      }),
      { numRuns: 200 },
    );
  });

  it('counts characters of the full post', () => {
    expect(linkedInLength({ ...post, text: 'Hi', hashtags: [] })).toBe(
      2 + 2 + campaignUrl(post.url, post.postId).length,
    );
  });
});

describe('the identical-text hint', () => {
  const suggestions = ['Meet the R7.', 'Two years of work, one robot.'];

  it('shows for the suggested text and for each variant', () => {
    expect(isSuggestedText('Meet the R7.', suggestions)).toBe(true);
    expect(isSuggestedText('Two years of work, one robot.', suggestions)).toBe(true);
  });

  it('ignores spacing and case, so a reflowed copy still counts as identical', () => {
    expect(isSuggestedText('  meet   the\nR7. ', suggestions)).toBe(true);
  });

  it('goes away once the employee adds a sentence of their own', () => {
    expect(isSuggestedText('Meet the R7. My team built the gripper!', suggestions)).toBe(false);
  });

  it('never shows for an empty draft', () => {
    expect(isSuggestedText('   ', suggestions)).toBe(false);
  });
});
