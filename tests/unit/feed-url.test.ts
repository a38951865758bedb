import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSettings, SETTINGS_VERSION } from '../../lib/settings/schema';
import { checkFeedUrl } from '../../lib/feed/url';

describe('the employee’s feed address', () => {
  it('accepts https URLs (normalised) and clears on empty input', () => {
    expect(checkFeedUrl('  https://feeds.acme.example/company.json ')).toEqual({
      ok: true,
      url: 'https://feeds.acme.example/company.json',
    });
    expect(checkFeedUrl('https://FEEDS.acme.example')).toEqual({ ok: true, url: 'https://feeds.acme.example/' });
    expect(checkFeedUrl('   ')).toEqual({ ok: true, url: null });
  });

  it('says why a bad address is refused', () => {
    expect(checkFeedUrl('http://feeds.acme.example/f.json')).toEqual({ ok: false, error: 'not-https' });
    expect(checkFeedUrl('feeds.acme.example/f.json')).toEqual({ ok: false, error: 'not-a-url' });
    expect(checkFeedUrl('javascript:alert(1)')).toEqual({ ok: false, error: 'not-a-url' });
    expect(checkFeedUrl('ftp://feeds.acme.example/')).toEqual({ ok: false, error: 'not-a-url' });
    expect(checkFeedUrl(`https://a.example/${'x'.repeat(2100)}`)).toEqual({ ok: false, error: 'too-long' });
  });

  it('never accepts what settings storage would drop as tampered', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ validSchemes: ['https', 'http'] }), fc.string()), (input) => {
        const r = checkFeedUrl(input);
        if (r.ok && r.url)
          expect(readSettings({ schemaVersion: SETTINGS_VERSION, feedUrl: r.url }).feedUrl).toBe(r.url);
      }),
      { numRuns: 2000 },
    );
  }, 30_000); // 2,000 runs take about 3 s alone, more on a busy machine
});
