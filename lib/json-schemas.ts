import { z } from 'zod';
import { ExportSchema } from './data/export';
import { FeedSchema } from './feed/schema';
import { ReportSchema } from './report/build';
import { SettingsSchema } from './settings/schema';
import { ReportPayloadSchema } from './report/payload';

/**
 * JSON Schemas published for people who write feeds and receive reports, generated from the zod
 * schemas (the single source of truth). `npm run schemas` writes them to docs/schemas/; a unit
 * test fails when the committed files are out of date.
 */
export function jsonSchemas(): Record<string, unknown> {
  return {
    'feed.schema.json': {
      $id: 'https://sharewise.app/schemas/feed-v1.json',
      title: 'Sharewise company feed, version 1',
      ...z.toJSONSchema(FeedSchema, { io: 'input', unrepresentable: 'any' }),
    },
    'report.schema.json': {
      $id: 'https://sharewise.app/schemas/report-v1.json',
      title: 'Sharewise report, schema version 1',
      ...z.toJSONSchema(ReportSchema, { io: 'output', unrepresentable: 'any' }),
    },
    // What is actually POSTed: the report plus the pages the employee chose to send.
    'report-payload.schema.json': {
      $id: 'https://sharewise.app/schemas/report-payload-v1.json',
      title: 'Sharewise report as delivered (report plus optional page suggestions), schema version 1',
      ...z.toJSONSchema(ReportPayloadSchema, { io: 'output', unrepresentable: 'any' }),
    },
    'export.schema.json': {
      $id: 'https://sharewise.app/schemas/export-v1.json',
      title: 'Sharewise data export (My data), schema version 1',
      ...z.toJSONSchema(ExportSchema, { io: 'output', unrepresentable: 'any' }),
    },
    'settings.schema.json': {
      $id: 'https://sharewise.app/schemas/settings-v1.json',
      title: 'Sharewise privacy settings, schema version 1',
      ...z.toJSONSchema(SettingsSchema, { io: 'output', unrepresentable: 'any' }),
    },
  };
}
