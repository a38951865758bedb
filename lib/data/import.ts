import type { Share } from '../shares';
import { EXPORT_FORMAT, EXPORT_VERSION, ExportSchema, MAX_IMPORT_BYTES } from './export';

export type ImportProblem =
  | { kind: 'too-large'; bytes: number; max: number }
  | { kind: 'not-json' }
  | { kind: 'not-an-export' }
  | { kind: 'newer'; version: number }
  | { kind: 'broken'; where: string; what: string; count: number };

export type ParsedImport =
  { ok: true; shares: Share[]; duplicatesInFile: number } | { ok: false; problem: ImportProblem };

/**
 * How far ahead of this device's clock a share may be dated: another device's clock may run a little
 * fast. Anything later did not happen yet and is refused.
 */
export const IMPORT_CLOCK_SKEW_MS = 60 * 60 * 1000;

/** The first share dated after `now` plus the allowed clock skew, as a problem; null if none. */
export function futureShare(shares: Pick<Share, 'at'>[], now: number): { where: string; what: string } | null {
  const i = shares.findIndex((s) => s.at > now + IMPORT_CLOCK_SKEW_MS);
  return i < 0
    ? null
    : { where: `shares.${i}.at`, what: "is in the future (more than an hour ahead of this device's clock)" };
}

/**
 * Reads an export file. All or nothing: one bad share rejects the file, with where and what, so
 * nothing is half-imported. Shares repeated inside the file are kept once (first occurrence).
 */
export function parseImport(text: string, now: number = Date.now()): ParsedImport {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_IMPORT_BYTES) return { ok: false, problem: { kind: 'too-large', bytes, max: MAX_IMPORT_BYTES } };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: { kind: 'not-json' } };
  }
  if (
    // Stryker disable next-line ConditionalExpression: a JSON string, number or boolean has no format, so the last check refuses it too
    typeof raw !== 'object' ||
    raw === null ||
    (raw as { format?: unknown }).format !== EXPORT_FORMAT
  ) {
    return { ok: false, problem: { kind: 'not-an-export' } };
  }
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > EXPORT_VERSION)
    return { ok: false, problem: { kind: 'newer', version } };
  const parsed = ExportSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      problem: {
        kind: 'broken',
        // Stryker disable next-line OptionalChaining,StringLiteral: a failed parse has an issue, and below the checked root every issue has a path
        where: first?.path.join('.') || '(file)',
        // Stryker disable next-line OptionalChaining,StringLiteral: a failed parse has at least one issue, and zod gives each a message
        what: first?.message ?? 'invalid',
        count: parsed.error.issues.length,
      },
    };
  }
  const future = futureShare(parsed.data.shares, now);
  if (future) return { ok: false, problem: { kind: 'broken', ...future, count: 1 } };
  const { shares, duplicates } = dedupeById(parsed.data.shares);
  return { ok: true, shares, duplicatesInFile: duplicates };
}

export function dedupeById(shares: Share[]): { shares: Share[]; duplicates: number } {
  const byId = new Map<string, Share>();
  for (const s of shares) if (!byId.has(s.id)) byId.set(s.id, s);
  return { shares: [...byId.values()], duplicates: shares.length - byId.size };
}
