import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../lib/feed/parse';
import { parseManaged } from '../../lib/managed';
import { checkRemoteUrl, displayHost } from '../../lib/remote-url';
import { checkFeedUrl } from '../../lib/feed/url';
import demo from '../../public/demo-feed.json';

const TRICKS: [string, string][] = [
  ['https://acme.example@evil.example/company.json', 'userinfo'],
  ['https://user:pw@feeds.acme.example/', 'userinfo'],
  ['https://@evil.example/', 'userinfo'],
  ['https://acme.example\\@evil.example/', 'backslash'],
  ['https:\\\\evil.example\\feed.json', 'backslash'],
  ['https://feeds.acme.example/\u202Enosj.elif', 'control-chars'],
  ['https://evil.example\u2066/acme.example\u2069', 'control-chars'],
  ['https://feeds.acme.example/\u200Ff.json', 'control-chars'],
  ['https://feeds.acme.example/a\u0000b', 'control-chars'],
];

describe('one check for feed URLs and report endpoints', () => {
  it.each(TRICKS)('refuses %s (%s)', (url, error) => {
    expect(checkRemoteUrl(url)).toEqual({ ok: false, error });
    expect(checkFeedUrl(url)).toEqual({ ok: false, error });
  });

  it('accepts plain https addresses and shows look-alike hosts in punycode', () => {
    expect(checkRemoteUrl('https://feeds.acme.example/company.json')).toEqual({
      ok: true,
      url: 'https://feeds.acme.example/company.json',
      host: 'feeds.acme.example',
    });
    // Cyrillic "а" in place of Latin "a": the host shown is the ASCII form, not the look-alike.
    const mixed = checkRemoteUrl('https://\u0430cme.example/in');
    expect(mixed).toEqual({ ok: true, url: 'https://xn--cme-5cd.example/in', host: 'xn--cme-5cd.example' });
    expect(displayHost('https://bücher.example:8443/in')).toBe('xn--bcher-kva.example:8443');
    expect(checkRemoteUrl('http://feeds.acme.example/')).toEqual({ ok: false, error: 'not-https' });
  });

  it('a policy with such an address is ignored with a reason an admin can act on', () => {
    const { config, problems } = parseManaged({
      feedUrl: 'https://acme.example@evil.example/f.json',
      reportEndpoint: 'https://reports.\u0430cme.example/in',
    });
    expect(config).toEqual({ reportEndpoint: 'https://reports.xn--cme-5cd.example/in' });
    expect(problems).toEqual(['feedUrl ignored: must not contain a user name or password before the host (user@host)']);
    expect(parseManaged({ reportEndpoint: 'https://r.example\\in' }).problems).toEqual([
      'reportEndpoint ignored: must not contain backslashes',
    ]);
  });

  it('a feed whose report endpoint hides its host is refused', () => {
    const feed = structuredClone(demo) as Record<string, unknown>;
    feed.reporting = { endpoint: 'https://acme.example@evil.example/in' };
    const parsed = parseFeed(feed);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join('\n')).toMatch(/reporting\.endpoint.*user name or password/);
    feed.reporting = { endpoint: 'https://reports.acme.example/in' };
    expect(parseFeed(feed).ok).toBe(true);
  });
});
