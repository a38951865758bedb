import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupFeed } from '../../lib/background/feed';
import { setupMessageRouter } from '../../lib/background/router';
import { getDb } from '../../lib/db';
import { canonicalPermalink, parsePermalink } from '../../lib/permalink';
import { deliver, envelope, seeCreateRequest, useBackground } from './helpers/messaging';

const demo = () => Promise.resolve(JSON.parse(readFileSync('public/demo-feed.json', 'utf8')));
const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
const claim = (link: string, postId: string | null = null) =>
  deliver(envelope('ui:claimShare', { link, postId }), popup);

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

useBackground();

describe('ui:claimShare', () => {
  it('logs a claimed share as manual, for the approved post picked, and refuses the same link again', async () => {
    setupFeed(demo);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    setupMessageRouter();
    expect(await claim('x.com/me/status/1860000000000000042', 'p-2026-11-r7-launch')).toEqual({
      ok: true,
      id: expect.any(String),
    });
    expect(await getDb().shares.toArray()).toEqual([
      expect.objectContaining({
        network: 'x',
        kind: 'post',
        surface: 'manual',
        postId: 'p-2026-11-r7-launch',
        signals: [],
        permalink: 'https://x.com/i/web/status/1860000000000000042',
        urls: [],
      }),
    ]);
    // The same post under another spelling of its link.
    expect(await claim('https://twitter.com/me/status/1860000000000000042', null)).toEqual({
      ok: false,
      problem: 'already-logged',
    });
    expect(await getDb().shares.count()).toBe(1);
  });

  it('refuses a link the page signal already logged', async () => {
    setupMessageRouter();
    seeCreateRequest(3);
    await deliver(
      envelope('cs:shareDetected', {
        network: 'x',
        kind: 'post',
        surface: 'composer',
        text: 'hi',
        submissionId: 'abcdef12-0001',
        confirmedBy: 'notice',
        permalink: 'https://x.com/me/status/1860000000000000043',
      }),
      { id: fakeBrowser.runtime.id, url: 'https://x.com/home', tab: { id: 3, url: 'https://x.com/home' } },
    );
    expect(await claim('https://x.com/me/status/1860000000000000043')).toEqual({
      ok: false,
      problem: 'already-logged',
    });
  });

  it('says what is wrong with a malformed link or an unknown post, and writes nothing', async () => {
    setupMessageRouter();
    expect(await claim('https://x.com/me')).toEqual({ ok: false, problem: 'not-a-post' });
    expect(await claim('')).toEqual({ ok: false, problem: 'empty' });
    expect(await claim('x.com/me/status/1', 'no-such-post')).toEqual({ ok: false, problem: 'unknown-post' });
    expect(await getDb().shares.count()).toBe(0);
  });

  it('is refused from a web page', async () => {
    setupMessageRouter();
    const answer = await deliver(envelope('ui:claimShare', { link: 'x.com/me/status/1', postId: null }), {
      id: fakeBrowser.runtime.id,
      url: 'https://x.com/',
      tab: { id: 1 },
    });
    expect(answer).toEqual({ rejected: expect.any(String) });
    expect(await getDb().shares.count()).toBe(0);
  });
});
