import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { DB_NAME, getDb, type OutboxRow, type SentLogRow, type SharewiseDB, type SuggestionRow } from '../db';
import type { FeedCacheRow } from '../db';
import type { ManagedConfig } from '../managed';
import { displayHost } from '../remote-url';
import { buildReport, reportSpan, type ReportPeriod } from '../report/build';
import { consentState, REPORT_PAUSE_KEY, type ConsentState, type ReportPause } from '../report/consent';
import { idempotencyKey, postReport } from '../report/delivery';
import { payloadAtSend } from '../report/payload';
import {
  backoffDelay,
  duePeriods,
  MAX_CATCH_UP,
  nextPeriodEnd,
  periodKind,
  reportProgram,
  reportTarget,
} from '../report/schedule';
import { readSettings, type ReportFields, type Settings } from '../settings/schema';
import { loadSettings, SETTINGS_KEY, settingsChange, updateSettings } from '../settings/store';
import { readManagedConfig } from './feed';
import { onFreshStart } from './fresh-start';
import { handle } from './handle';

export const REPORT_ALARM = 'sharewise-reporting';
/** storage.local key: up to when periods have been turned into reports (epoch ms), or null. */
export const REPORTING_STATE_KEY = 'reportingState';

/**
 * An outbox row also remembers the field choices it was built with (the stricter choice wins at
 * send) and that its `endpoint` was the one the employee had agreed to when it was queued.
 */
export type OutboxEntry = OutboxRow & { fields?: ReportFields; consented?: true };

interface ReportingState {
  cursor: number | null;
}

export async function loadReportingState(): Promise<ReportingState> {
  const raw = (await browser.storage.local.get(REPORTING_STATE_KEY))[REPORTING_STATE_KEY] as
    { cursor?: unknown } | undefined;
  return { cursor: typeof raw?.cursor === 'number' && Number.isFinite(raw.cursor) ? raw.cursor : null };
}
async function saveReportingState(state: ReportingState): Promise<void> {
  await browser.storage.local.set({ [REPORTING_STATE_KEY]: state });
}

/**
 * Where reports go: the admin's policy first, else the company feed's. Never the demo feed's: the
 * demo company is not the employer.
 */
export function reportEndpoint(managed: ManagedConfig, feedRow: FeedCacheRow | undefined): string | null {
  // The same function the options preview uses to say where reports go.
  return reportTarget(managed, feedRow?.feed, feedRow?.source)?.endpoint ?? null;
}

export interface ReportingDeps {
  now: () => number;
  random?: () => number;
  fetch?: typeof fetch;
  timeoutMs?: number;
  readManaged?: () => Promise<ManagedConfig>;
  /** Wakes the background at `when` (an alarm); absent in unit tests. */
  wakeAt?: (when: number) => void;
}

/** Gives the install its random id if nothing did yet: the anonymous identity and part of the key. */
async function ensureInstallId(settings: Settings): Promise<string> {
  if (settings.installId) return settings.installId;
  const fresh = await updateSettings((s) => (s.installId ? null : { ...s, installId: crypto.randomUUID() }));
  return fresh.installId!;
}

/** Whether reports would name the employee (named, with both name and email), as buildReport decides. */
export function isNamed(
  reporting: { fields?: { identity?: unknown }; name?: unknown; email?: unknown } | undefined,
): boolean {
  return (
    reporting?.fields?.identity === 'named' &&
    typeof reporting.name === 'string' &&
    reporting.name.trim() !== '' &&
    typeof reporting.email === 'string' &&
    reporting.email.trim() !== ''
  );
}

/**
 * Gives the install a new random id, so pseudonymous reports from now on cannot be tied to earlier
 * ones (which may have carried a name, or to history the employee deleted). Reports still queued
 * take the new id and key too. Called when reports stop naming the employee and on "Delete
 * everything". A report whose answer was lost may then arrive twice: privacy beats deduplication.
 */
export async function rotateInstallId(db: SharewiseDB): Promise<string> {
  const installId = crypto.randomUUID();
  await updateSettings((s) => ({ ...s, installId }));
  await db.transaction('rw', db.outbox, async () => {
    for (const row of await db.outbox.toArray()) {
      await db.outbox.update(row.id!, {
        key: idempotencyKey(installId, row.period.kind, row.period.start),
        report: { ...row.report, identity: { ...row.report.identity, installId } },
      });
    }
  });
  return installId;
}

/** Removes every report not yet delivered (the employee turned reporting off). */
export async function dropUnsent(db: SharewiseDB): Promise<void> {
  await db.outbox.clear();
  await saveReportingState({ cursor: null });
}

/**
 * Turns ended periods into outbox rows addressed to `endpoint`, the destination the employee agreed
 * to. The cursor starts when reporting is first found on, so nothing from before the employee's
 * consent is reported. Idempotent: the key is unique.
 */
export async function enqueueDue(
  db: SharewiseDB,
  settings: Settings,
  endpoint: string,
  kind: 'week' | 'month',
  now: number,
): Promise<number> {
  const state = await loadReportingState();
  if (state.cursor === null) {
    await saveReportingState({ cursor: now });
    return 0;
  }
  const due = duePeriods(kind, state.cursor, now);
  if (!due.periods.length) return 0;
  const installId = await ensureInstallId(settings);
  const withId = { ...settings, installId };
  const program = reportProgram(await db.feedCache.get('current'));
  let added = 0;
  for (const period of due.periods) {
    const key = idempotencyKey(installId, period.kind, period.start);
    if (await db.outbox.where('key').equals(key).count()) continue;
    const span = reportSpan(period, program);
    const shares = await db.shares.where('at').between(span.start, span.end, true, false).toArray();
    const report = buildReport(shares, withId, period, now, program);
    if (!report) continue;
    const row: OutboxEntry = {
      key,
      endpoint,
      period: { kind: period.kind, start: period.start, end: period.end },
      report,
      fields: structuredClone(settings.reporting.fields),
      consented: true,
      createdAt: now,
      attempts: 0,
      nextAttemptAt: now,
    };
    try {
      await db.outbox.add(row);
      added++;
    } catch (err) {
      // ConstraintError: the same period was queued concurrently; the unique key keeps one.
      if ((err as { name?: string }).name !== 'ConstraintError') throw err;
    }
  }
  await saveReportingState({ cursor: due.cursor });
  return added;
}

/** Undelivered reports older than this (by the end of their period) are dropped: nobody waits a quarter for them. */
export const MAX_OUTBOX_AGE_MS = 13 * 7 * 24 * 60 * 60 * 1000;
/** At most this many reports wait (the catch-up limit): a server down for months does not grow the queue. */
export const MAX_OUTBOX_ROWS = MAX_CATCH_UP;
/** The sent log keeps the latest entries (what options shows) and nothing older than a year. */
export const MAX_SENT_LOG_ROWS = 200;
export const MAX_SENT_LOG_AGE_MS = 365 * 24 * 60 * 60 * 1000;

/** Drops queued reports past the age limit, then the oldest ones beyond the count limit. */
export async function pruneOutbox(db: SharewiseDB, now: number): Promise<number> {
  const rows = (await db.outbox.toArray()).sort((a, b) => b.period.start - a.period.start);
  const drop = rows.filter((r, i) => i >= MAX_OUTBOX_ROWS || r.period.end < now - MAX_OUTBOX_AGE_MS).map((r) => r.id!);
  await db.outbox.bulkDelete(drop);
  return drop.length;
}

/**
 * Records one attempt. A failure right after a failure of the same report updates that entry
 * (count, latest answer) instead of adding one.
 */
export async function logAttempt(db: SharewiseDB, entry: Omit<SentLogRow, 'id'>): Promise<void> {
  await db.transaction('rw', db.sentLog, async () => {
    const last = await db.sentLog
      .reverse()
      .filter((r) => r.key === entry.key)
      .first();
    if (!entry.ok && last && !last.ok) {
      await db.sentLog.update(last.id!, {
        ...entry,
        attempts: (last.attempts ?? 1) + 1,
        firstAt: last.firstAt ?? last.at,
      });
    } else {
      await db.sentLog.add(entry);
    }
  });
}

/** Cuts the sent log to its age and count limits (oldest entries go first). */
export async function pruneSentLog(db: SharewiseDB, now: number): Promise<void> {
  await db.transaction('rw', db.sentLog, async () => {
    await db.sentLog
      .where('at')
      .below(now - MAX_SENT_LOG_AGE_MS)
      .delete();
    const extra = (await db.sentLog.count()) - MAX_SENT_LOG_ROWS;
    if (extra > 0) await db.sentLog.orderBy('at').limit(extra).delete();
  });
}

/**
 * Whether a queued row may go to its stored endpoint: it was queued for the destination agreed to
 * then, or (a row queued before consent was recorded) its endpoint is the one agreed to now.
 */
export function mayDeliver(row: OutboxEntry, settings: Settings): boolean {
  return row.consented === true || row.endpoint === settings.reporting.consentedEndpoint;
}

/**
 * Tries every due outbox row once (all of them when `force`: the employee pressed "send now"), each
 * to the endpoint stored with it, never the feed's current one. Before each POST the row is marked
 * as attempted with its next retry time, so a service worker stopped mid-request retries later with
 * the same idempotency key rather than losing the report.
 */
export async function flushOutbox(
  db: SharewiseDB,
  settings: Settings,
  deps: ReportingDeps,
  force: boolean,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const now = deps.now();
  const rows = (await db.outbox.toArray()) as OutboxEntry[];
  rows.sort((a, b) => a.period.start - b.period.start);
  const program = reportProgram(await db.feedCache.get('current'));
  for (const row of rows) {
    if (!force && row.nextAttemptAt > now) continue;
    if (!mayDeliver(row, settings)) continue;
    const endpoint = row.endpoint;
    const period: ReportPeriod = { ...row.period };
    const span = reportSpan(period, program);
    const shares = await db.shares.where('at').between(span.start, span.end, true, false).toArray();
    const current = { ...settings, installId: row.report.identity.installId };
    const queued = await db.suggestions.where('status').equals('queued').toArray();
    // The same function the options preview uses, so "what my employer sees" is what is POSTed.
    const built = payloadAtSend(shares, current, row.fields, period, queued, deps.now(), program);
    if (!built) {
      await db.outbox.delete(row.id!);
      continue;
    }
    const { report, payload } = built;
    const suggestionIds = payload.suggestions ? queued.slice(0, payload.suggestions.length).map((s) => s.id!) : [];
    const attempts = row.attempts + 1;
    await db.outbox.update(row.id!, {
      attempts,
      nextAttemptAt: deps.now() + backoffDelay(attempts, deps.random),
      report,
    });
    const result = await postReport(endpoint, row.key, JSON.stringify(payload), {
      fetch: deps.fetch,
      timeoutMs: deps.timeoutMs,
    });
    await logAttempt(db, {
      at: deps.now(),
      key: row.key,
      endpoint,
      payload,
      ok: result.ok,
      status: result.status,
      response: result.response,
    });
    if (result.ok) {
      await db.transaction('rw', db.outbox, db.suggestions, async () => {
        await db.outbox.delete(row.id!);
        for (const id of suggestionIds) await db.suggestions.update(id, { status: 'sent' });
      });
      sent++;
    } else {
      await db.outbox.update(row.id!, {
        lastError: result.status === null ? result.response : `HTTP ${result.status}: ${result.response}`,
      });
      failed++;
    }
  }
  if (sent + failed) await pruneSentLog(db, deps.now());
  return { sent, failed };
}

/** Keeps the popup's "reports are paused" notice (REPORT_PAUSE_KEY) in step with `state`; writes only on change. */
async function savePause(state: ConsentState): Promise<void> {
  const stored = (await browser.storage.local.get(REPORT_PAUSE_KEY))[REPORT_PAUSE_KEY];
  if (state.kind !== 'paused') {
    if (stored !== undefined) await browser.storage.local.remove(REPORT_PAUSE_KEY);
    return;
  }
  const pause: ReportPause = {
    endpoint: state.target.endpoint,
    host: displayHost(state.target.endpoint),
    source: state.target.source,
    declined: state.declined,
  };
  if (JSON.stringify(stored) !== JSON.stringify(pause)) await browser.storage.local.set({ [REPORT_PAUSE_KEY]: pause });
}

/**
 * The employee's answer to "your company now asks to send reports to <host>": agree (reports go
 * there from now on) or keep paused (nothing is sent; the popup stops asking about this endpoint).
 * Refused when the endpoint is no longer the configured one: they never agree to a host they were not shown.
 */
export async function answerReportDestination(
  db: SharewiseDB,
  readManaged: () => Promise<ManagedConfig>,
  endpoint: string,
  agree: boolean,
): Promise<{ ok: true } | { rejected: string }> {
  const feedRow = await db.feedCache.get('current');
  const target = reportTarget(await readManaged(), feedRow?.feed, feedRow?.source);
  if (!target || target.endpoint !== endpoint) return { rejected: 'the report destination has changed; look again' };
  let off = false;
  await updateSettings((settings) => {
    off = !settings.reporting.enabled;
    if (off) return null;
    const reporting = agree
      ? { ...settings.reporting, consentedEndpoint: endpoint, declinedEndpoint: null }
      : { ...settings.reporting, declinedEndpoint: endpoint };
    return { ...settings, reporting };
  });
  return off ? { rejected: 'reporting is off' } : { ok: true };
}

/**
 * One reporting pass: drop everything if reporting is off, queue ended periods, deliver what is due,
 * and set the alarm for the next retry or period end.
 */
export async function reportingTick(
  db: SharewiseDB,
  deps: ReportingDeps,
  force = false,
): Promise<{ sent: number; failed: number; queued: number }> {
  const settings = await loadSettings();
  if (!settings.reporting.enabled) {
    await savePause({ kind: 'off' });
    // Re-checked right before dropping: the employee may have turned it back on meanwhile.
    // Settings and state are read together, last: turning reporting on writes both at once, and a
    // cursor set with it must not be dropped by a pass that began while reporting was still off.
    const queued = await db.outbox.count();
    const stored = await browser.storage.local.get([SETTINGS_KEY, REPORTING_STATE_KEY]);
    const stillOff = !readSettings(stored[SETTINGS_KEY]).reporting.enabled;
    const cursor = (stored[REPORTING_STATE_KEY] as { cursor?: unknown } | undefined)?.cursor;
    if (stillOff && (queued || typeof cursor === 'number')) await dropUnsent(db);
    return { sent: 0, failed: 0, queued: 0 };
  }
  const managed = await (deps.readManaged ?? readManagedConfig)();
  const feedRow = await db.feedCache.get('current');
  const state = consentState(settings.reporting, reportTarget(managed, feedRow?.feed, feedRow?.source));
  await savePause(state);
  await pruneOutbox(db, deps.now());
  if (state.kind !== 'active') {
    // No endpoint yet (the company feed may still be loading), or a new one the employee has not
    // agreed to: nothing is queued or sent. A settings or feed change wakes this again; so does the
    // next week's end.
    deps.wakeAt?.(nextPeriodEnd('week', deps.now()));
    return { sent: 0, failed: 0, queued: await db.outbox.count() };
  }
  const kind = periodKind(state.target.schedule);
  if (await enqueueDue(db, settings, state.target.endpoint, kind, deps.now())) await pruneOutbox(db, deps.now());
  const result = await flushOutbox(db, await loadSettings(), deps, force);
  const next = await db.outbox.orderBy('nextAttemptAt').first();
  const periodEnd = nextPeriodEnd(kind, deps.now());
  deps.wakeAt?.(Math.min(periodEnd, next?.nextAttemptAt ?? Infinity));
  return { ...result, queued: await db.outbox.count() };
}

let chain: Promise<unknown> = Promise.resolve();
/** One pass at a time in this worker: an alarm and "send now" must not POST the same row twice. */
function serial<T>(job: () => Promise<T>): Promise<T> {
  const next = chain.then(job, job);
  chain = next.catch(() => {});
  return next;
}

export function setupReporting(deps: Partial<ReportingDeps> = {}): void {
  const db = getDb();
  const full: ReportingDeps = {
    now: Date.now,
    wakeAt: (when) => void browser.alarms?.create(REPORT_ALARM, { when: Math.max(when, Date.now() + 30_000) }),
    ...deps,
  };
  const tick = (force = false) => serial(() => reportingTick(db, full, force));
  const run = () => void tick().catch((err) => console.error('[sharewise] reporting', err));

  browser.runtime.onInstalled.addListener(run);
  browser.runtime.onStartup.addListener(run);
  onFreshStart(() => tick().then(() => undefined));
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === REPORT_ALARM) run();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') run();
    const change = settingsChange(changes, area);
    if (!change) return;
    const was = change.before.reporting;
    const is = change.after.reporting;
    // Off: unsent reports are removed; on: the consent cursor starts now; an answer about the
    // destination resumes reporting or updates the popup's notice.
    if (
      was.enabled !== is.enabled ||
      was.consentedEndpoint !== is.consentedEndpoint ||
      was.declinedEndpoint !== is.declinedEndpoint
    )
      run();
    // Reports stop naming the employee: the pseudonymous id they were named with goes too.
    // (The promise is returned only so that a test can await it; browsers ignore it.)
    if (isNamed(was) && !isNamed(is)) {
      return serial(() => rotateInstallId(db)).then(
        () => undefined,
        (err) => console.error('[sharewise] install id', err),
      );
    }
  });
  // A feed sync may bring another report endpoint: reporting pauses (and the popup asks) at once.
  Dexie.on('storagemutated', (parts) => {
    if (!Object.keys(parts).some((k) => k.startsWith(`idb://${DB_NAME}/feedCache/`))) return;
    void loadSettings().then(
      (s) => s.reporting.enabled && run(),
      () => undefined,
    );
  });
  // Every wake of the service worker continues where the last one stopped (state is in the DB).
  run();

  handle('ui:sendReportsNow', async () => {
    return tick(true);
  });

  handle('ui:answerReportDestination', async (data) => {
    return answerReportDestination(db, full.readManaged ?? readManagedConfig, data.endpoint, data.agree);
  });

  handle('ui:suggestPage', async (data) => {
    const row: SuggestionRow = { at: Date.now(), url: data.url, title: data.title, note: data.note, status: 'draft' };
    const id = await db.suggestions.add(row);
    return { ok: true as const, id: id as number };
  });

  handle('ui:queueSuggestions', async (data) => {
    let queued = 0;
    for (const id of data.ids) {
      const s = await db.suggestions.get(id);
      if (s?.status === 'draft') queued += await db.suggestions.update(id, { status: 'queued' });
    }
    return { ok: true as const, queued };
  });

  handle('ui:deleteSuggestion', async (data) => {
    const s = await db.suggestions.get(data.id);
    if (s && s.status !== 'sent') await db.suggestions.delete(data.id);
    return { ok: true as const };
  });
}
