/**
 * Calendar periods in the employee's local time zone. Weeks start on Monday (ISO 8601). Periods
 * are half-open: [start, end). Built from calendar fields, never by adding 24 h, so DST changes
 * give 23- or 25-hour days rather than shifted boundaries.
 */
export type PeriodKind = 'day' | 'week' | 'month' | 'quarter';

export interface Period {
  kind: PeriodKind;
  start: number;
  end: number;
}

function startOf(kind: PeriodKind, t: number): Date {
  const d = new Date(t);
  switch (kind) {
    case 'day':
      return new Date(d.getFullYear(), d.getMonth(), d.getDate());
    case 'week': {
      const mondayOffset = (d.getDay() + 6) % 7;
      return new Date(d.getFullYear(), d.getMonth(), d.getDate() - mondayOffset);
    }
    case 'month':
      return new Date(d.getFullYear(), d.getMonth(), 1);
    case 'quarter':
      return new Date(d.getFullYear(), d.getMonth() - (d.getMonth() % 3), 1);
  }
}

function shift(kind: PeriodKind, start: Date, n: number): Date {
  const y = start.getFullYear();
  const m = start.getMonth();
  const day = start.getDate();
  switch (kind) {
    case 'day':
      return new Date(y, m, day + n);
    case 'week':
      return new Date(y, m, day + 7 * n);
    case 'month':
      return new Date(y, m + n, 1);
    case 'quarter':
      return new Date(y, m + 3 * n, 1);
  }
}

/** The period of `kind` that contains instant `t`. */
export function periodContaining(kind: PeriodKind, t: number): Period {
  const start = startOf(kind, t);
  return { kind, start: start.getTime(), end: shift(kind, start, 1).getTime() };
}

/** The period `n` steps before (negative) or after (positive) `period`. */
export function shiftPeriod(period: Period, n: number): Period {
  const start = shift(period.kind, new Date(period.start), n);
  return { kind: period.kind, start: start.getTime(), end: shift(period.kind, start, 1).getTime() };
}

/** Local calendar date of an instant, as YYYY-MM-DD. */
export function localDate(t: number): string {
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
