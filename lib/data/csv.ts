import type { Share } from '../shares';

export const CSV_COLUMNS = [
  'id',
  'at',
  'network',
  'kind',
  'postId',
  'surface',
  'urls',
  'text',
  'permalink',
  'signals',
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * A value a spreadsheet would run as a formula (= + - @, tab, CR first) gets a leading apostrophe,
 * because post text comes from the web and the file is meant to be opened in a spreadsheet.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The share history as CSV, one row per share, times in ISO 8601 UTC, links and signals separated by spaces. */
export function sharesToCsv(shares: Share[]): string {
  const rows = [...shares]
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
    .map((s) =>
      [
        s.id,
        new Date(s.at).toISOString(),
        s.network,
        s.kind,
        s.postId ?? '',
        s.surface,
        s.urls.join(' '),
        s.text ?? '',
        s.permalink ?? '',
        (s.signals ?? []).join(' '),
      ]
        .map(csvField)
        .join(','),
    );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
