import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_OUTBOX_AGE_MS, MAX_OUTBOX_ROWS, MAX_SENT_LOG_ROWS, reportingTick } from '../../lib/background/reporting';
import { buildExport, MAX_IMPORT_BYTES, parseImport } from '../../lib/data';
import { getDb } from '../../lib/db';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/schema';
import { useEmptyDb } from './helpers/db';

const ENDPOINT = 'https://reports.acme.example/in';
const DAY = 24 * 60 * 60 * 1000;
const WEEK = 7 * DAY;

describe('a report endpoint that fails for 12 weeks', () => {
  const db = getDb();
  useEmptyDb();

  it('keeps the outbox and the sent log bounded, counts every attempt, and the export stays importable', async () => {
    const start = new Date(2026, 0, 7, 10).getTime();
    let now = start;
    const s = structuredClone(DEFAULT_SETTINGS);
    const settings: Settings = {
      ...s,
      installId: 'install-1234',
      reporting: {
        ...s.reporting,
        enabled: true,
        consentedEndpoint: ENDPOINT,
        fields: { ...s.reporting.fields, totalShares: true },
      },
    };
    await fakeBrowser.storage.local.set({ settings, reportingState: { cursor: start - 20 * WEEK } });
    let posts = 0;
    const fetch = (async () => {
      posts++;
      return new Response('down', { status: 503 });
    }) as unknown as typeof globalThis.fetch;
    // A pass a day (the browser is open for a while each day): every queued report is retried each time.
    const deps = { now: () => now, fetch, random: () => 0.5, readManaged: async () => ({ reportEndpoint: ENDPOINT }) };
    let passes = 0;
    while (now < start + 12 * WEEK) {
      await reportingTick(db, deps);
      passes++;
      now += DAY;
      const rows = await db.outbox.toArray();
      expect(rows.length).toBeLessThanOrEqual(MAX_OUTBOX_ROWS);
      for (const r of rows) expect(r.period.end).toBeGreaterThanOrEqual(now - MAX_OUTBOX_AGE_MS - WEEK);
    }
    expect(passes).toBe(84);
    expect(posts).toBe(84 * MAX_OUTBOX_ROWS); // the queue is full from the first day (20 weeks unsent)

    const log = await db.sentLog.toArray();
    // One entry per report that failed, not one per attempt.
    expect(log.length).toBeLessThanOrEqual(MAX_SENT_LOG_ROWS);
    expect(log.length).toBeLessThan(40);
    expect(new Set(log.map((l) => l.key)).size).toBe(log.length);
    expect(log.reduce((n, l) => n + (l.attempts ?? 1), 0)).toBe(posts);
    expect(log.every((l) => !l.ok && (l.firstAt ?? l.at) <= l.at)).toBe(true);

    const text = JSON.stringify(buildExport([], settings, log, now));
    expect(text.length).toBeLessThan(MAX_IMPORT_BYTES);
    expect(parseImport(text)).toMatchObject({ ok: true });
  }, 60_000);

  it('a success after failures is an entry of its own', async () => {
    const s = structuredClone(DEFAULT_SETTINGS);
    const start = new Date(2026, 0, 7, 10).getTime();
    let now = start;
    const settings: Settings = {
      ...s,
      installId: 'install-1234',
      reporting: { ...s.reporting, enabled: true, consentedEndpoint: ENDPOINT },
    };
    await fakeBrowser.storage.local.set({ settings, reportingState: { cursor: start - WEEK } });
    const answers = [500, 500, 500, 201];
    const fetch = (async () =>
      new Response('', { status: answers.shift() ?? 201 })) as unknown as typeof globalThis.fetch;
    const deps = { now: () => now, fetch, readManaged: async () => ({ reportEndpoint: ENDPOINT }) };
    for (let i = 0; i < 4; i++) {
      await reportingTick(db, deps, true);
      now += 60_000;
    }
    const log = await db.sentLog.toArray();
    expect(log.map((l) => [l.ok, l.attempts ?? 1])).toEqual([
      [false, 3],
      [true, 1],
    ]);
    expect(log[0]!.firstAt).toBe(start);
  });
});
