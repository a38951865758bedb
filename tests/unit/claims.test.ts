import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupFeed } from '../../lib/background/feed';
import { setupMessageRouter } from '../../lib/background/router';
import { getDb } from '../../lib/db';
import { deliver, envelope, seeCreateRequest, useBackground } from './helpers/messaging';

const demo = () => Promise.resolve(JSON.parse(readFileSync('public/demo-feed.json', 'utf8')));
const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
const claim = (link: string, postId: string | null = null) =>
  deliver(envelope('ui:claimShare', { link, postId }), popup);

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
