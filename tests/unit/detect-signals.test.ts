import { describe, expect, it } from 'vitest';
import { judgeAlone, judgePage, START_GRACE_MS, type TabRequest } from '../../lib/background/signals';
import type { CreateKind, CreateRequest } from '../../lib/detect/request';

const xReq = (kind: CreateKind, text = ''): CreateRequest => ({ network: 'x', endpoint: 'x-graphql', operation: 'CreateTweet', kind, text });
const liReq = (kind: CreateKind, endpoint: CreateRequest['endpoint'] = 'linkedin-norm-shares'): CreateRequest => ({
  network: 'linkedin', endpoint, operation: 'normShares', kind, text: 'Hello LinkedIn',
});
let n = 0;
const tabReq = (req: CreateRequest, over: Partial<TabRequest> = {}): TabRequest => ({ id: `r${++n}`, tabId: 1, req, startedAt: 1000, state: 'ok', endedAt: 1500, ...over });
const at = { arrivedAt: 2000, now: 2000 };
const late = { arrivedAt: 2000, now: 2000 + START_GRACE_MS };

describe('judgePage: a page signal and its tab\'s requests', () => {
  it('X: logs a post seen by both signals', () => {
    const r = tabReq(xReq('post'));
    expect(judgePage({ network: 'x', kind: 'post' }, [r], at)).toEqual({ type: 'log', kind: 'post', signals: ['page', 'request'], request: r });
  });

  it('X: the request decides the kind (a quote the page took for a post)', () => {
    expect(judgePage({ network: 'x', kind: 'post' }, [tabReq(xReq('quote'))], at)).toMatchObject({ type: 'log', kind: 'quote' });
  });

  it('X: does not log a reply, schedule or edit the page took for a post', () => {
    for (const kind of ['reply', 'schedule', 'edit'] as const) {
      expect(judgePage({ network: 'x', kind: 'post' }, [tabReq(xReq(kind))], late)).toMatchObject({ type: 'drop', reason: `the site's create request was a ${kind}` });
    }
  });

  it("X: a reply still open does not veto a post whose own request has not ended yet: it waits, then pairs", () => {
    const reply = tabReq(xReq('reply'), { startedAt: 1000 });
    const own = tabReq(xReq('post'), { startedAt: 1900, state: 'in-flight' });
    expect(judgePage({ network: 'x', kind: 'post' }, [reply, own], at)).toEqual({ type: 'wait' });
    expect(judgePage({ network: 'x', kind: 'post' }, [reply, own], late)).toEqual({ type: 'wait' });
    expect(judgePage({ network: 'x', kind: 'post' }, [reply, { ...own, state: 'ok' }], late)).toMatchObject({ type: 'log', kind: 'post' });
  });

  it('X: a thread pairs with its first part, not its later ones', () => {
    const first = tabReq(xReq('post'), { startedAt: 1000 });
    const parts = [tabReq(xReq('thread-part'), { startedAt: 1100 }), tabReq(xReq('thread-part'), { startedAt: 1200 })];
    expect(judgePage({ network: 'x', kind: 'post' }, [first, ...parts], at)).toMatchObject({ type: 'log', kind: 'post', request: first });
  });

  it('X: a post after a reply pairs with the post', () => {
    const reply = tabReq(xReq('reply'), { startedAt: 1000 });
    const post = tabReq(xReq('post'), { startedAt: 1200 });
    expect(judgePage({ network: 'x', kind: 'post' }, [reply, post], at)).toMatchObject({ type: 'log', request: post });
  });

  it('X: waits for a request still in flight, then for a late one, then drops and diagnoses (a fake composer sends none)', () => {
    const flying = tabReq(xReq('post'), { state: 'in-flight' });
    expect(judgePage({ network: 'x', kind: 'post' }, [flying], late)).toEqual({ type: 'wait' });
    expect(judgePage({ network: 'x', kind: 'post' }, [], at)).toEqual({ type: 'wait' });
    expect(judgePage({ network: 'x', kind: 'post' }, [], late)).toEqual({
      type: 'drop', reason: 'no create request of the site confirmed it', diagnose: 'page-without-request',
    });
  });

  it('X: drops a share whose request failed, without a diagnosis', () => {
    expect(judgePage({ network: 'x', kind: 'post' }, [tabReq(xReq('post'), { state: 'failed' })], late)).toEqual({ type: 'drop', reason: "the site's create request failed" });
  });

  it('ignores requests of the other network, used ones and old ones', () => {
    const used = tabReq(xReq('post'), { used: { by: 'page', shareId: 's1' } });
    const old = tabReq(xReq('post'), { startedAt: 2000 - 3 * 60_000 });
    expect(judgePage({ network: 'x', kind: 'post' }, [tabReq(liReq('post')), used, old], late)).toMatchObject({ type: 'drop', diagnose: 'page-without-request' });
  });

  it('LinkedIn classic: a page signal needs its request; one already logged alone gets the page signal added', () => {
    expect(judgePage({ network: 'linkedin', kind: 'post', layout: 'linkedin-classic' }, [], late)).toMatchObject({ type: 'drop', diagnose: 'page-without-request' });
    const alone = tabReq(liReq('post'), { used: { by: 'alone', shareId: 's9' } });
    expect(judgePage({ network: 'linkedin', kind: 'post', layout: 'linkedin-classic' }, [alone], at)).toEqual({ type: 'merge', shareId: 's9', request: alone });
  });

  it('LinkedIn server-driven layout: a post counts on the page signal alone (its request is not known), a repost does not', () => {
    expect(judgePage({ network: 'linkedin', kind: 'post', layout: 'linkedin-sdui' }, [], at)).toEqual({ type: 'wait' });
    expect(judgePage({ network: 'linkedin', kind: 'post', layout: 'linkedin-sdui' }, [], late)).toEqual({ type: 'log', kind: 'post', signals: ['page'] });
    expect(judgePage({ network: 'linkedin', kind: 'quote', layout: 'linkedin-sdui' }, [], late)).toMatchObject({ type: 'log', signals: ['page'] });
    expect(judgePage({ network: 'linkedin', kind: 'repost', layout: 'linkedin-sdui' }, [], late)).toMatchObject({ type: 'drop', diagnose: 'page-without-request' });
    // When a known request does come, it pairs (and can veto a schedule).
    expect(judgePage({ network: 'linkedin', kind: 'post', layout: 'linkedin-sdui' }, [tabReq(liReq('schedule', 'linkedin-dash-shares'))], late)).toMatchObject({ type: 'drop' });
    // …but a schedule already judged alone (seconds earlier) is done, and does not veto a later post.
    const judged = tabReq(liReq('schedule', 'linkedin-dash-shares'), { used: { by: 'alone' } });
    expect(judgePage({ network: 'linkedin', kind: 'post', layout: 'linkedin-sdui' }, [judged], late)).toEqual({ type: 'log', kind: 'post', signals: ['page'] });
  });
});

describe('judgeAlone: a request no page signal claimed', () => {
  it('LinkedIn classic: the 2xx answer proves the share', () => {
    expect(judgeAlone(tabReq(liReq('post')), [])).toEqual({ type: 'log', kind: 'post' });
    expect(judgeAlone(tabReq(liReq('repost', 'linkedin-dash-shares')), [])).toEqual({ type: 'log', kind: 'repost' });
  });

  it('X: not proof (a rejected duplicate also answers 200), so it is only diagnosed', () => {
    expect(judgeAlone(tabReq(xReq('post')), [])).toEqual({ type: 'drop', reason: 'no page signal confirmed it', diagnose: 'request-without-page' });
    expect(judgeAlone(tabReq(liReq('repost', 'linkedin-sdui-repost')), [])).toMatchObject({ diagnose: 'request-without-page' });
  });

  it('X: a repeat of a share just logged in the tab (a double click) is dropped quietly', () => {
    const logged = tabReq(xReq('post'), { used: { by: 'page', shareId: 's1' }, startedAt: 1000 });
    const repeat = tabReq(xReq('post'), { startedAt: 1400 });
    expect(judgeAlone(repeat, [logged, repeat])).toEqual({ type: 'drop', reason: 'a repeat of a share just logged' });
    expect(judgeAlone(tabReq(xReq('post'), { tabId: 2 }), [logged])).toMatchObject({ diagnose: 'request-without-page' });
  });

  it('never logs replies, schedules, edits, thread parts or failed requests', () => {
    for (const kind of ['reply', 'schedule', 'edit', 'thread-part', 'other'] as const) {
      expect(judgeAlone(tabReq(liReq(kind)), [])).toEqual({ type: 'drop', reason: `a ${kind} is not a share` });
    }
    expect(judgeAlone(tabReq(liReq('post'), { state: 'failed' }), [])).toMatchObject({ type: 'drop' });
  });
});
