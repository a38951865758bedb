import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFeedText, editText, getAt, jsonObject, setAt } from '../../lib/company/feed-studio';
import { invalidFeedMessage, parseFeedText } from '../../lib/feed/parse';

const demo = readFileSync('public/demo-feed.json', 'utf8');

describe('feed studio', () => {
  it('checks with the extension parser and says what employees would be told', () => {
    expect(checkFeedText(demo)).toEqual(parseFeedText(demo));
    const broken = editText(demo, ['company', 'name'], '')!;
    const check = checkFeedText(broken);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors).toEqual(['company.name: Too small: expected string to have >=1 characters']);
    expect(check.message).toBe(invalidFeedMessage(check.errors));
    expect(check.message).toBe('the feed is invalid: company.name: Too small: expected string to have >=1 characters');
  });

  it('an edit changes only its path and keeps the order of everything else', () => {
    const edited = editText(demo, ['posts', 0, 'title'], 'New title')!;
    const before = JSON.parse(demo);
    const after = JSON.parse(edited);
    expect(after.posts[0].title).toBe('New title');
    expect({ ...after, posts: after.posts.slice(1) }).toEqual({ ...before, posts: before.posts.slice(1) });
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(Object.keys(after.posts[0])).toEqual(Object.keys(before.posts[0]));
    // Back to the old value: the same feed as the demo, to the value.
    expect(JSON.parse(editText(edited, ['posts', 0, 'title'], before.posts[0].title)!)).toEqual(before);
  });

  it('undefined removes a key or a list item; a missing path is created', () => {
    expect(setAt({ a: 1, b: 2 }, ['a'], undefined)).toEqual({ b: 2 });
    expect(setAt({ l: [1, 2, 3] }, ['l', 1], undefined)).toEqual({ l: [1, 3] });
    expect(setAt({}, ['program', 'points', 'x'], 5)).toEqual({ program: { points: { x: 5 } } });
    expect(getAt({ l: [{ a: 1 }] }, ['l', 0, 'a'])).toBe(1);
    expect(getAt({}, ['l', 0, 'a'])).toBeUndefined();
  });

  it('the form needs a JSON object; broken JSON is left to the text editor', () => {
    expect(jsonObject('{"a":')).toBeNull();
    expect(jsonObject('[1]')).toBeNull();
    expect(editText('{"a":', ['a'], 1)).toBeNull();
    const c = checkFeedText('{"a":');
    expect(c.ok === false && c.message).toMatch(/^the feed is invalid: \(feed\): not valid JSON/);
  });
});
