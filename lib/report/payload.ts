import { z } from 'zod';
import type { SuggestionRow } from '../db';
import { buildReport, ReportSchema, type Report, type ReportPeriod } from '../report/build';
import type { ReportFields, Settings } from '../settings/schema';
import type { ProgressProgram } from '../progress';
import type { Share } from '../shares';

/** A page the employee chose to send to the company's feed editors. */
export const SuggestionOutSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2048),
  title: z.string().max(300),
  note: z.string().max(1000),
  suggestedAt: z.iso.datetime(),
});
export type SuggestionOut = z.infer<typeof SuggestionOutSchema>;

/**
 * What is POSTed: the report, plus the pages the employee explicitly sent (only when there are
 * some). Published as docs/schemas/report.schema.json's companion in docs/admin.md.
 */
export const ReportPayloadSchema = ReportSchema.extend({
  suggestions: z.array(SuggestionOutSchema).max(50).optional(),
});
export type ReportPayload = z.infer<typeof ReportPayloadSchema>;

/** Only suggestions the employee sent (status `queued`) leave the browser; drafts never do. */
export function withSuggestions(report: Report, suggestions: SuggestionRow[]): ReportPayload {
  const out = suggestions
    .filter((s) => s.status === 'queued')
    .slice(0, 50)
    .map((s) => ({ url: s.url, title: s.title, note: s.note, suggestedAt: new Date(s.at).toISOString() }));
  return out.length ? { ...report, suggestions: out } : { ...report };
}

const DETAIL = ['none', 'week', 'day'] as const;
const BONUS = ['off', 'qualified', 'points'] as const;

/** Field by field, the more private of two choices: off beats on, less time detail, anonymous. */
export function stricterFields(a: ReportFields, b: ReportFields): ReportFields {
  return {
    totalShares: a.totalShares && b.totalShares,
    byNetwork: a.byNetwork && b.byNetwork,
    approvedPosts: a.approvedPosts && b.approvedPosts,
    ownCount: a.ownCount && b.ownCount,
    // A row queued before claims existed has no such choice: that means off.
    manualCount: (a.manualCount ?? false) && (b.manualCount ?? false),
    timeDetail: DETAIL[Math.min(DETAIL.indexOf(a.timeDetail), DETAIL.indexOf(b.timeDetail))]!,
    // A row queued before version 2 of the settings has no bonus or links choice: that means off.
    bonus: BONUS[Math.min(BONUS.indexOf(a.bonus ?? 'off'), BONUS.indexOf(b.bonus ?? 'off'))]!,
    shareLinks: (a.shareLinks ?? false) && (b.shareLinks ?? false),
    identity: a.identity === 'anonymous' || b.identity === 'anonymous' ? 'anonymous' : 'named',
  };
}

/**
 * The report as it may be sent now: rebuilt from the current data with, per field, the stricter of
 * the choices at period end (`queuedFields`) and now. Null when the employee turned reporting off.
 */
export function rebuildAtSendTime(
  shares: Share[],
  current: Settings,
  queuedFields: ReportFields | undefined,
  period: ReportPeriod,
  now: number,
  program?: ProgressProgram,
): Report | null {
  const fields = queuedFields ? stricterFields(queuedFields, current.reporting.fields) : current.reporting.fields;
  return buildReport(shares, { ...current, reporting: { ...current.reporting, fields } }, period, now, program);
}

/** What the sender needs to know of a queued report to rebuild it (an outbox row). */
export interface QueuedReport {
  period: ReportPeriod;
  report: Report;
  fields?: ReportFields;
}

export type NextReport =
  | { queued: true; period: ReportPeriod; fields: ReportFields | undefined; installId: string }
  | { queued: false; period: ReportPeriod; fields: undefined; installId: null };

/**
 * Which report goes out next: the oldest queued one (the sender delivers the outbox oldest first),
 * else the period running now, which is queued when it ends. The preview and the sender both ask
 * this, so the preview shows the period that is actually sent next.
 */
export function nextReport(outbox: QueuedReport[], current: ReportPeriod): NextReport {
  const oldest = [...outbox].sort((a, b) => a.period.start - b.period.start)[0];
  if (!oldest) return { queued: false, period: current, fields: undefined, installId: null };
  return {
    queued: true,
    period: { kind: oldest.period.kind, start: oldest.period.start, end: oldest.period.end },
    fields: oldest.fields,
    installId: oldest.report.identity.installId,
  };
}

/**
 * The exact bytes' source of one delivery: the report rebuilt at send time (stricter choice wins)
 * plus the pages the employee sent. Used by the sender for every POST and by the preview.
 */
export function payloadAtSend(
  shares: Share[],
  settings: Settings,
  queuedFields: ReportFields | undefined,
  period: ReportPeriod,
  suggestions: SuggestionRow[],
  now: number,
  program?: ProgressProgram,
): { report: Report; payload: ReportPayload } | null {
  const report = rebuildAtSendTime(shares, settings, queuedFields, period, now, program);
  return report ? { report, payload: withSuggestions(report, suggestions) } : null;
}
