import { readFileSync } from 'node:fs';
import { FeedSchema, type Feed } from '../../../lib/feed/schema';

/**
 * The built-in demo feed (public/demo-feed.json), checked against the feed schema. Tests that only need
 * a valid feed read it here rather than through parseFeed: a parse at a test file's top level would make
 * every parseFeed mutant "static" for that file and slow the mutation run (docs/testing.md).
 */
export function demoFeed(): Feed {
  return FeedSchema.parse(JSON.parse(readFileSync('public/demo-feed.json', 'utf8')));
}
