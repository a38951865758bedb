import { z } from 'zod';
import { ShareSchema, type Share } from '../shares';
import type { SentLogRow } from '../db';
import type { Settings } from '../settings/schema';

export const EXPORT_FORMAT = 'sharewise-export';
export const EXPORT_VERSION = 1;

/** Imports larger than this are refused before they are parsed: a real history is far smaller. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_SHARES = 50_000;

/**
 * Everything Sharewise keeps about the employee: the share history, their settings and the log
 * of reports that left the browser. Only `shares` is read back on import (see lib/data/import.ts).
 */
export const ExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  schemaVersion: z.literal(EXPORT_VERSION),
  exportedAt: z.iso.datetime(),
  shares: z.array(ShareSchema).max(MAX_IMPORT_SHARES),
  settings: z.unknown().optional(),
  sentLog: z.array(z.unknown()).optional(),
});
export type SharewiseExport = z.infer<typeof ExportSchema>;

export function buildExport(shares: Share[], settings: Settings, sentLog: SentLogRow[], now: number): SharewiseExport {
  return {
    format: EXPORT_FORMAT,
    schemaVersion: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    shares: [...shares].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)),
    settings,
    sentLog,
  };
}

/** File name with the local date, e.g. sharewise-export-2026-11-25.json */
export function exportFileName(ext: 'json' | 'csv', now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `sharewise-export-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.${ext}`;
}
