import type { FeedCacheRow } from '../db';
import type { ManagedConfig } from '../managed';
import { periodContaining } from '../period';
import type { ProgressProgram } from '../progress';
import type { ReportPeriod } from './report';

export type Schedule = 'weekly' | 'monthly';

export interface ReportTarget {
  endpoint: string;
  schedule: Schedule;
  /** Where the endpoint comes from: an administrator's policy wins over the company feed. */
  source: 'managed' | 'feed';
}

/**
 * Where and how often reports would go, or null when nobody configured an endpoint. The one answer
 * for both the sender (lib/background/reporting.ts) and the preview in options. `feedSource` is the
 * feed cache's source: the built-in demo feed's endpoint is never used (the demo company is not the
 * employer), so with the demo feed only an administrator's endpoint counts.
 */
export function reportTarget(
  managed: ManagedConfig,
  feed: FeedCacheRow['feed'] | undefined,
  feedSource?: string | null,
): ReportTarget | null {
  const schedule = feed?.reporting?.schedule ?? 'weekly';
  if (managed.reportEndpoint) return { endpoint: managed.reportEndpoint, schedule, source: 'managed' };
  if (feed?.reporting?.endpoint && feedSource !== 'demo') return { endpoint: feed.reporting.endpoint, schedule, source: 'feed' };
  return null;
}

/**
 * The program whose rules the report's bonus status applies: the company feed's, never the demo's
 * (the demo company runs no bonus for this employee). The sender and the preview both ask this.
 */
export function reportProgram(row: Pick<FeedCacheRow, 'feed' | 'source'> | undefined): ProgressProgram | undefined {
  return row?.source === 'demo' ? undefined : (row?.feed?.program ?? undefined);
}

/**
 * The period the next report covers: the current calendar week or month, sent once it is over.
 * The preview shows it as it stands now, so the employee sees what is counted as it is counted.
 */
export function nextReportPeriod(schedule: Schedule, now: number): ReportPeriod {
  const kind = schedule === 'monthly' ? 'month' : 'week';
  const { start, end } = periodContaining(kind, now);
  return { kind, start, end };
}
