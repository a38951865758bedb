// Writes docs/schemas/*.json from the zod schemas. Run: npm run schemas
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../lib/json-schemas';

const dir = join(import.meta.dirname, '..', 'docs', 'schemas');
for (const [file, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote docs/schemas/${file}`);
}
