import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { flushOutbox, setupReporting } from '../../lib/background/reporting';
import { setupFeed } from '../../lib/background/feed';
import { getDb } from '../../lib/db';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { deliver as deliverWire, envelope, useBackground } from './helpers/messaging';

const origin = fakeBrowser.runtime.getURL('/');
const fromPopup = { id: fakeBrowser.runtime.id, url: `${origin}popup.html` };
const fromWeb = { id: fakeBrowser.runtime.id, url: 'https://x.com/home', tab: { id: 1, url: 'https://x.com/home' } };

/** The shared wire helper, called with a message type and payload. */
const deliver = (type: string, data: unknown, sender: object) => deliverWire(envelope(type, data), sender);

useBackground();

describe('suggest a page', () => {
  it('stores a draft from the popup, queues it only on request, and rejects web pages', async () => {
    setupReporting({ now: () => 0 });
    const db = getDb();
    expect(
      await deliver('ui:suggestPage', { url: 'https://blog.example/robots', title: 'Robots', note: '' }, fromWeb),
    ).toEqual({ rejected: expect.any(String) });
    expect(await deliver('ui:suggestPage', { url: 'javascript:alert(1)', title: 'x', note: '' }, fromPopup)).toEqual({
      rejected: expect.any(String),
    });
    const saved = (await deliver(
      'ui:suggestPage',
      { url: 'https://blog.example/robots', title: 'Robots', note: 'good read' },
      fromPopup,
    )) as { id: number };
    expect(await db.suggestions.get(saved.id)).toMatchObject({ status: 'draft', note: 'good read' });
    expect(await deliver('ui:queueSuggestions', { ids: [saved.id] }, fromPopup)).toEqual({ ok: true, queued: 1 });
    expect((await db.suggestions.get(saved.id))?.status).toBe('queued');
  });

  it('a queued suggestion goes out with the next delivered report, then is marked sent; drafts never do', async () => {
    const db = getDb();
    await db.suggestions.bulkAdd([
      { at: 0, url: 'https://a.example/', title: 'A', note: '', status: 'queued' },
      { at: 0, url: 'https://b.example/', title: 'B', note: '', status: 'draft' },
    ]);
    const s = { ...structuredClone(DEFAULT_SETTINGS), installId: 'install-1234' };
    s.reporting.enabled = true;
    s.reporting.consentedEndpoint = 'https://r.example/';
    const start = new Date(2026, 10, 16).getTime();
    await db.outbox.add({
      key: 'install-1234:week:2026-11-16',
      endpoint: 'https://r.example/',
      createdAt: 0,
      attempts: 0,
      nextAttemptAt: 0,
      period: { kind: 'week', start, end: new Date(2026, 10, 23).getTime() },
      report: {
        schemaVersion: 1,
        identity: { kind: 'anonymous', installId: 'install-1234' },
        period: { kind: 'week', start: '2026-11-16', end: '2026-11-23' },
        generatedAt: new Date(0).toISOString(),
      },
    });
    const bodies: unknown[] = [];
    const fetch = (async (_u: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      return new Response('{}', { status: 200 });
    }) as unknown as typeof globalThis.fetch;
    await flushOutbox(db, s, { now: () => Date.now(), fetch }, true);
    expect(bodies).toEqual([
      expect.objectContaining({ suggestions: [expect.objectContaining({ url: 'https://a.example/', title: 'A' })] }),
    ]);
    expect((await db.suggestions.toArray()).map((r) => r.status)).toEqual(['sent', 'draft']);
  });
});

describe('feed refresh message', () => {
  it('refreshes only when older than an hour unless forced, and only for extension pages', async () => {
    setupFeed(async () => ({ nope: true }));
    const db = getDb();
    await db.feedCache.put({ key: 'current', feed: null, source: 'demo', fetchedAt: 0, lastAttemptAt: Date.now() });
    expect(await deliver('ui:feedMaybeRefresh', {}, fromPopup)).toEqual({ refreshed: false });
    expect(await deliver('ui:feedMaybeRefresh', { force: true }, fromWeb)).toEqual({ rejected: expect.any(String) });
    expect(await deliver('ui:feedMaybeRefresh', { force: true }, fromPopup)).toEqual({ refreshed: true });
    await db.feedCache.update('current', { lastAttemptAt: Date.now() - 2 * 60 * 60 * 1000 });
    expect(await deliver('ui:feedMaybeRefresh', {}, fromPopup)).toEqual({ refreshed: true });
  });

  it('re-syncs when the admin policy changes', async () => {
    let calls = 0;
    setupFeed(async () => {
      calls++;
      return { nope: true };
    });
    const fetchCalls: string[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = (async (u: string) => {
      fetchCalls.push(u);
      return new Response('nope', { status: 500 });
    }) as unknown as typeof fetch;
    try {
      await fakeBrowser.storage.managed.set({ feedUrl: 'https://feeds.example/g.json', companyName: '' });
      await vi.waitFor(() => expect(fetchCalls.length).toBeGreaterThan(0));
      expect(fetchCalls.at(-1)).toBe('https://feeds.example/g.json');
      expect(calls).toBe(0);
    } finally {
      globalThis.fetch = original;
    }
  });
});
