import { browser } from 'wxt/browser';
import { getDb } from '../db';
import {
  createRequestPatterns,
  decodeRequestBody,
  readCreateRequest,
  type CreateRequest,
  type RequestBodyDetails,
} from '../detect/request';
import type { DetectedShare } from '../detect/types';
import type { ShareLogResult } from '../messaging/protocol';
import { canonicalPermalink } from '../permalink';
import { isTracking } from '../settings/schema';
import { loadSettings } from '../settings/store';
import { noteDiagnostic, type DiagnosticInput } from './diagnostics';
import { addPageSignal, logShare, type ShareInput } from './share-log';
import { writeToLog } from './log-write';
import type { ShareKind, Signal } from '../shares';
import {
  ALONE_AFTER_MS,
  IN_FLIGHT_WAIT_MS,
  isShareKind,
  judgeAlone,
  judgePage,
  latestStartFor,
  PAIR_WINDOW_MS,
  type TabRequest,
} from './signals';

/** What the hub does with its verdicts: the real ones write the database; tests may pass their own. */
export interface SignalDeps {
  log(input: ShareInput): Promise<ShareLogResult>;
  addPage(shareId: string, page: { submissionId: string; permalink?: string }): Promise<ShareLogResult>;
  diagnose(note: DiagnosticInput): Promise<void>;
  /** Whether a share of this page submission is already stored (a resend after a stopped worker). */
  alreadyLogged(submissionId: string): Promise<boolean>;
  now(): number;
  /** Where the requests seen are kept while the service worker may be stopped and started again. */
  store?: RequestStore;
}

export interface RequestStore {
  load(): Promise<TabRequest[]>;
  save(requests: TabRequest[]): Promise<void>;
}

/** storage.session: memory only, for the background alone, gone when the browser closes. */
const SESSION_KEY = 'createRequests';

/** How often a page signal that waits for its request looks again (besides every request event). */
const RECHECK_MS = 250;
/** A page signal without a request waits this long for one that ends late, then is noted. */
const ORPHAN_WAIT_MS = ALONE_AFTER_MS + 4_000;

/**
 * The requests seen per tab and the page signals waiting for them. A page signal follows its request
 * by seconds; a Chromium service worker can still be stopped in between, so the requests are also
 * kept in storage.session (without their text) and read back when the worker starts.
 */
export class SignalHub {
  private readonly tabs = new Map<number, TabRequest[]>();
  private readonly wakers = new Set<() => void>();
  private readonly orphans: { detected: DetectedShare; tabId: number; arrivedAt: number }[] = [];
  /** Requests already ended in this worker's life (an end is never taken twice). */
  private readonly seenIds = new Set<string>();
  /** Requests paired with a page signal whose share is being written: stored as still open. */
  private readonly writing = new Set<string>();
  private readonly ready: Promise<void>;
  private dirty = false;
  private saving: Promise<void> | null = null;

  constructor(private readonly deps: SignalDeps) {
    this.ready = (deps.store?.load() ?? Promise.resolve([]))
      .then((saved) => {
        for (const r of saved) {
          if (r.state === 'in-flight') r.restored = true;
          this.tabs.set(r.tabId, [...(this.tabs.get(r.tabId) ?? []), r]);
          // A page signal the stopped worker had not stored yet is sent again by its content script,
          // to this worker: it gets the full wait to pair before the request is judged alone.
          if (r.state === 'ok' && !r.used) this.judgeAloneLater(r, ALONE_AFTER_MS);
        }
      })
      .catch(() => {});
  }

  /** webRequest.onBeforeRequest: a create request of a tab went out. */
  async requestStarted(id: string, tabId: number, req: CreateRequest, sentAt?: number): Promise<void> {
    await this.ready;
    const now = this.deps.now();
    for (const [tab, requests] of this.tabs) {
      const kept = prune(requests, now);
      if (kept.length) this.tabs.set(tab, kept);
      else this.tabs.delete(tab);
    }
    this.tabs.set(tabId, [
      ...(this.tabs.get(tabId) ?? []),
      { id, tabId, req, startedAt: Math.min(sentAt ?? now, now), state: 'in-flight' },
    ]);
    await this.save();
  }

  /** webRequest.onCompleted (ok: a 2xx status) or onErrorOccurred (ok: false). */
  async requestEnded(
    id: string,
    ok: boolean,
    seen?: { tabId: number; req: CreateRequest; sentAt: number },
  ): Promise<void> {
    await this.ready;
    let request = [...this.tabs.values()].flat().find((r) => r.id === id && r.state === 'in-flight');
    if (!request && seen && ok && !this.seenIds.has(id)) {
      // Its start was lost with a stopped service worker: known from its URL alone (a CreateTweet then
      // reads as a post; the page's own signal still keeps replies out).
      request = {
        id,
        tabId: seen.tabId,
        req: seen.req,
        startedAt: Math.min(seen.sentAt, this.deps.now()),
        state: 'in-flight',
      };
      this.tabs.set(seen.tabId, [...(this.tabs.get(seen.tabId) ?? []), request]);
    }
    if (!request) return;
    this.seenIds.add(id);
    request.state = ok ? 'ok' : 'failed';
    request.endedAt = this.deps.now();
    for (const wake of this.wakers) wake();
    if (ok) this.judgeAloneLater(request, ALONE_AFTER_MS);
    await this.save();
  }

  private judgeAloneLater(request: TabRequest, ms: number): void {
    setTimeout(() => void this.judgeAlone(request).catch(() => {}), Math.max(0, ms));
  }

  /**
   * One write at a time; changes made meanwhile go out together in the next. Text stays in memory
   * only. A request whose share is still being written is stored as open: if the worker stops before
   * the write, the content script sends the share again and must find it.
   */
  private save(): Promise<void> {
    const store = this.deps.store;
    if (!store) return Promise.resolve();
    this.dirty = true;
    this.saving ??= (async () => {
      while (this.dirty) {
        this.dirty = false;
        const all = [...this.tabs.values()].flat().map(({ used, ...r }) => ({
          ...r,
          ...(used && !this.writing.has(r.id) ? { used } : {}),
          req: { ...r.req, text: '' },
        }));
        await store.save(all).catch(() => {});
      }
      this.saving = null;
    })();
    return this.saving;
  }

  /** A content script's detected share (validated, sender checked), combined with its tab's requests. */
  async page(detected: DetectedShare, tabId: number | undefined): Promise<ShareLogResult> {
    await this.ready;
    const arrivedAt = this.deps.now();
    // A resend of a share already stored (its answer was lost with a stopped worker) takes no request
    // from a page signal still waiting for one.
    if (await this.deps.alreadyLogged(detected.submissionId)) return { logged: false, reason: 'already logged' };
    const permalink = canonicalPermalink(detected.permalink, detected.network);
    for (;;) {
      const requests = tabId === undefined ? [] : (this.tabs.get(tabId) ?? []);
      const verdict = judgePage(detected, requests, { now: this.deps.now(), arrivedAt });
      if (verdict.type === 'wait') {
        await this.nextEvent(Math.min(RECHECK_MS, IN_FLIGHT_WAIT_MS));
        continue;
      }
      if (verdict.type === 'merge') {
        verdict.request.used = {
          by: 'page',
          ...(verdict.request.used?.shareId ? { shareId: verdict.request.used.shareId } : {}),
        };
        await this.save();
        return this.deps.addPage(verdict.shareId, {
          submissionId: detected.submissionId,
          ...(permalink ? { permalink } : {}),
        });
      }
      if (verdict.type === 'drop') {
        if (verdict.request) {
          verdict.request.used = { by: 'page' };
          await this.save();
        }
        if (verdict.diagnose && tabId !== undefined) this.keepOrphan(detected, tabId, arrivedAt);
        return { logged: false, reason: verdict.reason };
      }
      return this.logPaired(detected, verdict.kind, verdict.signals, verdict.request, arrivedAt);
    }
  }

  private async logPaired(
    detected: DetectedShare,
    kind: ShareKind,
    signals: Signal[],
    request: TabRequest | undefined,
    seenAt: number,
  ): Promise<ShareLogResult> {
    const permalink = canonicalPermalink(detected.permalink, detected.network);
    if (request) {
      request.used = { by: 'page' };
      this.writing.add(request.id);
    }
    try {
      const result = await this.deps.log({
        network: detected.network,
        kind,
        surface: detected.surface,
        text: detected.text || request?.req.text || '',
        submissionId: detected.submissionId,
        signals,
        at: seenAt,
        ...(permalink ? { permalink } : {}),
      });
      if (request && result.logged) request.used = { by: 'page', shareId: result.id };
      if (request) this.writing.delete(request.id);
      await this.save();
      return result;
    } catch (err) {
      // Not stored (e.g. quota): the content script sends the share again, and must find its request.
      if (request) {
        delete request.used;
        this.writing.delete(request.id);
      }
      throw err;
    }
  }

  /**
   * A page signal no request confirmed (yet): its request's events may still be on their way (a busy
   * or just-started background). It waits as long as a lone request does; a request that ends in that
   * time pairs with it (judgeAlone below). Only then is the disagreement noted.
   */
  private keepOrphan(detected: DetectedShare, tabId: number, arrivedAt: number): void {
    const orphan = { detected, tabId, arrivedAt };
    this.orphans.push(orphan);
    setTimeout(() => {
      const i = this.orphans.indexOf(orphan);
      if (i < 0) return;
      this.orphans.splice(i, 1);
      void this.deps
        .diagnose({
          network: detected.network,
          layout: detected.layout ?? 'unknown',
          hooks: [detected.kind, detected.confirmedBy],
          reason: 'page-without-request',
        })
        .catch(() => {});
    }, ORPHAN_WAIT_MS);
  }

  private async judgeAlone(request: TabRequest): Promise<void> {
    if (request.used) return;
    // A page signal of this tab that came before its request's events: they pair after all.
    const orphan = this.orphans.find(
      (o) =>
        o.tabId === request.tabId &&
        o.detected.network === request.req.network &&
        request.startedAt <= latestStartFor(o.detected, o.arrivedAt),
    );
    if (orphan) {
      this.orphans.splice(this.orphans.indexOf(orphan), 1);
      if (isShareKind(request.req.kind)) {
        await this.logPaired(orphan.detected, request.req.kind, ['page', 'request'], request, orphan.arrivedAt);
      } else {
        request.used = { by: 'page' };
        await this.save();
      }
      return;
    }
    const verdict = judgeAlone(request, this.tabs.get(request.tabId) ?? []);
    request.used = { by: 'alone' };
    await this.save();
    if (verdict.type === 'drop') {
      if (verdict.diagnose) {
        await this.deps.diagnose({
          network: request.req.network,
          layout: 'unknown',
          hooks: [request.req.endpoint, request.req.kind],
          reason: verdict.diagnose,
        });
      }
      return;
    }
    const result = await this.deps.log({
      network: request.req.network,
      kind: verdict.kind,
      surface: 'composer',
      text: request.req.text,
      signals: ['request'],
      at: request.endedAt ?? this.deps.now(),
    });
    if (result.logged) request.used = { by: 'alone', shareId: result.id };
    await this.save();
  }

  private nextEvent(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }
}

/** Requests used by a page signal or a share are kept only as the few latest per tab (for retries); open ones while they may pair. */
const KEEP_USED = 10;

function prune(requests: TabRequest[], now: number): TabRequest[] {
  const fresh = requests.filter((r) => r.startedAt > now - 2 * PAIR_WINDOW_MS);
  const done = (r: TabRequest) => r.state === 'failed' || r.used?.by === 'page' || !!r.used?.shareId;
  const keepDone = new Set(fresh.filter(done).slice(-KEEP_USED));
  return fresh.filter((r) => !done(r) || keepDone.has(r));
}

/** The background's deps: settings and posts read fresh for each share; a refused write is noted for the popup. */
function defaultDeps(): SignalDeps {
  const db = getDb();
  return {
    log: (input) =>
      writeToLog(
        db,
        (ctx) => logShare(db, input, ctx),
        (result) => result.logged,
      ),
    addPage: (shareId, page) => addPageSignal(db, shareId, page, Date.now()),
    alreadyLogged: async (submissionId) => !!(await db.seen.get(submissionId)),
    async diagnose(note) {
      // Tracking off or paused for that site: the employee asked not to be watched there.
      if (isTracking(await loadSettings(), note.network, Date.now())) await noteDiagnostic(note, Date.now());
    },
    now: () => Date.now(),
    ...(browser.storage.session
      ? {
          store: {
            load: async () => {
              const saved = (await browser.storage.session.get(SESSION_KEY))[SESSION_KEY];
              return Array.isArray(saved) ? (saved as TabRequest[]) : [];
            },
            save: (requests) => browser.storage.session.set({ [SESSION_KEY]: requests }),
          },
        }
      : {}),
  };
}

let hub: SignalHub | undefined;
/** The background's one hub: the router hands it page signals, webRequest hands it requests. */
export function getSignalHub(): SignalHub {
  hub ??= new SignalHub(defaultDeps());
  return hub;
}

/** For tests: a fresh hub (the next getSignalHub() builds one). */
export function resetSignalHub(): void {
  hub = undefined;
}

/**
 * Watches the create requests of tabs on X and LinkedIn: non-blocking, bodies of requests only (never
 * responses), nothing added to or changed in the page. The browser sends these events only for the
 * create endpoints' URLs, and only for hosts in host_permissions.
 */
export function setupRequestSignal(): void {
  const webRequest = browser.webRequest;
  if (!webRequest?.onBeforeRequest) return;
  try {
    listen(createRequestPatterns());
  } catch {
    // A browser that refuses a pattern with a query part: the paths alone (the reader re-checks each URL).
    listen(createRequestPatterns().map((p) => p.replace(/\?.*$/, '*')));
  }
}

function listen(urls: string[]): void {
  const webRequest = browser.webRequest;
  const filter = { urls };
  webRequest.onBeforeRequest.addListener(
    (details) => {
      if (details.method !== 'POST' || details.tabId < 0) return undefined;
      const req = readCreateRequest(
        details.url,
        decodeRequestBody(details.requestBody as RequestBodyDetails | undefined),
      );
      if (req) void getSignalHub().requestStarted(details.requestId, details.tabId, req, details.timeStamp);
      return undefined;
    },
    filter,
    ['requestBody'],
  );
  webRequest.onCompleted.addListener((details) => {
    const req = details.method === 'POST' && details.tabId >= 0 ? readCreateRequest(details.url, null) : null;
    void getSignalHub().requestEnded(
      details.requestId,
      details.statusCode >= 200 && details.statusCode < 300,
      req ? { tabId: details.tabId, req, sentAt: details.timeStamp } : undefined,
    );
  }, filter);
  webRequest.onErrorOccurred.addListener(
    (details) => void getSignalHub().requestEnded(details.requestId, false),
    filter,
  );
}
