import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const messages = (lang: string) =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<
    string,
    { message: string; placeholders?: object }
  >;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** Every options*, welcome* and company* key the code uses, found in its source. */
const usedKeys = [
  ...new Set(
    ['entrypoints/options', 'entrypoints/welcome', 'entrypoints/company', 'components/privacy', 'lib/background']
      .flatMap(sources)
      .flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/'((?:options|welcome|company)[A-Z][A-Za-z]+)'/g)].map((m) => m[1]!),
      ),
  ),
  // Built from a period kind in the company tools.
  ...['week', 'month', 'quarter'].map((k) => `companyKind_${k}`),
];

describe('options, welcome and company tools strings', () => {
  it('finds the keys it checks', () => {
    expect(usedKeys.length).toBeGreaterThan(100);
  });

  it.each(['en', 'de'])('are all translated in %s, with the same placeholders as English', (lang) => {
    const en = messages('en');
    const m = messages(lang);
    const missing = usedKeys.filter((k) => !m[k]?.message);
    expect(missing).toEqual([]);
    for (const k of usedKeys) {
      expect(Object.keys(m[k]!.placeholders ?? {}), k).toEqual(Object.keys(en[k]!.placeholders ?? {}));
      for (const p of Object.keys(en[k]!.placeholders ?? {}))
        expect(m[k]!.message, k).toContain(`$${p.toUpperCase()}$`);
    }
  });
});
