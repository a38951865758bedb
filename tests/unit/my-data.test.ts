import { describe, expect, it } from 'vitest';
import { DetectedShareSchema } from '../../lib/messaging/messages';
import { MAX_SHARE_TEXT } from '../../lib/shares';
import { buildExport, csvField, EXPORT_VERSION, MAX_IMPORT_BYTES, parseImport, sharesToCsv } from '../../lib/data';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { Share } from '../../lib/shares';

const share = (id: string, over: Partial<Share> = {}): Share => ({
  id,
  at: Date.UTC(2026, 10, 20, 10),
  network: 'x',
  kind: 'post',
  postId: null,
  surface: 'composer',
  urls: [],
  ...over,
});
const NOW = Date.UTC(2026, 10, 25, 12);

describe('export', () => {
  it('round-trips: what is exported imports back to the same shares', () => {
    const shares = [
      share('b', { at: 2000, text: 'Line one\nline "two", with comma', urls: ['https://a.example/x?y=1'] }),
      share('a', { at: 1000, network: 'linkedin', kind: 'repost', postId: 'p-1', surface: 'intent' }),
    ];
    const sentLog = [
      {
        id: 1,
        at: 5,
        key: 'k',
        endpoint: 'https://r.example',
        payload: {} as never,
        ok: true,
        status: 200,
        response: 'ok',
      },
    ];
    const file = JSON.stringify(buildExport(shares, DEFAULT_SETTINGS, sentLog, NOW));
    const back = parseImport(file);
    expect(back).toEqual({ ok: true, shares: [shares[1], shares[0]], duplicatesInFile: 0 });
    const parsed = JSON.parse(file);
    expect(parsed).toMatchObject({
      format: 'sharewise-export',
      schemaVersion: EXPORT_VERSION,
      exportedAt: '2026-11-25T12:00:00.000Z',
    });
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
    ['a file that is just null', 'null', 'not-an-export'],
    ['a file that is just a string', JSON.stringify('sharewise-export'), 'not-an-export'],
    ['a file that is just a number', '42', 'not-an-export'],
    ['a newer export', JSON.stringify({ ...valid(), schemaVersion: EXPORT_VERSION + 1 }), 'newer'],
  ])('refuses %s with a clear reason', (_, text, kind) => {
    const r = parseImport(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.kind).toBe(kind);
  });

  it('refuses a file over the size cap before parsing it', () => {
    const r = parseImport(' '.repeat(MAX_IMPORT_BYTES + 1));
    expect(r).toEqual({
      ok: false,
      problem: { kind: 'too-large', bytes: MAX_IMPORT_BYTES + 1, max: MAX_IMPORT_BYTES },
    });
  });

  it('accepts a file of exactly the maximum size, and counts bytes, not characters', () => {
    const json = JSON.stringify(valid());
    const exact = json + ' '.repeat(MAX_IMPORT_BYTES - json.length);
    expect(parseImport(exact)).toMatchObject({ ok: true, duplicatesInFile: 0 });
    // Two bytes per "ü" in UTF-8: under the cap in characters, over it in bytes.
    const wide = json + 'ü'.repeat((MAX_IMPORT_BYTES - json.length) / 2 + 1);
    expect(wide.length).toBeLessThan(MAX_IMPORT_BYTES);
    expect(parseImport(wide)).toMatchObject({ ok: false, problem: { kind: 'too-large', max: MAX_IMPORT_BYTES } });
  });

  it('calls only a numeric schema version newer; the current one imports', () => {
    expect(parseImport(JSON.stringify({ ...valid(), schemaVersion: EXPORT_VERSION + 1 }))).toEqual({
      ok: false,
      problem: { kind: 'newer', version: EXPORT_VERSION + 1 },
    });
    // "2" > 1 in JavaScript, but a string version is a broken file, not a newer one.
    const r = parseImport(JSON.stringify({ ...valid(), schemaVersion: String(EXPORT_VERSION + 1) }));
    expect(r).toMatchObject({ ok: false, problem: { kind: 'broken', where: 'schemaVersion' } });
  });

  it('says what is wrong and how many problems the file has', () => {
    const file = valid() as unknown as { shares: Record<string, unknown>[] };
    file.shares[0]!.network = 'myspace';
    file.shares[1]!.kind = 'story';
    const r = parseImport(JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toMatchObject({ kind: 'broken', where: 'shares.0.network', count: 2 });
    if (r.problem.kind === 'broken') expect(r.problem.what).toMatch(/linkedin.*x/);
  });

  it('accepts a share with 50 links and refuses one with 51', () => {
    const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://example.com/${i}`);
    const ok = buildExport([share('a', { urls: urls(50) })], DEFAULT_SETTINGS, [], NOW);
    expect(parseImport(JSON.stringify(ok))).toMatchObject({ ok: true });
    const tooMany = buildExport([share('a', { urls: urls(51) })], DEFAULT_SETTINGS, [], NOW);
    expect(parseImport(JSON.stringify(tooMany))).toMatchObject({
      ok: false,
      problem: { kind: 'broken', where: 'shares.0.urls' },
    });
  });

  it('refuses a partly broken file as a whole and says where', () => {
    const file = valid() as unknown as { shares: unknown[] };
    file.shares.push({ ...share('c'), network: 'myspace' });
    const r = parseImport(JSON.stringify(file));
    expect(r).toMatchObject({ ok: false, problem: { kind: 'broken', where: 'shares.2.network' } });
  });

  it('imports back a post as long as the longest one Sharewise logs (one limit both ways)', () => {
    const long = share('long', { text: 'x'.repeat(MAX_SHARE_TEXT) });
    expect(DetectedShareSchema.shape.text.maxLength).toBe(MAX_SHARE_TEXT);
    expect(parseImport(JSON.stringify(buildExport([long], DEFAULT_SETTINGS, [], NOW)), NOW)).toEqual({
      ok: true,
      shares: [long],
      duplicatesInFile: 0,
    });
    const longer = share('longer', { text: 'x'.repeat(MAX_SHARE_TEXT + 1) });
    expect(parseImport(JSON.stringify(buildExport([longer], DEFAULT_SETTINGS, [], NOW)), NOW)).toMatchObject({
      ok: false,
      problem: { kind: 'broken', where: 'shares.0.text' },
    });
  });

  it("refuses a share dated more than an hour after this device's clock, and says so; up to an hour ahead is a fast clock", () => {
    const HOUR = 60 * 60 * 1000;
    const file = (at: number) => JSON.stringify(buildExport([share('f', { at })], DEFAULT_SETTINGS, [], NOW));
    expect(parseImport(file(NOW + 59 * 60 * 1000), NOW).ok).toBe(true);
    expect(parseImport(file(NOW + HOUR), NOW).ok).toBe(true);
    expect(parseImport(file(NOW + HOUR + 1), NOW)).toEqual({
      ok: false,
      problem: {
        kind: 'broken',
        where: 'shares.0.at',
        what: "is in the future (more than an hour ahead of this device's clock)",
        count: 1,
      },
    });
  });

  it.each(['constructor', '__proto__', 'toString', 'p 1', '<b>x</b>', 'x'.repeat(101)])(
    'refuses a share of post id %j (post ids as the feed allows them)',
    (postId) => {
      const r = parseImport(JSON.stringify(buildExport([share('a', { postId })], DEFAULT_SETTINGS, [], NOW)), NOW);
      expect(r).toMatchObject({ ok: false, problem: { kind: 'broken', where: 'shares.0.postId' } });
    },
  );

  it('keeps a share repeated inside the file once: its first copy', () => {
    const file = buildExport([share('a'), share('a', { at: 5 }), share('b')], DEFAULT_SETTINGS, [], NOW);
    const r = parseImport(JSON.stringify(file));
    expect(r).toMatchObject({ ok: true, duplicatesInFile: 1 });
    if (r.ok)
      expect(r.shares.map((s) => [s.id, s.at])).toEqual([
        ['a', 5],
        ['b', share('b').at],
      ]);
    // Written by hand, in an order buildExport would not produce: still the first copy wins.
    const byHand = { ...file, shares: [share('a', { text: 'first' }), share('b'), share('a', { text: 'second' })] };
    const again = parseImport(JSON.stringify(byHand));
    expect(again).toMatchObject({ ok: true, duplicatesInFile: 1 });
    if (again.ok)
      expect(again.shares.map((s) => [s.id, s.text])).toEqual([
        ['a', 'first'],
        ['b', undefined],
      ]);
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
      share('3', {
        at: Date.UTC(2026, 0, 3),
        surface: 'manual',
        permalink: 'https://x.com/i/web/status/5',
        signals: [],
      }),
      share('4', { at: Date.UTC(2026, 0, 4), signals: ['page', 'request'] }),
    ]);
    expect(csv.split('\r\n')).toEqual([
      'id,at,network,kind,postId,surface,urls,text,permalink,signals',
      '1,2026-01-01T00:00:00.000Z,linkedin,post,p-1,composer,,,,',
      '2,2026-01-02T00:00:00.000Z,x,post,,composer,https://a.example https://b.example,"hi, ""you""",,',
      '3,2026-01-03T00:00:00.000Z,x,post,,manual,,,https://x.com/i/web/status/5,',
      '4,2026-01-04T00:00:00.000Z,x,post,,composer,,,,page request',
      '',
    ]);
  });
});
