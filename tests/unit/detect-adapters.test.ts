import { describe, expect, it } from 'vitest';
import type { SiteAdapter } from '../../lib/detect/adapter';
import { linkedinAdapter } from '../../lib/detect/linkedin';
import { xAdapter } from '../../lib/detect/x';

const route = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};
const is = (pattern: RegExp, url: string) => pattern.test(route(url));

describe('X adapter routes', () => {
  it.each([
    ['https://x.com/intent/post?text=hi&url=https%3A%2F%2Fa.example', true],
    ['https://x.com/intent/tweet?text=hi', true],
    ['https://twitter.com/intent/tweet/', true],
    ['https://x.com/intent/follow?screen_name=kestrel', false],
    ['https://x.com/home', false],
    ['https://x.com/compose/post', false],
  ])('%s is an intent page: %s', (url, expected) => {
    expect(is(xAdapter.intentPage, url)).toBe(expected);
  });

  it.each([
    ['https://x.com/kestrel/status/1850000000000000002', true],
    ['https://x.com/fixture_user/status/1/photo/1', true],
    ['https://x.com/home', false],
    ['https://x.com/compose/post', false],
    ['https://x.com/kestrel', false],
  ])('%s is a reply page: %s', (url, expected) => {
    expect(is(xAdapter.replyPage, url)).toBe(expected);
  });

  it.each([
    ['https://x.com/intent/post?in_reply_to=1850000000000000003&text=hi', true],
    ['https://twitter.com/intent/tweet?text=hi&in_reply_to=1', true],
    ['https://x.com/intent/post?text=in_reply_to', false],
  ])('%s is a reply intent: %s', (url, expected) => {
    expect(is(xAdapter.replyPage, url)).toBe(expected);
  });

  it('maps the keyboard shortcuts r, t and n (and no others) to reply, repost menu and new post', () => {
    expect(xAdapter.keys).toEqual({ r: 'reply', t: 'repost', n: 'post' });
  });

  it('keeps quote/reply modes on the modal composer route, ends them elsewhere', () => {
    expect(is(xAdapter.composeRoute, 'https://x.com/compose/post')).toBe(true);
    expect(is(xAdapter.composeRoute, 'https://x.com/home')).toBe(false);
  });
});

describe('LinkedIn adapter routes', () => {
  it.each([
    ['https://www.linkedin.com/feed/?shareActive=true&text=hi', true],
    ['https://www.linkedin.com/feed?text=hi&shareActive=true', true],
    ['https://www.linkedin.com/feed/?shareActive=false', false],
    ['https://www.linkedin.com/feed/', false],
    ['https://www.linkedin.com/in/someone/?shareActive=true', false],
  ])('%s is the prefilled share composer: %s', (url, expected) => {
    expect(is(linkedinAdapter.intentPage, url)).toBe(expected);
  });

  it.each([
    ['https://www.linkedin.com/preload/?shareActive=true&text=hi', true],
    ['https://www.linkedin.com/feed/?fixture=sdui&shareActive=true', true],
  ])('%s (server-driven layout) is the prefilled share composer: %s', (url, expected) => {
    expect(is(linkedinAdapter.intentPage, url)).toBe(expected);
  });

  it.each([
    ['https://www.linkedin.com/feed/', true],
    ['https://www.linkedin.com/preload/', true],
    ['https://www.linkedin.com/preload/sharebox/', true],
    ['https://www.linkedin.com/sharing/compose', true],
    ['https://www.linkedin.com/sharing/share-offsite/?url=x', false],
    ['https://www.linkedin.com/in/someone/', false],
    ['https://www.linkedin.com/preloaded/', false],
  ])('%s keeps composer modes (quote, schedule): %s', (url, expected) => {
    expect(is(linkedinAdapter.composeRoute, url)).toBe(expected);
  });

  it('has no reply page: comments never use the share box', () => {
    expect(is(linkedinAdapter.replyPage, 'https://www.linkedin.com/feed/update/urn:li:activity:1/')).toBe(false);
  });
});

describe('adapters use stable hooks, never visible text', () => {
  it.each([
    ['x', xAdapter],
    ['linkedin', linkedinAdapter],
  ] as [string, SiteAdapter][])('%s selectors have no :contains/aria-label text matching', (_, adapter) => {
    const selectors = Object.values(adapter).filter((v): v is string => typeof v === 'string' && v !== adapter.network);
    for (const s of selectors) expect(s).not.toMatch(/aria-label|:contains|has-text|title=/);
  });
});
