import { describe, expect, it } from 'vitest';
import { parseFeedText } from '../../lib/feed';
import { demoFeed, MALFORMED_FEEDS } from '../fixtures/feeds/malformed';

/** Everything reachable on Object.prototype: a polluted key would show up here. */
const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const cleanProto = protoKeys();

describe('malformed feed corpus', () => {
  it('has at least 30 cases', () => {
    expect(MALFORMED_FEEDS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(MALFORMED_FEEDS.map((c) => c.name)).size).toBe(MALFORMED_FEEDS.length);
  });

  it.each(MALFORMED_FEEDS.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const result = parseFeedText(c.input);
    const messages = result.ok ? result.warnings : result.errors;
    for (const pattern of c.match) {
      expect(
        messages.some((m) => pattern.test(m)),
        `${pattern} in ${JSON.stringify(messages)}`,
      ).toBe(true);
    }
    // Messages stay readable: bounded, and never echo a megabyte of attacker text back.
    for (const m of messages) expect(m.length).toBeLessThan(300);

    if (c.expect === 'error') {
      expect(result.ok).toBe(false);
    } else {
      expect(result.ok, JSON.stringify(messages).slice(0, 500)).toBe(true);
      if (!result.ok) return;
      if (c.expect === 'warning') expect(result.warnings.length).toBeGreaterThan(0);
      else expect(result.warnings).toEqual([]);
      const ids = result.feed.posts.map((p) => p.id);
      if (c.postsLeft !== undefined) expect(ids).toHaveLength(c.postsLeft);
      for (const id of c.dropped ?? []) expect(ids).not.toContain(id);
      // Kept posts are exactly the valid ones: every URL https, every id well-formed.
      for (const p of result.feed.posts) {
        expect(p.url).toMatch(/^https:\/\//);
        expect(p.id).toMatch(/^[A-Za-z0-9._:-]{1,100}$/);
      }
      // Unknown and prototype keys are not carried into the stored feed.
      const stored = JSON.stringify(result.feed);
      expect(stored).not.toContain('polluted');
      expect(Object.getPrototypeOf(result.feed)).toBe(Object.prototype);
      for (const p of result.feed.posts) expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
    }

    // No prototype pollution, whatever the case.
    expect(protoKeys()).toEqual(cleanProto);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).version).toBeUndefined();
  });

  it('keeps HTML in text as the literal characters (rendering is the e2e part)', () => {
    const c = MALFORMED_FEEDS.find((x) => x.name === 'HTML and script in text')!;
    const result = parseFeedText(c.input);
    expect(result.ok && result.feed.posts[0]!.title).toBe(
      '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>',
    );
  });

  it('the base feed of the corpus is valid, so each case fails only for its own reason', () => {
    expect(parseFeedText(JSON.stringify(demoFeed()))).toMatchObject({ ok: true, warnings: [] });
  });
});
