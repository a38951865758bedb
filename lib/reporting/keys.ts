import { localDate } from '../period';

/**
 * The idempotency key of a report: stable per install and period, so a retry of the same report
 * (after a timeout, a dropped connection or a restart) is recognisable by the receiving server.
 */
export function idempotencyKey(installId: string, kind: 'week' | 'month', periodStart: number): string {
  return `${installId}:${kind}:${localDate(periodStart)}`;
}
