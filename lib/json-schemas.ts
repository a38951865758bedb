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
  // [file, $id, title, schema, which side of its transforms a reader sees]
  const published: [string, string, string, z.ZodType, 'input' | 'output'][] = [
    ['feed.schema.json', 'feed-v1', 'Sharewise company feed, version 1', FeedSchema, 'input'],
    ['report.schema.json', 'report-v1', 'Sharewise report, schema version 1', ReportSchema, 'output'],
    // What is actually POSTed: the report plus the pages the employee chose to send.
    [
      'report-payload.schema.json',
      'report-payload-v1',
      'Sharewise report as delivered (report plus optional page suggestions), schema version 1',
      ReportPayloadSchema,
      'output',
    ],
    ['export.schema.json', 'export-v1', 'Sharewise data export (My data), schema version 1', ExportSchema, 'output'],
    ['settings.schema.json', 'settings-v1', 'Sharewise privacy settings, schema version 1', SettingsSchema, 'output'],
  ];
  return Object.fromEntries(
    published.map(([file, id, title, schema, io]) => [
      file,
      {
        $id: `https://sharewise.app/schemas/${id}.json`,
        title,
        ...z.toJSONSchema(schema, { io, unrepresentable: 'any' }),
      },
    ]),
  );
}
