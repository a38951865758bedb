import { describe, expect, it } from 'vitest';
import {
  createEndpointOf,
  createRequestPatterns,
  decodeRequestBody,
  readCreateRequest,
} from '../../lib/detect/request';

// Bodies shaped like the sites' own (the sources in docs/detection.md: X's web
// client of mid-2025, d60/twikit gql.py, exieneko/twitter-client; LinkedIn per mguttmann/linkedin-internal-api
// docs/04-WRITE-OPERATIONS.md and gldc/linkedin-cli docs/write-payloads.md). Trimmed of feature flags.
const X = 'https://x.com/i/api/graphql/';
const xFeatures = {
  communities_web_enable_tweet_community_results_fetch: true,
  responsive_web_edit_tweet_api_enabled: true,
};
const xBody = (variables: object, op = 'CreateTweet') =>
  JSON.stringify({ variables, features: xFeatures, queryId: `a1B2c3${op}` });
const tweet = (extra: object = {}) => ({
  tweet_text: 'Our R7 is out https://t.co/abc',
  dark_request: false,
  media: { media_entities: [], possibly_sensitive: false },
  semantic_annotation_ids: [],
  disallowed_reply_options: null,
  ...extra,
});
const LI_DASH =
  'https://www.linkedin.com/voyager/api/graphql?action=execute&queryId=voyagerContentcreationDashShares.279996efa5064c01775d5aff003d9377';
const liPost = (extra: object = {}) =>
  JSON.stringify({
    variables: {
      post: {
        allowedCommentersScope: 'ALL',
        intendedShareLifeCycleState: 'PUBLISHED',
        origin: 'FEED',
        visibilityDataUnion: { visibilityType: 'ANYONE' },
        commentary: { text: 'Proud of the team', attributesV2: [] },
        ...extra,
      },
    },
    queryId: 'voyagerContentcreationDashShares.279996efa5064c01775d5aff003d9377',
    includeWebMetadata: true,
  });

describe('X create requests', () => {
  it('reads a plain post, with its text', () => {
    expect(readCreateRequest(`${X}SoRkIwnbVW2CMLiYQT3b_Q/CreateTweet`, xBody(tweet()))).toEqual({
      network: 'x',
      endpoint: 'x-graphql',
      operation: 'CreateTweet',
      kind: 'post',
      text: 'Our R7 is out https://t.co/abc',
    });
  });

  it('reads a reply as a reply, however the composer was opened', () => {
    const body = xBody(tweet({ reply: { in_reply_to_tweet_id: '1850000000000000001', exclude_reply_user_ids: [] } }));
    expect(readCreateRequest(`${X}q/CreateTweet`, body)?.kind).toBe('reply');
  });

  it('reads a quote from attachment_url', () => {
    const body = xBody(tweet({ attachment_url: 'https://x.com/kestrel/status/1850000000000000002' }));
    expect(readCreateRequest(`${X}q/CreateTweet`, body)?.kind).toBe('quote');
    // Any other attachment is not a quote.
    expect(readCreateRequest(`${X}q/CreateTweet`, xBody(tweet({ attachment_url: '' })))?.kind).toBe('post');
  });

  it('reads a thread as one share: its first part a post, the later parts neither posts nor replies', () => {
    const first = xBody(tweet({ batch_compose: 'BatchFirst' }));
    const next = xBody(
      tweet({
        batch_compose: 'BatchSubsequent',
        reply: { in_reply_to_tweet_id: '1860000000000000001', exclude_reply_user_ids: [] },
      }),
    );
    expect(readCreateRequest(`${X}q/CreateTweet`, first)?.kind).toBe('post');
    expect(readCreateRequest(`${X}q/CreateTweet`, next)?.kind).toBe('thread-part');
  });

  it('reads a thread that starts as a reply to someone as a reply', () => {
    const body = xBody(
      tweet({
        batch_compose: 'BatchFirst',
        reply: { in_reply_to_tweet_id: '1850000000000000001', exclude_reply_user_ids: [] },
      }),
    );
    expect(readCreateRequest(`${X}q/CreateTweet`, body)?.kind).toBe('reply');
  });

  it('reads a long post (CreateNoteTweet) like a post', () => {
    const long = 'x'.repeat(4000);
    const body = xBody({ ...tweet({ tweet_text: long }), richtext_options: { richtext_tags: [] } }, 'CreateNoteTweet');
    expect(readCreateRequest(`${X}q/CreateNoteTweet`, body)).toMatchObject({
      operation: 'CreateNoteTweet',
      kind: 'post',
      text: long,
    });
  });

  it('reads an edit as an edit, not a new share', () => {
    const body = xBody(tweet({ edit_options: { previous_tweet_id: '1860000000000000001' } }));
    expect(readCreateRequest(`${X}q/CreateTweet`, body)?.kind).toBe('edit');
  });

  it('reads a repost and a scheduled post', () => {
    expect(
      readCreateRequest(
        `${X}q/CreateRetweet`,
        xBody({ tweet_id: '1850000000000000002', dark_request: false }, 'CreateRetweet'),
      ),
    ).toEqual({
      network: 'x',
      endpoint: 'x-graphql',
      operation: 'CreateRetweet',
      kind: 'repost',
      text: '',
    });
    const scheduled = xBody(
      {
        post_tweet_request: {
          auto_populate_reply_metadata: false,
          status: 'Later',
          exclude_reply_user_ids: [],
          media_ids: [],
        },
        execute_at: 1764547200,
      },
      'CreateScheduledTweet',
    );
    expect(readCreateRequest(`${X}q/CreateScheduledTweet`, scheduled)).toMatchObject({
      kind: 'schedule',
      text: 'Later',
    });
  });

  it('reads twitter.com the same, and ignores other operations and hosts', () => {
    expect(readCreateRequest(`https://twitter.com/i/api/graphql/q/CreateTweet`, xBody(tweet()))?.kind).toBe('post');
    expect(readCreateRequest(`${X}q/DeleteRetweet`, '{}')).toBeNull();
    expect(readCreateRequest(`${X}q/CreateTweetDownvote`, '{}')).toBeNull();
    expect(readCreateRequest('https://evil.example/i/api/graphql/q/CreateTweet', xBody(tweet()))).toBeNull();
    expect(readCreateRequest('http://x.com/i/api/graphql/q/CreateTweet', xBody(tweet()))).toBeNull();
  });

  it('still names the operation when the body is missing or not JSON', () => {
    expect(readCreateRequest(`${X}q/CreateRetweet`, null)?.kind).toBe('repost');
    expect(readCreateRequest(`${X}q/CreateTweet`, 'not json')).toMatchObject({ kind: 'post', text: '' });
  });
});

describe('LinkedIn create requests', () => {
  const norm = 'https://www.linkedin.com/voyager/api/contentcreation/normShares';
  it('reads a classic normShares post, repost, repost with thoughts and scheduled post', () => {
    const post = {
      visibleToConnectionsOnly: false,
      externalAudienceProviders: [],
      commentaryV2: { text: 'Hello', attributes: [] },
      origin: 'FEED',
      allowedCommentersScope: 'ALL',
      postState: 'PUBLISHED',
      media: [],
    };
    expect(readCreateRequest(norm, JSON.stringify(post))).toEqual({
      network: 'linkedin',
      endpoint: 'linkedin-norm-shares',
      operation: 'normShares',
      kind: 'post',
      text: 'Hello',
    });
    expect(readCreateRequest(norm, JSON.stringify({ parentUrn: 'urn:li:activity:1', commentary: null }))?.kind).toBe(
      'repost',
    );
    expect(
      readCreateRequest(norm, JSON.stringify({ commentary: { text: 'Worth a read' }, parentUrn: 'urn:li:activity:1' }))
        ?.kind,
    ).toBe('quote');
    expect(
      readCreateRequest(norm, JSON.stringify({ commentary: { text: 'Later' }, scheduledAt: 1764547200000 }))?.kind,
    ).toBe('schedule');
    expect(readCreateRequest(norm, JSON.stringify({ ...post, postState: 'DRAFT' }))?.kind).toBe('other');
  });

  it('reads voyagerContentcreationDashShares: published, scheduled, reshare with thoughts', () => {
    expect(readCreateRequest(LI_DASH, liPost())).toMatchObject({
      endpoint: 'linkedin-dash-shares',
      kind: 'post',
      text: 'Proud of the team',
    });
    expect(
      readCreateRequest(LI_DASH, liPost({ intendedShareLifeCycleState: 'SCHEDULED', scheduledAt: 1764547200000 }))
        ?.kind,
    ).toBe('schedule');
    expect(readCreateRequest(LI_DASH, liPost({ origin: 'RESHARE', parentUrn: 'urn:li:activity:7' }))?.kind).toBe(
      'quote',
    );
    expect(
      readCreateRequest(
        LI_DASH,
        liPost({ origin: 'RESHARE', parentUrn: 'urn:li:activity:7', commentary: { text: '' } }),
      )?.kind,
    ).toBe('repost');
  });

  it('does not take opening the composer (…DashSharebox) or other GraphQL calls for a create', () => {
    expect(
      readCreateRequest(
        'https://www.linkedin.com/voyager/api/graphql?action=execute&queryId=voyagerContentcreationDashSharebox.1',
        '{}',
      ),
    ).toBeNull();
    expect(
      readCreateRequest(
        'https://www.linkedin.com/voyager/api/graphql?variables=()&queryId=voyagerFeedDashMainFeed.1',
        null,
      ),
    ).toBeNull();
  });

  it('reads the server-driven instant repost', () => {
    const url =
      'https://www.linkedin.com/flagship-web/rsc-action/actions/server-request?sduiid=com.linkedin.sdui.feed.requests.createInstantRepost';
    expect(
      readCreateRequest(url, JSON.stringify({ requestId: 'x', payload: { activityUrn: 'urn:li:activity:7' } })),
    ).toEqual({
      network: 'linkedin',
      endpoint: 'linkedin-sdui-repost',
      operation: 'createInstantRepost',
      kind: 'repost',
      text: '',
    });
    expect(createEndpointOf(url.replace('createInstantRepost', 'createComment'))).toBeNull();
  });
});

describe('the webRequest filter and body', () => {
  it('names only create endpoints on the three hosts', () => {
    const patterns = createRequestPatterns();
    for (const p of patterns) expect(p).toMatch(/^https:\/\/(x\.com|twitter\.com|www\.linkedin\.com)\//);
    expect(patterns).toHaveLength(11);
  });

  it('decodes raw bytes split in parts, and JSON in form fields', () => {
    const bytes = new TextEncoder().encode('{"variables":{"tweet_text":"Grüße"}}');
    const parts = [{ bytes: bytes.slice(0, 10).buffer }, { bytes: bytes.slice(10).buffer }];
    expect(decodeRequestBody({ raw: parts })).toBe('{"variables":{"tweet_text":"Grüße"}}');
    expect(
      JSON.parse(decodeRequestBody({ formData: { variables: ['{"tweet_text":"hi"}'], queryId: ['q'] } })!),
    ).toEqual({ variables: { tweet_text: 'hi' }, queryId: 'q' });
    expect(decodeRequestBody({ raw: [{ bytes: new ArrayBuffer(300 * 1024) }] })).toBeNull();
    expect(decodeRequestBody({ error: 'Unsupported' })).toBeNull();
    expect(decodeRequestBody(undefined)).toBeNull();
  });
});
