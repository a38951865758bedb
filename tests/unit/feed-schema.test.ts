import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../lib/feed';

// Every bound of the feed format (docs/feed-format.md), at the bound and one past it. Outside
// `posts` a broken value rejects the feed; inside, it drops the post with a warning.
const demo = JSON.parse(readFileSync('public/demo-feed.json', 'utf8'));
type Edit = (f: any) => void;
const edited = (edit: Edit) => {
  const f = structuredClone(demo);
  edit(f);
  return parseFeed(f);
};
const messages = (r: ReturnType<typeof parseFeed>) => (r.ok ? r.warnings : r.errors);

describe('feed format bounds', () => {
  it.each<[string, Edit]>([
    ['a company name of 120 characters', (f) => (f.company.name = 'c'.repeat(120))],
    ['text with spaces around it', (f) => (f.company.name = '  Acme  ')],
    [
      'a headline of 200 and a statement of 1000 characters',
      (f) => {
        f.vision.headline = 'h'.repeat(200);
        f.vision.statement = 's'.repeat(1000);
      },
    ],
    [
      '12 measures',
      (f) => (f.vision.measures = Array.from({ length: 12 }, (_, i) => ({ ...demo.vision.measures[0], id: `m${i}` }))),
    ],
    ['a measure at zero of a tiny target', (f) => Object.assign(f.vision.measures[0], { current: 0, target: 0.5 })],
    [
      'a measure label of 120, unit and period of 40 characters',
      (f) =>
        Object.assign(f.vision.measures[0], { label: 'l'.repeat(120), unit: 'u'.repeat(40), period: 'p'.repeat(40) }),
    ],
    ['an id of 100 allowed characters', (f) => (f.vision.measures[0].id = 'aZ09._:-'.repeat(12) + 'abcd')],
    ['an id of one character', (f) => (f.posts[0].id = 'a')],
    ['a program threshold of 1 and of 1,000,000', (f) => (f.program.threshold = 1_000_000)],
    ['program points of 0 and 10,000', (f) => (f.program.points = { linkedin: 0, x: 10_000, ownContent: 10_000 })],
    ['program rules of 2000 characters', (f) => (f.program.rules = 'r'.repeat(2000))],
    ['a weekly program', (f) => (f.program.period = 'week')],
    ['a quarterly program', (f) => (f.program.period = 'quarter')],
    ['a monthly report schedule', (f) => (f.reporting.schedule = 'monthly')],
    ['an upper-case HTTPS URL', (f) => (f.posts[0].url = 'HTTPS://kestrel-robotics.example/r7')],
    [
      'a URL of 2048 characters',
      (f) => (f.posts[0].url = `https://a.example/${'p'.repeat(2048 - 'https://a.example/'.length)}`),
    ],
    [
      'a post title of 200 and text of 3000 characters',
      (f) => Object.assign(f.posts[0], { title: 't'.repeat(200), text: 'x'.repeat(3000) }),
    ],
    [
      '10 variants and 10 hashtags',
      (f) => Object.assign(f.posts[0], { variants: Array(10).fill('v'), hashtags: Array(10).fill('tag') }),
    ],
    [
      'a hashtag of 50 letters, digits and underscores in any script',
      (f) => (f.posts[0].hashtags = ['Ünïcode_日本_42', 'h'.repeat(50)]),
    ],
    ['a post for one network', (f) => (f.posts[0].networks = ['x'])],
  ])('accepts %s without a warning', (_, edit) => {
    expect(edited(edit)).toMatchObject({ ok: true, warnings: [] });
  });

  it('fills in the defaults: monthly program, no own-content points, weekly reports, no measures, variants or hashtags', () => {
    const r = edited((f) => {
      delete f.program.period;
      delete f.program.points.ownContent;
      delete f.reporting.schedule;
      delete f.vision.measures;
      delete f.posts[0].variants;
      delete f.posts[0].hashtags;
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.feed.program).toMatchObject({ period: 'month', points: { ownContent: 0 } });
    expect(r.feed.reporting?.schedule).toBe('weekly');
    expect(r.feed.vision.measures).toEqual([]);
    expect(r.feed.posts[0]).toMatchObject({ variants: [], hashtags: [] });
  });

  it('trims text', () => {
    const r = edited((f) => (f.company.name = '  Acme  '));
    expect(r.ok && r.feed.company.name).toBe('Acme');
  });

  it.each<[string, Edit, string]>([
    ['a company name of 121 characters', (f) => (f.company.name = 'c'.repeat(121)), 'company.name'],
    ['a headline of 201 characters', (f) => (f.vision.headline = 'h'.repeat(201)), 'vision.headline'],
    ['a statement of 1001 characters', (f) => (f.vision.statement = 's'.repeat(1001)), 'vision.statement'],
    [
      '13 measures',
      (f) => (f.vision.measures = Array.from({ length: 13 }, (_, i) => ({ ...demo.vision.measures[0], id: `m${i}` }))),
      'vision.measures',
    ],
    ['a negative measure', (f) => (f.vision.measures[0].current = -1), 'vision.measures[0].current'],
    ['an infinite measure', (f) => (f.vision.measures[0].current = Infinity), 'vision.measures[0].current'],
    [
      'a measure label of 121 characters',
      (f) => (f.vision.measures[0].label = 'l'.repeat(121)),
      'vision.measures[0].label',
    ],
    ['a measure unit of 41 characters', (f) => (f.vision.measures[0].unit = 'u'.repeat(41)), 'vision.measures[0].unit'],
    [
      'a measure period of 41 characters',
      (f) => (f.vision.measures[0].period = 'p'.repeat(41)),
      'vision.measures[0].period',
    ],
    [
      'a measure update that is not a date',
      (f) => (f.vision.measures[0].updatedAt = 'soon'),
      'vision.measures[0].updatedAt',
    ],
    ['an id of 101 characters', (f) => (f.vision.measures[0].id = 'a'.repeat(101)), 'vision.measures[0].id'],
    ['an empty id', (f) => (f.vision.measures[0].id = ''), 'vision.measures[0].id'],
    ['an id with a slash', (f) => (f.vision.measures[0].id = 'a/b'), 'vision.measures[0].id'],
    ['an id with something before it', (f) => (f.vision.measures[0].id = ' leads'), 'vision.measures[0].id'],
    ['an id with something after it', (f) => (f.vision.measures[0].id = 'leads '), 'vision.measures[0].id'],
    ['a program name of 121 characters', (f) => (f.program.name = 'n'.repeat(121)), 'program.name'],
    ['a daily program', (f) => (f.program.period = 'day'), 'program.period'],
    ['a program threshold of 0', (f) => (f.program.threshold = 0), 'program.threshold'],
    ['a program threshold over 1,000,000', (f) => (f.program.threshold = 1_000_001), 'program.threshold'],
    ['a fractional threshold', (f) => (f.program.threshold = 1.5), 'program.threshold'],
    ['negative points', (f) => (f.program.points.x = -1), 'program.points.x'],
    ['points over 10,000', (f) => (f.program.points.linkedin = 10_001), 'program.points.linkedin'],
    ['own-content points over 10,000', (f) => (f.program.points.ownContent = 10_001), 'program.points.ownContent'],
    ['program rules of 2001 characters', (f) => (f.program.rules = 'r'.repeat(2001)), 'program.rules'],
    ['a daily report schedule', (f) => (f.reporting.schedule = 'daily'), 'reporting.schedule'],
    ['a company website over http', (f) => (f.company.website = 'http://kestrel-robotics.example'), 'company.website'],
  ])('rejects the feed with %s, naming the place', (_, edit, where) => {
    const r = edited(edit);
    expect(r.ok).toBe(false);
    expect(
      messages(r).some((m) => m.startsWith(`${where}:`)),
      JSON.stringify(messages(r)),
    ).toBe(true);
  });

  it.each<[string, Edit, string]>([
    ['a title of 201 characters', (f) => (f.posts[0].title = 't'.repeat(201)), 'posts[0].title'],
    ['a title of only spaces', (f) => (f.posts[0].title = '   '), 'posts[0].title'],
    ['a text of 3001 characters', (f) => (f.posts[0].text = 'x'.repeat(3001)), 'posts[0].text'],
    ['11 variants', (f) => (f.posts[0].variants = Array(11).fill('v')), 'posts[0].variants'],
    ['an empty variant', (f) => (f.posts[0].variants = ['']), 'posts[0].variants[0]'],
    ['11 hashtags', (f) => (f.posts[0].hashtags = Array(11).fill('tag')), 'posts[0].hashtags'],
    ['a hashtag of 51 characters', (f) => (f.posts[0].hashtags = ['h'.repeat(51)]), 'posts[0].hashtags[0]'],
    ['an empty hashtag', (f) => (f.posts[0].hashtags = ['']), 'posts[0].hashtags[0]'],
    ['a hashtag with a space', (f) => (f.posts[0].hashtags = ['two words']), 'posts[0].hashtags[0]'],
    ['a hashtag with a dash', (f) => (f.posts[0].hashtags = ['a-b']), 'posts[0].hashtags[0]'],
    ['three networks', (f) => (f.posts[0].networks = ['x', 'linkedin', 'x']), 'posts[0].networks'],
    [
      'a URL of 2049 characters',
      (f) => (f.posts[0].url = `https://a.example/${'p'.repeat(2049 - 'https://a.example/'.length)}`),
      'posts[0].url',
    ],
    ['a URL whose scheme ends in https', (f) => (f.posts[0].url = 'xhttps://a.example/p'), 'posts[0].url'],
    ['a URL whose scheme starts with https', (f) => (f.posts[0].url = 'httpsx://a.example/p'), 'posts[0].url'],
    ['an expiry that is not a date', (f) => (f.posts[0].expiresAt = '31.01.2027'), 'posts[0].expiresAt'],
  ])('drops a post with %s, naming the place', (_, edit, where) => {
    const r = edited(edit);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.feed.posts.map((p) => p.id)).not.toContain(demo.posts[0].id);
    expect(
      r.warnings.some((m) => m.startsWith(`${where}:`)),
      JSON.stringify(r.warnings),
    ).toBe(true);
  });

  it('says what is wrong in words a feed author can act on', () => {
    expect(messages(edited((f) => (f.posts[0].id = 'a b')))).toContain(
      'posts[0].id: must be 1–100 letters, digits, dots, dashes, colons or underscores (post dropped)',
    );
    // One line per problem, even where two checks find it, and the same words for a URL that is not one.
    expect(messages(edited((f) => (f.posts[0].url = 'http://a.example/p')))).toEqual([
      'posts[0].url: must be an https:// URL (post dropped)',
    ]);
    expect(messages(edited((f) => (f.posts[0].url = 'https://')))).toEqual([
      'posts[0].url: must be an https:// URL (post dropped)',
    ]);
    expect(messages(edited((f) => (f.posts[0].hashtags = ['#a'])))).toContain(
      'posts[0].hashtags[0]: must be a hashtag without # or spaces (post dropped)',
    );
    expect(messages(edited((f) => (f.posts[0].publishedAt = 'today')))).toContain(
      'posts[0].publishedAt: must be a date like 2026-11-20 (post dropped)',
    );
    expect(messages(edited((f) => (f.vision.measures[0].id = 'a b')))).toContain(
      'vision.measures[0].id: must be 1–100 letters, digits, dots, dashes, colons or underscores',
    );
    expect(messages(edited((f) => (f.reporting = { endpoint: 'https://me@reports.example/r' })))).toEqual([
      'reporting.endpoint: must not contain a user name or password before the host (user@host)',
    ]);
  });
});
