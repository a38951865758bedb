import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../lib/json-schemas';

describe('published JSON Schemas', () => {
  it.each(Object.entries(jsonSchemas()))(
    'docs/schemas/%s matches the zod schema (run npm run schemas)',
    (file, schema) => {
      const committed = JSON.parse(readFileSync(`docs/schemas/${file}`, 'utf8'));
      expect(committed).toEqual(JSON.parse(JSON.stringify(schema)));
    },
  );
});
