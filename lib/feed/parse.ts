import { z } from 'zod';
import { FeedSchema, PostSchema, type Feed } from './schema';

export type ParseFeedResult = { ok: true; feed: Feed; warnings: string[] } | { ok: false; errors: string[] };

/** A feed larger than this many posts is cut (with a warning) rather than rejected. */
export const MAX_POSTS = 500;

/** "posts[3].url: must be an https:// URL" — path first, so a feed author can find the spot. */
export function formatIssues(error: z.ZodError, prefix: (string | number)[] = []): string[] {
  const lines = error.issues.map((issue) => {
    const path = [...prefix, ...issue.path]
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
      .join('');
    // Stryker disable next-line StringLiteral: both callers check objects, so every issue has a path below the root
    return `${path || '(feed)'}: ${issue.message}`;
  });
  return [...new Set(lines)]; // one rule can be checked twice (e.g. URL protocol and pattern)
}

/**
 * Validates an untrusted feed. Never throws. A bad post is dropped with a warning and the rest
 * are kept; anything wrong outside `posts` rejects the whole feed so the last good one stays in use.
 */
export function parseFeed(input: unknown): ParseFeedResult {
  try {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return { ok: false, errors: ['(feed): must be a JSON object'] };
    }
    const rawPosts = (input as { posts?: unknown }).posts;
    if (!Array.isArray(rawPosts)) {
      return { ok: false, errors: ['posts: must be a list of posts'] };
    }
    // Validate everything but the posts first, so one bad post cannot sink the feed.
    const head = FeedSchema.safeParse({ ...(input as object), posts: [] });
    if (!head.success) return { ok: false, errors: formatIssues(head.error) };

    const warnings: string[] = [];
    if (rawPosts.length > MAX_POSTS) {
      warnings.push(`posts: ${rawPosts.length} posts, only the first ${MAX_POSTS} are used`);
    }
    const seen = new Set<string>();
    const posts = [];
    for (const [i, raw] of rawPosts.slice(0, MAX_POSTS).entries()) {
      const post = PostSchema.safeParse(raw);
      if (!post.success) {
        warnings.push(...formatIssues(post.error, ['posts', i]).map((m) => `${m} (post dropped)`));
        continue;
      }
      if (seen.has(post.data.id)) {
        warnings.push(`posts[${i}].id: "${post.data.id}" is used by an earlier post (post dropped)`);
        continue;
      }
      seen.add(post.data.id);
      posts.push(post.data);
    }
    return { ok: true, feed: { ...head.data, posts }, warnings };
  } catch (err) {
    // Getters, proxies or cycles in hand-made input: still an answer, never an exception.
    return { ok: false, errors: [`(feed): could not be read (${err instanceof Error ? err.message : String(err)})`] };
  }
}

/**
 * What the employee is told (popup and options: "what went wrong") when a feed update is refused. The
 * company tools' feed studio shows the same sentence, so an editor sees what employees would see.
 */
export function invalidFeedMessage(errors: string[]): string {
  return `the feed is invalid: ${errors.slice(0, 5).join('; ')}`;
}

/** Parses feed JSON text; a syntax error is reported like any other feed error. */
export function parseFeedText(text: string): ParseFeedResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [`(feed): not valid JSON (${err instanceof Error ? err.message : String(err)})`] };
  }
  return parseFeed(json);
}
