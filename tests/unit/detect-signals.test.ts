import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SignalHub, type SignalDeps } from '../../lib/background/requests';
import { ALONE_AFTER_MS, judgeAlone, judgePage, START_GRACE_MS, type TabRequest } from '../../lib/background/signals';
import type { ShareInput } from '../../lib/background/share-log';
import type { CreateKind, CreateRequest } from '../../lib/detect/request';
import type { DetectedShare } from '../../lib/detect/types';

const xReq = (kind: CreateKind, text = ''): CreateRequest => ({
  network: 'x',
  endpoint: 'x-graphql',
  operation: 'CreateTweet',
  kind,
  text,
});
const liReq = (kind: CreateKind, endpoint: CreateRequest['endpoint'] = 'linkedin-norm-shares'): CreateRequest => ({
  network: 'linkedin',
  endpoint,
  operation: 'normShares',
  kind,
  text: 'Hello LinkedIn',
});
let n = 0;
const tabReq = (req: CreateRequest, over: Partial<TabRequest> = {}): TabRequest => ({
  id: `r${++n}`,
  tabId: 1,
  req,
  startedAt: 1000,
  state: 'ok',
  endedAt: 1500,
  ...over,
});
const at = { arrivedAt: 2000, now: 2000 };
const late = { arrivedAt: 2000, now: 2000 + START_GRACE_MS };

describe("judgePage: a page signal and its tab's requests", () => {
  it('X: logs a post seen by both signals', () => {
    const r = tabReq(xReq('post'));
    expect(judgePage({ network: 'x', kind: 'post' }, [r], at)).toEqual({
      type: 'log',
      kind: 'post',
      signals: ['page', 'request'],
      request: r,
    });
  });

  it('X: the request decides the kind (a quote the page took for a post)', () => {
    expect(judgePage({ network: 'x', kind: 'post' }, [tabReq(xReq('quote'))], at)).toMatchObject({
      type: 'log',
      kind: 'quote',
    });
  });

  it('X: does not log a reply, schedule or edit the page took for a post', () => {
    for (const kind of ['reply', 'schedule', 'edit'] as const) {
      expect(judgePage({ network: 'x', kind: 'post' }, [tabReq(xReq(kind))], late)).toMatchObject({
        type: 'drop',
        reason: `the site's create request was a ${kind}`,
      });
    }
  });

  it('X: a reply still open does not veto a post whose own request has not ended yet: it waits, then pairs', () => {
    const reply = tabReq(xReq('reply'), { startedAt: 1000 });
    const own = tabReq(xReq('post'), { startedAt: 1900, state: 'in-flight' });
    expect(judgePage({ network: 'x', kind: 'post' }, [reply, own], at)).toEqual({ type: 'wait' });
    expect(judgePage({ network: 'x', kind: 'post' }, [reply, own], late)).toEqual({ type: 'wait' });
    expect(judgePage({ network: 'x', kind: 'post' }, [reply, { ...own, state: 'ok' }], late)).toMatchObject({
      type: 'log',
      kind: 'post',
    });
  });

  it('X: a thread pairs with its first part, not its later ones', () => {
    const first = tabReq(xReq('post'), { startedAt: 1000 });
    const parts = [tabReq(xReq('thread-part'), { startedAt: 1100 }), tabReq(xReq('thread-part'), { startedAt: 1200 })];
    expect(judgePage({ network: 'x', kind: 'post' }, [first, ...parts], at)).toMatchObject({
      type: 'log',
      kind: 'post',
      request: first,
    });
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
      type: 'drop',
      reason: 'no create request of the site confirmed it',
      diagnose: 'page-without-request',
    });
  });

  it('X: drops a share whose request failed, without a diagnosis', () => {
    expect(judgePage({ network: 'x', kind: 'post' }, [tabReq(xReq('post'), { state: 'failed' })], late)).toEqual({
      type: 'drop',
      reason: "the site's create request failed",
    });
  });

  it("X Premium undo: a request sent as the countdown ends (after the page saw it end) is its own; after a notice it is the next post's", () => {
    const after = tabReq(xReq('post'), { startedAt: 2300 });
    expect(judgePage({ network: 'x', kind: 'post', confirmedBy: 'undo-elapsed' }, [after], at)).toMatchObject({
      type: 'log',
      kind: 'post',
      request: after,
    });
    expect(judgePage({ network: 'x', kind: 'post', confirmedBy: 'notice' }, [after], late)).toMatchObject({
      type: 'drop',
      diagnose: 'page-without-request',
    });
    const tooLate = tabReq(xReq('post'), { startedAt: 2000 + START_GRACE_MS + 1 });
    expect(judgePage({ network: 'x', kind: 'post', confirmedBy: 'undo-elapsed' }, [tooLate], late)).toMatchObject({
      type: 'drop',
      diagnose: 'page-without-request',
    });
  });

  it('ignores requests of the other network, used ones and old ones', () => {
    const used = tabReq(xReq('post'), { used: { by: 'page', shareId: 's1' } });
    const old = tabReq(xReq('post'), { startedAt: 2000 - 3 * 60_000 });
    expect(judgePage({ network: 'x', kind: 'post' }, [tabReq(liReq('post')), used, old], late)).toMatchObject({
      type: 'drop',
      diagnose: 'page-without-request',
    });
  });

  it('LinkedIn classic: a page signal needs its request; one already logged alone gets the page signal added', () => {
    expect(judgePage({ network: 'linkedin', kind: 'post', layout: 'linkedin-classic' }, [], late)).toMatchObject({
      type: 'drop',
      diagnose: 'page-without-request',
    });
    const alone = tabReq(liReq('post'), { used: { by: 'alone', shareId: 's9' } });
    expect(judgePage({ network: 'linkedin', kind: 'post', layout: 'linkedin-classic' }, [alone], at)).toEqual({
      type: 'merge',
      shareId: 's9',
      request: alone,
    });
  });

  it('LinkedIn server-driven layout: a post counts on the page signal alone (its request is not known), a repost does not', () => {
    expect(judgePage({ network: 'linkedin', kind: 'post', layout: 'linkedin-sdui' }, [], at)).toEqual({ type: 'wait' });
    expect(judgePage({ network: 'linkedin', kind: 'post', layout: 'linkedin-sdui' }, [], late)).toEqual({
      type: 'log',
      kind: 'post',
      signals: ['page'],
    });
    expect(judgePage({ network: 'linkedin', kind: 'quote', layout: 'linkedin-sdui' }, [], late)).toMatchObject({
      type: 'log',
      signals: ['page'],
    });
    expect(judgePage({ network: 'linkedin', kind: 'repost', layout: 'linkedin-sdui' }, [], late)).toMatchObject({
      type: 'drop',
      diagnose: 'page-without-request',
    });
    // When a known request does come, it pairs (and can veto a schedule).
    expect(
      judgePage(
        { network: 'linkedin', kind: 'post', layout: 'linkedin-sdui' },
        [tabReq(liReq('schedule', 'linkedin-dash-shares'))],
        late,
      ),
    ).toMatchObject({ type: 'drop' });
    // …but a schedule already judged alone (seconds earlier) is done, and does not veto a later post.
    const judged = tabReq(liReq('schedule', 'linkedin-dash-shares'), { used: { by: 'alone' } });
    expect(judgePage({ network: 'linkedin', kind: 'post', layout: 'linkedin-sdui' }, [judged], late)).toEqual({
      type: 'log',
      kind: 'post',
      signals: ['page'],
    });
  });
});

describe('judgeAlone: a request no page signal claimed', () => {
  it('LinkedIn classic: the 2xx answer proves the share', () => {
    expect(judgeAlone(tabReq(liReq('post')), [])).toEqual({ type: 'log', kind: 'post' });
    expect(judgeAlone(tabReq(liReq('repost', 'linkedin-dash-shares')), [])).toEqual({ type: 'log', kind: 'repost' });
  });

  it('X: not proof (a rejected duplicate also answers 200), so it is only diagnosed', () => {
    expect(judgeAlone(tabReq(xReq('post')), [])).toEqual({
      type: 'drop',
      reason: 'no page signal confirmed it',
      diagnose: 'request-without-page',
    });
    expect(judgeAlone(tabReq(liReq('repost', 'linkedin-sdui-repost')), [])).toMatchObject({
      diagnose: 'request-without-page',
    });
  });

  it('X: a repeat of a share just logged in the tab (a double click) is dropped quietly', () => {
    const logged = tabReq(xReq('post'), { used: { by: 'page', shareId: 's1' }, startedAt: 1000 });
    const repeat = tabReq(xReq('post'), { startedAt: 1400 });
    expect(judgeAlone(repeat, [logged, repeat])).toEqual({ type: 'drop', reason: 'a repeat of a share just logged' });
    expect(judgeAlone(tabReq(xReq('post'), { tabId: 2 }), [logged])).toMatchObject({
      diagnose: 'request-without-page',
    });
  });

  it('never logs replies, schedules, edits, thread parts or failed requests', () => {
    for (const kind of ['reply', 'schedule', 'edit', 'thread-part', 'other'] as const) {
      expect(judgeAlone(tabReq(liReq(kind)), [])).toEqual({ type: 'drop', reason: `a ${kind} is not a share` });
    }
    expect(judgeAlone(tabReq(liReq('post'), { state: 'failed' }), [])).toMatchObject({ type: 'drop' });
  });
});

describe('SignalHub: the signals as they arrive', () => {
  let logged: ShareInput[];
  let notes: unknown[];
  let hub: SignalHub;
  const detected = (over: Partial<DetectedShare> = {}): DetectedShare => ({
    network: 'x',
    kind: 'post',
    surface: 'composer',
    text: 'From the page',
    submissionId: `sub-${++n}-abcdef`,
    confirmedBy: 'notice',
    ...over,
  });
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    logged = [];
    notes = [];
    const deps: SignalDeps = {
      log: async (input) => {
        logged.push(input);
        return { logged: true, id: `share-${logged.length}` };
      },
      addPage: async (shareId) => ({ logged: false, reason: `merged into ${shareId}` }),
      diagnose: async (note) => void notes.push(note),
      alreadyLogged: async (submissionId) => logged.some((l) => l.submissionId === submissionId),
      now: () => Date.now(),
    };
    hub = new SignalHub(deps);
  });
  afterEach(() => vi.useRealTimers());

  it('X: request first, then the page: one share with both signals and the canonical permalink', async () => {
    hub.requestStarted('1', 7, xReq('post', 'From the request'));
    hub.requestEnded('1', true);
    const result = await hub.page(detected({ permalink: 'https://x.com/someone/status/1860000000000000009' }), 7);
    expect(result).toEqual({ logged: true, id: 'share-1' });
    expect(logged).toEqual([
      {
        network: 'x',
        kind: 'post',
        surface: 'composer',
        text: 'From the page',
        submissionId: expect.any(String),
        signals: ['page', 'request'],
        at: 0,
        permalink: 'https://x.com/i/web/status/1860000000000000009',
      },
    ]);
    await vi.advanceTimersByTimeAsync(ALONE_AFTER_MS);
    expect(logged).toHaveLength(1);
    expect(notes).toEqual([]);
  });

  it('X: the page first, its request still in flight: waits for the answer', async () => {
    hub.requestStarted('1', 7, xReq('quote'));
    const pending = hub.page(detected(), 7);
    await vi.advanceTimersByTimeAsync(5_000);
    hub.requestEnded('1', true);
    await vi.advanceTimersByTimeAsync(300);
    expect(await pending).toEqual({ logged: true, id: 'share-1' });
    expect(logged[0]).toMatchObject({ kind: 'quote', signals: ['page', 'request'] });
  });

  it('X: a double click, the second send rejected as a duplicate (HTTP 200): one share, no note', async () => {
    hub.requestStarted('1', 7, xReq('post'));
    hub.requestStarted('2', 7, xReq('post'));
    hub.requestEnded('1', true);
    hub.requestEnded('2', true);
    await hub.page(detected(), 7);
    await vi.advanceTimersByTimeAsync(ALONE_AFTER_MS + 10);
    expect(logged).toHaveLength(1);
    expect(notes).toEqual([]);
  });

  it('X: a rejected send the page did not confirm: nothing logged, one content-free note', async () => {
    hub.requestStarted('1', 7, xReq('post', 'secret words'));
    hub.requestEnded('1', true);
    await vi.advanceTimersByTimeAsync(ALONE_AFTER_MS + 10);
    expect(logged).toEqual([]);
    expect(notes).toEqual([
      { network: 'x', layout: 'unknown', hooks: ['x-graphql', 'post'], reason: 'request-without-page' },
    ]);
  });

  it('X: a fake composer (page signal, no request): nothing logged, noted', async () => {
    const pending = hub.page(detected({ layout: 'x' }), 7);
    await vi.advanceTimersByTimeAsync(START_GRACE_MS + 300);
    expect(await pending).toEqual({ logged: false, reason: 'no create request of the site confirmed it' });
    // Noted once no late request has come for it either.
    expect(notes).toEqual([]);
    await vi.advanceTimersByTimeAsync(ALONE_AFTER_MS + 4_000);
    expect(notes).toEqual([{ network: 'x', layout: 'x', hooks: ['post', 'notice'], reason: 'page-without-request' }]);
    expect(logged).toEqual([]);
  });

  it("X: a request whose events reach the background after the page's message (a busy browser) still pairs", async () => {
    const pending = hub.page(detected(), 7);
    await vi.advanceTimersByTimeAsync(START_GRACE_MS + 300);
    expect(await pending).toMatchObject({ logged: false });
    // The browser sent it before the page's message arrived (its timeStamp says so).
    hub.requestStarted('late', 7, xReq('post'), 0);
    hub.requestEnded('late', true);
    await vi.advanceTimersByTimeAsync(ALONE_AFTER_MS + 10);
    expect(logged).toEqual([
      expect.objectContaining({ kind: 'post', signals: ['page', 'request'], text: 'From the page' }),
    ]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(notes).toEqual([]);
  });

  it("a page signal waiting out its grace does not take the next post's request (sent after it arrived)", async () => {
    hub.requestStarted('reply', 7, xReq('reply'));
    hub.requestEnded('reply', true);
    await vi.advanceTimersByTimeAsync(100);
    const replyPage = hub.page(detected({ text: 'Replying' }), 7);
    await vi.advanceTimersByTimeAsync(1_000);
    hub.requestStarted('next', 7, xReq('post'));
    hub.requestEnded('next', true);
    const nextPage = hub.page(detected({ text: 'The next post' }), 7);
    expect(await nextPage).toEqual({ logged: true, id: 'share-1' });
    await vi.advanceTimersByTimeAsync(START_GRACE_MS);
    expect(await replyPage).toEqual({ logged: false, reason: "the site's create request was a reply" });
    expect(logged.map((l) => l.text)).toEqual(['The next post']);
  });

  it('X Premium undo: the page sees the countdown end, then the site sends the request; they pair', async () => {
    const pending = hub.page(detected({ confirmedBy: 'undo-elapsed' }), 7);
    await vi.advanceTimersByTimeAsync(300);
    hub.requestStarted('sent', 7, xReq('post'));
    await vi.advanceTimersByTimeAsync(400);
    hub.requestEnded('sent', true);
    await vi.advanceTimersByTimeAsync(300);
    expect(await pending).toEqual({ logged: true, id: 'share-1' });
    expect(logged).toEqual([expect.objectContaining({ kind: 'post', signals: ['page', 'request'], at: 0 })]);
    await vi.advanceTimersByTimeAsync(ALONE_AFTER_MS + 4_000);
    expect(notes).toEqual([]);
  });

  it("X Premium undo: a request whose events reach the background after the grace still pairs with the countdown's end", async () => {
    const pending = hub.page(detected({ confirmedBy: 'undo-elapsed' }), 7);
    await vi.advanceTimersByTimeAsync(START_GRACE_MS + 300);
    expect(await pending).toMatchObject({ logged: false });
    // Sent 200 ms after the page's message arrived (its timeStamp), heard only now.
    hub.requestStarted('slow', 7, xReq('post'), 200);
    hub.requestEnded('slow', true);
    await vi.advanceTimersByTimeAsync(ALONE_AFTER_MS + 10);
    expect(logged).toEqual([expect.objectContaining({ kind: 'post', signals: ['page', 'request'] })]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(notes).toEqual([]);
  });

  it('a request whose start was lost (a stopped worker) is known from its end and pairs', async () => {
    hub.requestEnded('lost', true, { tabId: 7, req: xReq('post'), sentAt: 0 });
    expect(await hub.page(detected(), 7)).toEqual({ logged: true, id: 'share-1' });
    hub.requestEnded('lost', true, { tabId: 7, req: xReq('post'), sentAt: 0 });
    await vi.advanceTimersByTimeAsync(ALONE_AFTER_MS + 10);
    expect(notes).toEqual([]);
  });

  it('a page signal from another tab does not pair', async () => {
    hub.requestStarted('1', 7, xReq('post'));
    hub.requestEnded('1', true);
    const pending = hub.page(detected(), 8);
    await vi.advanceTimersByTimeAsync(START_GRACE_MS + 300);
    expect(await pending).toMatchObject({ logged: false });
  });

  it('LinkedIn classic: the request alone logs with its own text; a late page signal adds itself to that share', async () => {
    hub.requestStarted('1', 3, liReq('post'));
    hub.requestEnded('1', true);
    await vi.advanceTimersByTimeAsync(ALONE_AFTER_MS + 10);
    // Logged as of when its request ended.
    expect(logged).toEqual([
      { network: 'linkedin', kind: 'post', surface: 'composer', text: 'Hello LinkedIn', signals: ['request'], at: 0 },
    ]);
    expect(await hub.page(detected({ network: 'linkedin', layout: 'linkedin-classic' }), 3)).toEqual({
      logged: false,
      reason: 'merged into share-1',
    });
    expect(logged).toHaveLength(1);
  });

  it("a write that failed leaves the request for the content script's retry", async () => {
    let fail = true;
    const deps: SignalDeps = {
      log: async (input) => {
        if (fail) throw new Error('QuotaExceededError');
        logged.push(input);
        return { logged: true, id: 'share-1' };
      },
      addPage: async () => ({ logged: false, reason: '' }),
      diagnose: async (note) => void notes.push(note),
      alreadyLogged: async (submissionId) => logged.some((l) => l.submissionId === submissionId),
      now: () => Date.now(),
    };
    hub = new SignalHub(deps);
    hub.requestStarted('1', 7, xReq('post'));
    hub.requestEnded('1', true);
    const share = detected();
    await expect(hub.page(share, 7)).rejects.toThrow('QuotaExceededError');
    fail = false;
    expect(await hub.page(share, 7)).toEqual({ logged: true, id: 'share-1' });
  });
});

describe('SignalHub across a service worker restart', () => {
  afterEach(() => vi.useRealTimers());
  it('finds the request seen before the restart (kept without its text) and pairs the page signal with it', async () => {
    vi.useFakeTimers({ now: 0 });
    let saved: TabRequest[] = [];
    const logged: ShareInput[] = [];
    const deps = (): SignalDeps => ({
      log: async (input) => {
        logged.push(input);
        return { logged: true, id: 'share-1' };
      },
      addPage: async () => ({ logged: false, reason: '' }),
      diagnose: async () => {},
      alreadyLogged: async (submissionId) => logged.some((l) => l.submissionId === submissionId),
      now: () => Date.now(),
      store: { load: async () => structuredClone(saved), save: async (all) => void (saved = structuredClone(all)) },
    });
    const before = new SignalHub(deps());
    await before.requestStarted('1', 7, xReq('post', 'secret'));
    expect(saved).toEqual([
      expect.objectContaining({ id: '1', state: 'in-flight', req: expect.objectContaining({ text: '' }) }),
    ]);
    // The worker stops; the answer wakes a new one.
    const after = new SignalHub(deps());
    await after.requestEnded('1', true);
    expect(
      await after.page(
        {
          network: 'x',
          kind: 'post',
          surface: 'composer',
          text: 'Mine',
          submissionId: 'sub-restart-01',
          confirmedBy: 'notice',
        },
        7,
      ),
    ).toEqual({ logged: true, id: 'share-1' });
    expect(logged[0]).toMatchObject({ signals: ['page', 'request'], text: 'Mine' });
  });
});

describe('SignalHub when a worker stops while shares arrive faster than it stores them', () => {
  afterEach(() => vi.useRealTimers());
  const share = (submissionId: string): DetectedShare => ({
    network: 'x',
    kind: 'post',
    surface: 'composer',
    text: 'Mine',
    submissionId,
    confirmedBy: 'notice',
  });

  it('a share still being written when the worker stopped: the resend pairs with its request in the next worker', async () => {
    vi.useFakeTimers({ now: 0 });
    let saved: TabRequest[] = [];
    const logged: ShareInput[] = [];
    const store = {
      load: async () => structuredClone(saved),
      save: async (all: TabRequest[]) => void (saved = structuredClone(all)),
    };
    const notes: unknown[] = [];
    const common = {
      addPage: async () => ({ logged: false as const, reason: '' }),
      diagnose: async (n: unknown) => void notes.push(n),
      now: () => Date.now(),
      store,
    };
    // The stopped worker: its write never finishes.
    const before = new SignalHub({ ...common, log: () => new Promise(() => {}), alreadyLogged: async () => false });
    await before.requestStarted('1', 7, xReq('post'));
    await before.requestEnded('1', true);
    void before.page(share('sub-resent-01'), 7);
    await vi.advanceTimersByTimeAsync(10);
    // The next post's request is stored meanwhile (and with it the state of the first).
    await before.requestStarted('2', 7, xReq('post'));
    const after = new SignalHub({
      ...common,
      log: async (input) => {
        logged.push(input);
        return { logged: true, id: `share-${logged.length}` };
      },
      alreadyLogged: async (id) => logged.some((l) => l.submissionId === id),
    });
    expect(await after.page(share('sub-resent-01'), 7)).toEqual({ logged: true, id: 'share-1' });
    expect(logged).toEqual([expect.objectContaining({ submissionId: 'sub-resent-01', signals: ['page', 'request'] })]);
    await vi.advanceTimersByTimeAsync(ALONE_AFTER_MS + 10);
    expect(notes).toEqual([]);
  });

  it('a resend of a share already stored takes no request from a page signal still waiting for one', async () => {
    vi.useFakeTimers({ now: 0 });
    const logged: ShareInput[] = [];
    const stored = new Set(['sub-stored-01']);
    const hub = new SignalHub({
      log: async (input) => {
        if (stored.has(input.submissionId!)) return { logged: false, reason: 'already logged' };
        logged.push(input);
        return { logged: true, id: `share-${logged.length}` };
      },
      addPage: async () => ({ logged: false, reason: '' }),
      diagnose: async () => {},
      alreadyLogged: async (id) => stored.has(id),
      now: () => Date.now(),
    });
    await hub.requestStarted('1', 7, xReq('post'));
    await hub.requestEnded('1', true);
    expect(await hub.page(share('sub-stored-01'), 7)).toEqual({ logged: false, reason: 'already logged' });
    const waiting = hub.page(share('sub-waiting-02'), 7);
    await vi.advanceTimersByTimeAsync(START_GRACE_MS + 300);
    expect(await waiting).toEqual({ logged: true, id: 'share-1' });
  });
});

describe("SignalHub when a stopped worker took a request's end with it", () => {
  afterEach(() => vi.useRealTimers());
  const hubWith = (saved: TabRequest[], logged: ShareInput[]) =>
    new SignalHub({
      log: async (input) => {
        logged.push(input);
        return { logged: true, id: `share-${logged.length}` };
      },
      addPage: async () => ({ logged: false, reason: '' }),
      diagnose: async () => {},
      alreadyLogged: async (submissionId) => logged.some((l) => l.submissionId === submissionId),
      now: () => Date.now(),
      store: { load: async () => structuredClone(saved), save: async (all) => void (saved = structuredClone(all)) },
    });
  const page = (): DetectedShare => ({
    network: 'x',
    kind: 'post',
    surface: 'composer',
    text: 'Mine',
    submissionId: 'sub-lost-end-01',
    confirmedBy: 'notice',
  });

  it('pairs the page signal with the request it saw go out, once the grace has passed', async () => {
    vi.useFakeTimers({ now: 0 });
    const logged: ShareInput[] = [];
    const saved: TabRequest[] = [{ id: '1', tabId: 7, req: xReq('post'), startedAt: 0, state: 'in-flight' }];
    const pending = hubWith(saved, logged).page(page(), 7);
    await vi.advanceTimersByTimeAsync(START_GRACE_MS - 500);
    expect(logged).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await pending).toEqual({ logged: true, id: 'share-1' });
    expect(logged).toEqual([expect.objectContaining({ kind: 'post', signals: ['page', 'request'], text: 'Mine' })]);
  });

  it('still refuses when the lost request was a reply', async () => {
    vi.useFakeTimers({ now: 0 });
    const logged: ShareInput[] = [];
    const pending = hubWith([{ id: '1', tabId: 7, req: xReq('reply'), startedAt: 0, state: 'in-flight' }], logged).page(
      page(),
      7,
    );
    await vi.advanceTimersByTimeAsync(START_GRACE_MS + 500);
    expect(await pending).toMatchObject({ logged: false });
    expect(logged).toEqual([]);
  });
});

describe('SignalHub keeps what it stores small', () => {
  it('keeps open requests, and of those already used only the latest few per tab', async () => {
    let saved: TabRequest[] = [];
    let id = 0;
    const hub = new SignalHub({
      log: async () => ({ logged: true, id: `share-${++id}` }),
      addPage: async () => ({ logged: false, reason: '' }),
      diagnose: async () => {},
      alreadyLogged: async () => false,
      now: () => Date.now(),
      store: { load: async () => [], save: async (all) => void (saved = all) },
    });
    for (let i = 0; i < 30; i++) {
      await hub.requestStarted(`used-${i}`, 7, xReq('post'));
      await hub.requestEnded(`used-${i}`, true);
      await hub.page(
        {
          network: 'x',
          kind: 'post',
          surface: 'composer',
          text: '',
          submissionId: `sub-keep-${i}-aa`,
          confirmedBy: 'notice',
        },
        7,
      );
    }
    for (let i = 0; i < 5; i++) await hub.requestStarted(`open-${i}`, 7, xReq('post'));
    expect(saved.filter((r) => r.id.startsWith('open-'))).toHaveLength(5);
    expect(saved.filter((r) => r.id.startsWith('used-')).length).toBeLessThanOrEqual(10);
  });
});
