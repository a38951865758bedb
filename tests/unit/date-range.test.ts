import { describe, expect, it } from 'vitest';
import { dateRange } from '../../lib/ui/date-range';

// Intl separates range parts with thin or narrow spaces depending on the ICU version: compare with plain spaces.
const plain = (s: string) => s.replace(/\s+/g, ' ');

describe('dateRange: a report period in plain words', () => {
  it('shows a week by its first and last day, the exclusive end taken off', () => {
    expect(plain(dateRange('2026-11-23', '2026-11-30', 'en-US', 2026))).toMatch(/^23 ?– ?29 Nov$/);
    expect(plain(dateRange('2026-11-23', '2026-11-30', 'de', 2026))).toMatch(/^23\. ?– ?29\. Nov\.?$/);
  });

  it('names both months when the range crosses one, and a month by its days', () => {
    expect(plain(dateRange('2026-11-30', '2026-12-07', 'en', 2026))).toBe('30 Nov – 6 Dec');
    expect(plain(dateRange('2026-11-01', '2026-12-01', 'en', 2026))).toMatch(/^1 ?– ?30 Nov$/);
  });

  it('adds the year only when the range leaves this year', () => {
    expect(plain(dateRange('2026-12-28', '2027-01-04', 'en', 2026))).toBe('28 Dec 2026 – 3 Jan 2027');
    expect(plain(dateRange('2025-11-03', '2025-11-10', 'en', 2026))).toMatch(/^3 ?– ?9 Nov 2025$/);
  });

  it('shows a single day once, across a change of daylight saving time too', () => {
    expect(plain(dateRange('2026-11-24', '2026-11-25', 'en', 2026))).toBe('24 Nov');
    expect(plain(dateRange('2026-10-25', '2026-10-26', 'en', 2026))).toBe('25 Oct');
    expect(plain(dateRange('2026-10-19', '2026-10-26', 'en', 2026))).toMatch(/^19 ?– ?25 Oct$/);
  });
});
