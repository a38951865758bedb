import { describe, expect, it } from 'vitest';
import { extractUrls, normalizeUrl, pickIntent, INTENT_WINDOW_MS } from '../../lib/share-match';

describe('normalizeUrl', () => {
  it.each([
    ['https://www.Example.com/a/', 'example.com/a'],
    ['http://example.com/a', 'example.com/a'],
    ['example.com/a?utm_source=x&utm_medium=y', 'example.com/a'],
    ['https://example.com/a?b=2&a=1#frag', 'example.com/a?a=1&b=2'],
    ['https://example.com/a?fbclid=123&id=7', 'example.com/a?id=7'],
    ['https://example.com:8443/a', 'example.com:8443/a'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it.each(['javascript:alert(1)', 'mailto:a@b.c', 'https://'])('refuses %s', (input) => {
    expect(normalizeUrl(input)).toBeNull();
  });
});

describe('extractUrls', () => {
  it('finds links in text, trimming trailing punctuation and duplicates', () => {
    expect(extractUrls('See https://a.example/x. And www.b.example/y, then https://a.example/x!')).toEqual([
      'https://a.example/x',
      'www.b.example/y',
    ]);
  });
});

describe('pickIntent', () => {
  it('takes the newest intent for the network inside the window', () => {
    const now = 10 * INTENT_WINDOW_MS;
    const intents = [
      { at: now - 1000, network: 'x' as const, postId: 'a' },
      { at: now - 500, network: 'x' as const, postId: 'b' },
      { at: now - 100, network: 'linkedin' as const, postId: 'c' },
      { at: now - INTENT_WINDOW_MS - 1, network: 'x' as const, postId: 'd' },
    ];
    expect(pickIntent(intents, 'x', now)?.postId).toBe('b');
    expect(pickIntent(intents, 'linkedin', now)?.postId).toBe('c');
    expect(pickIntent(intents.slice(3), 'x', now)).toBeNull();
  });
});
