import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupFeed } from '../../lib/background/feed';
import { setupMessageRouter } from '../../lib/background/router';
import { getDb } from '../../lib/db';
import { deliver, envelope, seeCreateRequest, useBackground } from './helpers/messaging';

const demo = () => Promise.resolve(JSON.parse(readFileSync('public/demo-feed.json', 'utf8')));
const EXT = fakeBrowser.runtime.id;
const origin = fakeBrowser.runtime.getURL('/');

useBackground();

describe('background', () => {
  it('stores the built-in demo feed on install so the popup has something to show', async () => {
    setupFeed(demo);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    const row = await getDb().feedCache.get('current');
    expect(row?.source).toBe('demo');
    expect(row?.feed?.company.name).toBe('Kestrel Robotics (demo)');
  });

  it('logs a valid share from the x.com content script, with the create request of its tab', async () => {
    setupMessageRouter();
    seeCreateRequest(3);
    const answer = await deliver(
      envelope('cs:shareDetected', {
        network: 'x',
        kind: 'post',
        surface: 'composer',
        text: 'hello',
        submissionId: 'abcdef12-3456',
        confirmedBy: 'notice',
      }),
      { id: EXT, url: 'https://x.com/home', tab: { id: 3, url: 'https://x.com/home' } },
    );
    expect(answer).toMatchObject({ logged: true });
    expect(await getDb().shares.toArray()).toEqual([expect.objectContaining({ signals: ['page', 'request'] })]);
  });

  it.each([
    [
      'a malformed payload',
      envelope('cs:shareDetected', { network: 'x', kind: 'post' }),
      { id: EXT, url: 'https://x.com/', tab: {} },
    ],
    [
      'a forged postId',
      envelope('cs:shareDetected', {
        network: 'x',
        kind: 'post',
        surface: 'composer',
        text: '',
        submissionId: 'abcdef12-3456',
        confirmedBy: 'notice',
        postId: 'p1',
      }),
      { id: EXT, url: 'https://x.com/', tab: {} },
    ],
    [
      'a share claimed from another site',
      envelope('cs:shareDetected', {
        network: 'x',
        kind: 'post',
        surface: 'composer',
        text: 'hi',
        submissionId: 'abcdef12-3456',
        confirmedBy: 'notice',
      }),
      { id: EXT, url: 'https://evil.example/', tab: {} },
    ],
    [
      'an intent from a web page',
      envelope('ui:recordIntent', { postId: 'p1', network: 'x' }),
      { id: EXT, url: 'https://x.com/', tab: {} },
    ],
  ])('rejects %s and writes nothing', async (_, message, sender) => {
    setupMessageRouter();
    const answer = await deliver(message, sender);
    expect(answer).toEqual({ rejected: expect.any(String) });
    expect(await getDb().shares.count()).toBe(0);
    expect(await getDb().intents.count()).toBe(0);
  });

  it('records an intent from the popup', async () => {
    setupMessageRouter();
    const answer = await deliver(envelope('ui:recordIntent', { postId: 'p1', network: 'x' }), {
      id: EXT,
      url: `${origin}popup.html`,
    });
    expect(answer).toEqual({ ok: true });
    expect(await getDb().intents.toArray()).toEqual([
      { id: expect.any(Number), at: expect.any(Number), network: 'x', postId: 'p1' },
    ]);
  });
});
