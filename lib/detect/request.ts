// Pure readers of the sites' create requests (the second detection signal, lib/background/requests.ts).
// Public sources for every shape: docs/detection.md, Sources. Only request
// bodies are read, never responses, and nothing here touches a page.

export type RequestNetwork = 'linkedin' | 'x';

/**
 * What a create request did, read from its body:
 * 'post' | 'quote' | 'repost' — a share;
 * 'reply' — a conversation, never a share;
 * 'schedule' — goes out later (not counted now);
 * 'edit' — changes an existing post, not a new share;
 * 'thread-part' — the second and later parts of a thread (the thread is one share, its first part);
 * 'other' — a create call that is none of these (a draft, a shape we do not know).
 */
export type CreateKind = 'post' | 'quote' | 'repost' | 'reply' | 'schedule' | 'edit' | 'thread-part' | 'other';

export type CreateEndpoint = 'x-graphql' | 'linkedin-norm-shares' | 'linkedin-dash-shares' | 'linkedin-sdui-repost';

export interface CreateRequest {
  network: RequestNetwork;
  endpoint: CreateEndpoint;
  /** The operation's name, e.g. 'CreateTweet'. */
  operation: string;
  kind: CreateKind;
  /** The employee's own post text from the body ('' when the body has none, e.g. a repost). */
  text: string;
}

/** Only these create shares; the match patterns in lib/background/requests.ts are built from them. */
export const X_CREATE_OPERATIONS = ['CreateTweet', 'CreateNoteTweet', 'CreateRetweet', 'CreateScheduledTweet'] as const;
export const X_HOSTS = ['x.com', 'twitter.com'] as const;
export const LINKEDIN_HOST = 'www.linkedin.com';
export const LINKEDIN_DASH_SHARES = 'voyagerContentcreationDashShares';
export const LINKEDIN_INSTANT_REPOST = 'com.linkedin.sdui.feed.requests.createInstantRepost';

/** The webRequest URL filter: the create endpoints and nothing else (the reader re-checks each URL). */
export function createRequestPatterns(): string[] {
  return [
    ...X_HOSTS.flatMap((host) => X_CREATE_OPERATIONS.map((op) => `https://${host}/i/api/graphql/*/${op}*`)),
    `https://${LINKEDIN_HOST}/voyager/api/contentcreation/normShares*`,
    `https://${LINKEDIN_HOST}/voyager/api/graphql?*queryId=${LINKEDIN_DASH_SHARES}.*`,
    `https://${LINKEDIN_HOST}/flagship-web/rsc-action/actions/server-request?*sduiid=${LINKEDIN_INSTANT_REPOST}*`,
  ];
}

/**
 * Whether a successful (2xx) answer alone proves the share went out. X answers some rejections
 * (a duplicate) with HTTP 200 and the error in the body we never read, so there it does not.
 * LinkedIn's classic endpoints answer errors with an error status ("the publish confirmation", per
 * the sources in docs/detection.md). For the server-driven repost action this is unknown, so no.
 */
export function provesAlone(endpoint: CreateEndpoint): boolean {
  return endpoint === 'linkedin-norm-shares' || endpoint === 'linkedin-dash-shares';
}

/** Which create endpoint a URL is, or null. */
export function createEndpointOf(
  url: string,
): { network: RequestNetwork; endpoint: CreateEndpoint; operation: string } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:') return null;
  if ((X_HOSTS as readonly string[]).includes(u.hostname)) {
    const m = /^\/i\/api\/graphql\/[^/]+\/([A-Za-z]+)$/.exec(u.pathname);
    const op = m?.[1];
    if (op && (X_CREATE_OPERATIONS as readonly string[]).includes(op))
      return { network: 'x', endpoint: 'x-graphql', operation: op };
    return null;
  }
  if (u.hostname !== LINKEDIN_HOST) return null;
  if (/^\/voyager\/api\/contentcreation\/normShares\/?$/.test(u.pathname)) {
    return { network: 'linkedin', endpoint: 'linkedin-norm-shares', operation: 'normShares' };
  }
  // `voyagerContentcreationDashShares.<hash>`; the dot keeps out `…DashSharebox` (opening the composer).
  if (u.pathname === '/voyager/api/graphql' && u.searchParams.get('queryId')?.startsWith(`${LINKEDIN_DASH_SHARES}.`)) {
    return { network: 'linkedin', endpoint: 'linkedin-dash-shares', operation: LINKEDIN_DASH_SHARES };
  }
  if (
    u.pathname === '/flagship-web/rsc-action/actions/server-request' &&
    u.searchParams.get('sduiid') === LINKEDIN_INSTANT_REPOST
  ) {
    return { network: 'linkedin', endpoint: 'linkedin-sdui-repost', operation: 'createInstantRepost' };
  }
  return null;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function parseJson(body: string | null): Json | null {
  if (!body) return null;
  try {
    return obj(JSON.parse(body));
  } catch {
    return null;
  }
}

/** X GraphQL: `{ variables: { tweet_text, reply?, attachment_url?, batch_compose?, edit_options? }, queryId }`. */
function readX(operation: string, body: Json | null): { kind: CreateKind; text: string } {
  const v = obj(body?.variables) ?? {};
  if (operation === 'CreateRetweet') return { kind: 'repost', text: '' };
  if (operation === 'CreateScheduledTweet') {
    // `variables.post_tweet_request.status` is the text of the scheduled post.
    return { kind: 'schedule', text: str(obj(v.post_tweet_request)?.status) };
  }
  const text = str(v.tweet_text);
  if (str(obj(v.edit_options)?.previous_tweet_id)) return { kind: 'edit', text };
  // A thread: one CreateTweet per part, the first `BatchFirst`, the next ones `BatchSubsequent` with
  // `reply` to the previous own part. The thread is one share; its later parts are not replies.
  if (v.batch_compose === 'BatchSubsequent') return { kind: 'thread-part', text };
  if (str(obj(v.reply)?.in_reply_to_tweet_id)) return { kind: 'reply', text };
  // `attachment_url` is how X quotes: the quoted post's /status/ link.
  if (/^https:\/\/(x|twitter)\.com\/[^/]+\/status\/\d+/.test(str(v.attachment_url))) return { kind: 'quote', text };
  return { kind: 'post', text };
}

/**
 * LinkedIn classic `normShares`: `{ commentary | commentaryV2: { text }, parentUrn | resharedUpdate,
 * postState?, scheduledAt? }`; GraphQL `voyagerContentcreationDashShares`: `{ variables: { post: {
 * commentary: { text }, intendedShareLifeCycleState, origin, parentUrn?, scheduledAt? } } }`.
 */
function readLinkedIn(endpoint: CreateEndpoint, body: Json | null): { kind: CreateKind; text: string } {
  if (endpoint === 'linkedin-sdui-repost') return { kind: 'repost', text: '' };
  const post = endpoint === 'linkedin-dash-shares' ? obj(obj(body?.variables)?.post) : body;
  if (!post) return { kind: 'other', text: '' };
  const text = str(obj(post.commentary)?.text) || str(obj(post.commentaryV2)?.text);
  const state = str(post.intendedShareLifeCycleState) || str(post.postState) || 'PUBLISHED';
  if (state === 'SCHEDULED' || post.scheduledAt != null) return { kind: 'schedule', text };
  if (state !== 'PUBLISHED') return { kind: 'other', text };
  const reshare = post.origin === 'RESHARE' || !!str(post.parentUrn) || !!str(post.resharedUpdate);
  if (reshare) return { kind: text.trim() ? 'quote' : 'repost', text };
  return { kind: 'post', text };
}

/** Reads one create request (its URL and decoded body, null when the browser gave none), or null if not one. */
export function readCreateRequest(url: string, body: string | null): CreateRequest | null {
  const endpoint = createEndpointOf(url);
  if (!endpoint) return null;
  const json = parseJson(body);
  const { kind, text } =
    endpoint.network === 'x' ? readX(endpoint.operation, json) : readLinkedIn(endpoint.endpoint, json);
  return { ...endpoint, kind, text: text.slice(0, 25_000) };
}

/** The largest body decoded; a create request is a few KB (long notes up to 25,000 characters). */
export const MAX_BODY_BYTES = 256 * 1024;

/** The subset of webRequest's `requestBody` we read: raw bytes (JSON bodies) or form fields. */
export interface RequestBodyDetails {
  raw?: { bytes?: ArrayBuffer }[];
  formData?: Record<string, string[]>;
  error?: string;
}

/** The body as text (JSON), or null when absent, an upload of a file, or too large. */
export function decodeRequestBody(details: RequestBodyDetails | null | undefined): string | null {
  if (!details || details.error) return null;
  if (details.raw) {
    const parts = details.raw
      .map((p) => p.bytes)
      .filter((b): b is ArrayBuffer => !!b && typeof b.byteLength === 'number');
    const size = parts.reduce((n, b) => n + b.byteLength, 0);
    if (size === 0 || size > MAX_BODY_BYTES) return null;
    const all = new Uint8Array(size);
    let at = 0;
    for (const b of parts) {
      all.set(new Uint8Array(b), at);
      at += b.byteLength;
    }
    return new TextDecoder('utf-8', { fatal: false }).decode(all);
  }
  // A form-encoded GraphQL call carries its JSON in fields: rebuild the object the JSON readers expect.
  if (details.formData) {
    const out: Record<string, unknown> = {};
    for (const [key, [value]] of Object.entries(details.formData)) {
      if (typeof value !== 'string') continue;
      try {
        out[key] = JSON.parse(value);
      } catch {
        out[key] = value;
      }
    }
    return JSON.stringify(out);
  }
  return null;
}
