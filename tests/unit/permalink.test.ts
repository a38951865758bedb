import { describe, expect, it } from 'vitest';
import { canonicalPermalink, parsePermalink } from '../../lib/permalink';

describe('parsePermalink: the link of a post, as pasted', () => {
  it.each([
    ['https://x.com/someone/status/1860000000000000001', 'https://x.com/i/web/status/1860000000000000001'],
    ['x.com/someone/status/1860000000000000001?s=20', 'https://x.com/i/web/status/1860000000000000001'],
    [
      'https://twitter.com/Some_One/status/1860000000000000001/photo/1',
      'https://x.com/i/web/status/1860000000000000001',
    ],
    [
      'https://mobile.twitter.com/someone/statuses/1860000000000000001',
      'https://x.com/i/web/status/1860000000000000001',
    ],
    ['https://x.com/i/web/status/1860000000000000001', 'https://x.com/i/web/status/1860000000000000001'],
    [
      'https://www.linkedin.com/feed/update/urn:li:activity:7263000000000000001/',
      'https://www.linkedin.com/feed/update/urn:li:activity:7263000000000000001/',
    ],
    [
      'linkedin.com/feed/update/urn%3Ali%3Ashare%3A7263000000000000002?utm_source=share',
      'https://www.linkedin.com/feed/update/urn:li:share:7263000000000000002/',
    ],
    [
      'https://de.linkedin.com/feed/update/urn:li:ugcPost:7263000000000000003',
      'https://www.linkedin.com/feed/update/urn:li:ugcPost:7263000000000000003/',
    ],
    [
      'https://www.linkedin.com/posts/jane-doe_robots-activity-7263000000000000004-AbCd?utm_source=share',
      'https://www.linkedin.com/feed/update/urn:li:activity:7263000000000000004/',
    ],
  ])('%s', (input, url) => {
    expect(parsePermalink(input)).toEqual({
      ok: true,
      permalink: { network: url.includes('x.com') ? 'x' : 'linkedin', url },
    });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['not a link at all', 'not-a-link'],
    ['https://user@x.com/someone/status/1', 'not-a-link'],
    ['ftp://x.com/someone/status/1', 'not-a-link'],
    ['https://x.com/someone', 'not-a-post'],
    ['https://x.com/someone/status/abc', 'not-a-post'],
    ['https://x.com.evil.example/someone/status/1', 'not-a-post'],
    ['https://www.linkedin.com/in/jane-doe/', 'not-a-post'],
    ['https://www.linkedin.com/feed/update/urn:li:comment:(activity:1,2)/', 'not-a-post'],
    ['https://example.com/feed/update/urn:li:activity:1/', 'not-a-post'],
  ])('refuses %j: %s', (input, problem) => {
    expect(parsePermalink(input)).toEqual({ ok: false, problem });
  });

  it('keeps a page-revealed link only for its own network', () => {
    expect(canonicalPermalink('https://x.com/a/status/5', 'x')).toBe('https://x.com/i/web/status/5');
    expect(canonicalPermalink('https://x.com/a/status/5', 'linkedin')).toBeUndefined();
    expect(canonicalPermalink(undefined, 'x')).toBeUndefined();
  });
});
