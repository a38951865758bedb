/**
 * A report period in plain words: "23–29 Nov", "30 Nov – 6 Dec", "29 Dec 2026 – 4 Jan 2027". Report
 * periods are local calendar dates with an exclusive end ("2026-11-23" to "2026-11-30"), so the last day
 * shown is the day before `endExclusive`. English is written day first (en-GB), as in the rest of the
 * options page; the year is shown only when the range leaves `thisYear`.
 */
export function dateRange(start: string, endExclusive: string, language: string, thisYear: number): string {
  const first = localDay(start);
  const last = localDay(endExclusive);
  last.setDate(last.getDate() - 1);
  if (last < first) last.setTime(first.getTime());
  const locale = language.toLowerCase().startsWith('en') ? 'en-GB' : language;
  const withYear = first.getFullYear() !== thisYear || last.getFullYear() !== thisYear;
  const format = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
  });
  return first.getTime() === last.getTime() ? format.format(first) : format.formatRange(first, last);
}

/** "2026-11-23" as that local calendar day (midnight), whatever the time zone. */
function localDay(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}
