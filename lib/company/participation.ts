import { formatIssues } from '../feed/parse';
import { ReportPayloadSchema, type ReportPayload } from '../report/payload';
import type { BonusStatus } from '../report/build';
import { csvField } from '../data/csv';

/**
 * The company tools' participation view: reports as the receiver stored them (scripts/receive-reports.mjs
 * NDJSON lines `{key, receivedAt, report}`, or bare reports, as NDJSON or a JSON array), validated with the
 * extension's own report schema, one per idempotency key, summed per person and program period. Pure.
 */
export interface StoredReport {
  key: string;
  report: ReportPayload;
}

export interface LoadedReports {
  reports: StoredReport[];
  /** Reports whose key was already read (a retry stored twice by a receiver without a unique key). */
  duplicates: number;
  /** "reports.ndjson line 3: period.start: …" — what could not be used, and why. */
  problems: string[];
}

/** The key the extension sends with a report (lib/report/delivery.ts), for bare reports without one. */
const keyOf = (r: ReportPayload) => `${r.identity.installId}:${r.period.kind}:${r.period.start}`;

function entries(name: string, text: string): { where: string; value: unknown }[] | string {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('[')) {
    try {
      const list = JSON.parse(trimmed) as unknown;
      if (Array.isArray(list)) return list.map((value, i) => ({ where: `${name} [${i}]`, value }));
    } catch (err) {
      return `${name}: not valid JSON (${err instanceof Error ? err.message : String(err)})`;
    }
  }
  // NDJSON (one JSON value per line); a single pretty-printed object is one JSON document.
  const lines = trimmed.split(/\r?\n/);
  if (lines.length > 1 && !lines[0]!.trim().endsWith('}')) {
    try {
      return [{ where: name, value: JSON.parse(trimmed) }];
    } catch {
      // fall through: read line by line and say which lines are broken
    }
  }
  const out: { where: string; value: unknown }[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push({ where: `${name} line ${i + 1}`, value: JSON.parse(line) });
    } catch {
      out.push({ where: `${name} line ${i + 1}`, value: Symbol.for('unreadable') });
    }
  });
  return out;
}

/** Reads receiver files. Nothing is guessed: an entry that is not a valid report is listed with the reason. */
export function loadReports(files: { name: string; text: string }[]): LoadedReports {
  const byKey = new Map<string, StoredReport>();
  const problems: string[] = [];
  let duplicates = 0;
  for (const file of files) {
    const list = entries(file.name, file.text);
    if (typeof list === 'string') {
      problems.push(list);
      continue;
    }
    for (const { where, value } of list) {
      if (typeof value === 'symbol') {
        problems.push(`${where}: not valid JSON`);
        continue;
      }
      // A receiver line wraps the report; a bare report is one itself.
      const wrapped = typeof value === 'object' && value !== null && 'report' in value;
      const raw = wrapped ? (value as { report: unknown }).report : value;
      const parsed = ReportPayloadSchema.safeParse(raw);
      if (!parsed.success) {
        problems.push(
          ...formatIssues(parsed.error)
            .slice(0, 3)
            .map((m) => `${where}: ${m}`),
        );
        continue;
      }
      const given = wrapped ? (value as { key?: unknown }).key : undefined;
      const key = typeof given === 'string' && given ? given : keyOf(parsed.data);
      if (byKey.has(key)) {
        duplicates++;
        continue;
      }
      byKey.set(key, { key, report: parsed.data });
    }
  }
  return { reports: [...byKey.values()], duplicates, problems };
}

export type ProgramPeriodKind = 'week' | 'month' | 'quarter';

/** The program period a local date (YYYY-MM-DD) falls in, as its first date. Weeks start on Monday. */
export function periodStartOf(kind: ProgramPeriodKind, date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (kind === 'month') return `${date.slice(0, 7)}-01`;
  if (kind === 'quarter') return `${y}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`;
  // Calendar arithmetic in UTC on the date alone: no time zone can shift it.
  const t = Date.UTC(y, m - 1, d);
  const monday = t - ((new Date(t).getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(monday).toISOString().slice(0, 10);
}

export interface Person {
  id: string;
  /** "Ada Lovelace <ada@…>" for a named report, null for a pseudonymous one (installId only). */
  name: string | null;
  email: string | null;
}

/** One person in one program period. A field is null (shown blank) where no report of theirs carried it. */
export interface ParticipationRow {
  person: Person;
  period: string;
  shares: number | null;
  linkedin: number | null;
  x: number | null;
  points: number | null;
  threshold: number | null;
  qualified: boolean | null;
  /** Whether the bonus status is the program period's last word (`final`) or the standing so far. */
  final: boolean | null;
}

function personOf(r: ReportPayload): Person {
  // A named employee may report from two browsers: one person by email. Anonymous ones stay apart.
  return r.identity.kind === 'named'
    ? { id: `email:${r.identity.email.toLowerCase()}`, name: r.identity.name, email: r.identity.email }
    : { id: `install:${r.identity.installId}`, name: null, email: null };
}

/** The program's period kind, as the reports' bonus rules say (the most common), else months. */
export function programKind(reports: StoredReport[]): ProgramPeriodKind {
  const counts = new Map<ProgramPeriodKind, number>();
  for (const { report } of reports)
    for (const b of report.bonus ?? []) counts.set(b.rules.period, (counts.get(b.rules.period) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'month';
}

/** The better word on a program period: a final one over a running one, then the later report. */
function better(a: { status: BonusStatus; at: string }, b: { status: BonusStatus; at: string }) {
  if (a.status.final !== b.status.final) return a.status.final ? a : b;
  return a.at >= b.at ? a : b;
}

/**
 * A row per person and program period, oldest period first. Counts are summed over the person's reports
 * whose period starts in that program period (a week that straddles two months counts in the month it
 * starts in), and only when every one of those reports carried the count: a partial sum is not shown.
 */
export function participation(
  reports: StoredReport[],
  kind: ProgramPeriodKind = programKind(reports),
): ParticipationRow[] {
  type Acc = {
    person: Person;
    period: string;
    reports: ReportPayload[];
    bonus: { status: BonusStatus; at: string } | null;
  };
  const rows = new Map<string, Acc>();
  const row = (person: Person, period: string) => {
    const id = `${person.id} ${period}`;
    let acc = rows.get(id);
    if (!acc) rows.set(id, (acc = { person, period, reports: [], bonus: null }));
    return acc;
  };
  for (const { report } of reports) {
    const person = personOf(report);
    row(person, periodStartOf(kind, report.period.start)).reports.push(report);
    for (const status of report.bonus ?? []) {
      if (status.period.kind !== kind) continue;
      const acc = row(person, status.period.start);
      const candidate = { status, at: report.generatedAt };
      acc.bonus = acc.bonus ? better(acc.bonus, candidate) : candidate;
    }
  }
  const total = (list: ReportPayload[], pick: (r: ReportPayload) => number | undefined): number | null => {
    const values = list.map(pick);
    return values.length > 0 && values.every((v) => v !== undefined)
      ? values.reduce<number>((a, b) => a + b!, 0)
      : null;
  };
  return [...rows.values()]
    .map((acc): ParticipationRow => {
      const b = acc.bonus?.status;
      return {
        person: acc.person,
        period: acc.period,
        shares: total(
          acc.reports,
          (r) => r.totalShares ?? (r.byNetwork ? r.byNetwork.linkedin + r.byNetwork.x : undefined),
        ),
        linkedin: total(acc.reports, (r) => r.byNetwork?.linkedin),
        x: total(acc.reports, (r) => r.byNetwork?.x),
        points: b?.points ?? null,
        threshold: b?.points !== undefined ? b.rules.threshold : null,
        qualified: b ? b.qualified : null,
        final: b ? b.final : null,
      };
    })
    .sort((a, b) =>
      a.period < b.period ? -1 : a.period > b.period ? 1 : personLabel(a.person).localeCompare(personLabel(b.person)),
    );
}

/** A named person's name and email, or a pseudonymous id (the first part of the install id). */
export function personLabel(p: Person): string {
  return p.name !== null ? `${p.name} <${p.email}>` : p.id.replace(/^install:/, '');
}

/** Per program period: how many people shared at least once, and how many qualified. */
export function participationByPeriod(
  rows: ParticipationRow[],
): { period: string; sharing: number; qualified: number }[] {
  const map = new Map<string, { sharing: number; qualified: number }>();
  for (const r of rows) {
    const p = map.get(r.period) ?? { sharing: 0, qualified: 0 };
    // Qualifying takes shares, so a yes counts as taking part even when no count was allowed.
    if ((r.shares ?? 0) > 0 || (r.points ?? 0) > 0 || r.qualified) p.sharing++;
    if (r.qualified) p.qualified++;
    map.set(r.period, p);
  }
  return [...map].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, v]) => ({ period, ...v }));
}

export const PARTICIPATION_COLUMNS = [
  'person',
  'email',
  'period',
  'shares',
  'linkedin',
  'x',
  'points',
  'threshold',
  'qualified',
  'final',
] as const;

/** CSV for payroll: blank where the employee did not allow a field (never 0), yes/no for qualified. */
export function participationCsv(rows: ParticipationRow[]): string {
  const cell = (v: number | boolean | string | null) =>
    v === null ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);
  const lines = rows.map((r) =>
    [
      r.person.name ?? personLabel(r.person),
      r.person.email,
      r.period,
      r.shares,
      r.linkedin,
      r.x,
      r.points,
      r.threshold,
      r.qualified,
      r.final,
    ]
      .map((v) => csvField(cell(v)))
      .join(','),
  );
  return [PARTICIPATION_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}
