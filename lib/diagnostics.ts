import type { Network } from './shares';

/**
 * Notes that detection may be missing shares on a site, kept in storage.local (the background writes
 * them, lib/background/diagnostics.ts; the popup reads them). Content-free by construction: a site, the
 * layout the page looked like, the hook names that matched, a reason and when. Never text, links or ids.
 * Nothing here is sent anywhere; the employee may copy it into a bug report.
 */
export const DIAGNOSTICS_KEY = 'detectDiagnostics';

export type DiagnosticReason = 'unclassified-submit' | 'no-outcome' | 'request-without-page' | 'page-without-request';

export interface DiagnosticNote {
  network: Network;
  layout: string;
  hooks: string[];
  reason: DiagnosticReason;
  /** First and last time this same note was made, and how often. */
  first: number;
  last: number;
  count: number;
}

export interface Diagnostics {
  notes: DiagnosticNote[];
  /** The employee dismissed the notice at this time: only notes made later show it again. */
  dismissedAt?: number;
}

/** At most this many distinct notes are kept (the oldest go first), each at most this long. */
export const MAX_NOTES = 20;
export const NOTE_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** The popup mentions notes made within this time. */
export const NOTICE_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;

const REASONS = new Set<string>(['unclassified-submit', 'no-outcome', 'request-without-page', 'page-without-request']);
const NAME = /^[a-z0-9-]{1,40}$/;

/** The stored notes if they have the expected shape; anything malformed is dropped. */
export function readDiagnostics(raw: unknown): Diagnostics {
  const d = raw as Partial<Diagnostics> | null | undefined;
  const notes = Array.isArray(d?.notes)
    ? d.notes.filter(
        (n): n is DiagnosticNote =>
          !!n &&
          (n.network === 'x' || n.network === 'linkedin') &&
          typeof n.layout === 'string' &&
          NAME.test(n.layout) &&
          Array.isArray(n.hooks) &&
          n.hooks.every((h) => typeof h === 'string' && NAME.test(h)) &&
          REASONS.has(n.reason) &&
          Number.isFinite(n.first) &&
          Number.isFinite(n.last) &&
          Number.isInteger(n.count),
      )
    : [];
  return { notes, ...(typeof d?.dismissedAt === 'number' ? { dismissedAt: d.dismissedAt } : {}) };
}

/** Adds one note (merging it with the same earlier one), dropping expired and excess notes. Pure. */
export function addNote(
  current: Diagnostics,
  note: Pick<DiagnosticNote, 'network' | 'layout' | 'hooks' | 'reason'>,
  now: number,
): Diagnostics {
  const same = (n: DiagnosticNote) =>
    n.network === note.network &&
    n.layout === note.layout &&
    n.reason === note.reason &&
    n.hooks.join() === note.hooks.join();
  const kept = current.notes.filter((n) => n.last > now - NOTE_TTL_MS);
  const before = kept.find(same);
  const merged: DiagnosticNote = before
    ? { ...before, last: now, count: before.count + 1 }
    : {
        network: note.network,
        layout: note.layout,
        hooks: [...note.hooks].slice(0, 20),
        reason: note.reason,
        first: now,
        last: now,
        count: 1,
      };
  const notes = [...kept.filter((n) => !same(n)), merged].sort((a, b) => a.last - b.last).slice(-MAX_NOTES);
  return { ...current, notes };
}

/** The sites whose notes the popup should mention now (made recently, after the last dismissal). */
export function sitesToMention(d: Diagnostics, now: number): Network[] {
  const since = Math.max(now - NOTICE_WINDOW_MS, d.dismissedAt ?? 0);
  const sites = new Set(d.notes.filter((n) => n.last > since).map((n) => n.network));
  return (['linkedin', 'x'] as const).filter((s) => sites.has(s));
}

/** What "Copy details" puts on the clipboard: the notes as JSON, with the extension's version. */
export function diagnosticsReport(d: Diagnostics, version: string): string {
  return JSON.stringify(
    {
      sharewise: version,
      notes: d.notes.map((n) => ({
        ...n,
        first: new Date(n.first).toISOString(),
        last: new Date(n.last).toISOString(),
      })),
    },
    null,
    2,
  );
}
