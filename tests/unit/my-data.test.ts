import { describe, expect, it } from 'vitest';
import { buildExport, csvField, EXPORT_VERSION, MAX_IMPORT_BYTES, parseImport, sharesToCsv } from '../../lib/data';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { Share } from '../../lib/shares';

const share = (id: string, over: Partial<Share> = {}): Share => ({
  id, at: Date.UTC(2026, 10, 20, 10), network: 'x', kind: 'post', postId: null, surface: 'composer', urls: [], ...over,
});
const NOW = Date.UTC(2026, 10, 25, 12);

describe('export', () => {
  it('round-trips: what is exported imports back to the same shares', () => {
    const shares = [
      share('b', { at: 2000, text: 'Line one\nline "two", with comma', urls: ['https://a.example/x?y=1'] }),
      share('a', { at: 1000, network: 'linkedin', kind: 'repost', postId: 'p-1', surface: 'intent' }),
    ];
    const sentLog = [{ id: 1, at: 5, key: 'k', endpoint: 'https://r.example', payload: {} as never, ok: true, status: 200, response: 'ok' }];
    const file = JSON.stringify(buildExport(shares, DEFAULT_SETTINGS, sentLog, NOW));
    const back = parseImport(file);
    expect(back).toEqual({ ok: true, shares: [shares[1], shares[0]], duplicatesInFile: 0 });
    const parsed = JSON.parse(file);
    expect(parsed).toMatchObject({ format: 'sharewise-export', schemaVersion: EXPORT_VERSION, exportedAt: '2026-11-25T12:00:00.000Z' });
    expect(parsed.settings).toEqual(DEFAULT_SETTINGS);
    expect(parsed.sentLog).toHaveLength(1);
  });
});

describe('import validation', () => {
  const valid = () => buildExport([share('a'), share('b')], DEFAULT_SETTINGS, [], NOW);

  it.each([
    ['not JSON', 'hello', 'not-json'],
    ['JSON that is not an export', JSON.stringify({ shares: [] }), 'not-an-export'],
    ['a feed file', JSON.stringify({ version: 1, company: { name: 'x' } }), 'not-an-export'],
    ['a JSON array', '[]', 'not-an-export'],
    ['a newer export', JSON.stringify({ ...valid(), schemaVersion: EXPORT_VERSION + 1 }), 'newer'],
  ])('refuses %s with a clear reason', (_, text, kind) => {
    const r = parseImport(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.kind).toBe(kind);
  });

  it('refuses a file over the size cap before parsing it', () => {
    const r = parseImport(' '.repeat(MAX_IMPORT_BYTES + 1));
    expect(r).toEqual({ ok: false, problem: { kind: 'too-large', bytes: MAX_IMPORT_BYTES + 1, max: MAX_IMPORT_BYTES } });
  });

  it('refuses a partly broken file as a whole and says where', () => {
    const file = valid() as unknown as { shares: unknown[] };
    file.shares.push({ ...share('c'), network: 'myspace' });
    const r = parseImport(JSON.stringify(file));
    expect(r).toMatchObject({ ok: false, problem: { kind: 'broken', where: 'shares.2.network' } });
  });

  it('keeps a share repeated inside the file once', () => {
    const file = buildExport([share('a'), share('a', { at: 5 }), share('b')], DEFAULT_SETTINGS, [], NOW);
    const r = parseImport(JSON.stringify(file));
    expect(r).toMatchObject({ ok: true, duplicatesInFile: 1 });
    if (r.ok) expect(r.shares.map((s) => s.id)).toEqual(['a', 'b']);
  });
});

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("https://evil.example")', '"\'=HYPERLINK(""https://evil.example"")"'],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['', ''],
  ])('escapes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes a header and one row per share, oldest first', () => {
    const csv = sharesToCsv([
      share('2', { at: Date.UTC(2026, 0, 2), text: 'hi, "you"', urls: ['https://a.example', 'https://b.example'] }),
      share('1', { at: Date.UTC(2026, 0, 1), postId: 'p-1', network: 'linkedin' }),
    ]);
    expect(csv.split('\r\n')).toEqual([
      'id,at,network,kind,postId,surface,urls,text',
      '1,2026-01-01T00:00:00.000Z,linkedin,post,p-1,composer,,',
      '2,2026-01-02T00:00:00.000Z,x,post,,composer,https://a.example https://b.example,"hi, ""you"""',
      '',
    ]);
  });
});
