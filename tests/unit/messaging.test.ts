import { describe, expect, it } from 'vitest';
import { DetectedShareSchema, RecordIntentSchema } from '../../lib/messaging/messages';
import { isContentSenderFor, isExtensionPageSender, validate } from '../../lib/messaging/validate';
import type { DetectedShare } from '../../lib/detect/types';

const good: DetectedShare = {
  network: 'x',
  kind: 'post',
  surface: 'composer',
  text: 'Hello https://kestrel-robotics.example/r7',
  submissionId: '0b6c2a3e-9a55-4d7e-8d0b-5f3a1c2e4b6d',
  confirmedBy: 'notice',
};

describe('message validation at the background door', () => {
  it('accepts a well-formed share report', () => {
    expect(validate(DetectedShareSchema, good)).toEqual({ ok: true, data: good });
  });

  it.each([
    ['an unknown network', { ...good, network: 'facebook' }, 'network'],
    ['an unknown kind', { ...good, kind: 'reply' }, 'kind'],
    ['extra fields', { ...good, postId: 'p-forged' }, '(root)'],
    ['a missing field', { ...good, submissionId: undefined }, 'submissionId'],
    ['a bad submission id', { ...good, submissionId: '<script>' }, 'submissionId'],
    ['huge text', { ...good, text: 'a'.repeat(25_001) }, 'text'],
    ['a non-object', 'share!', '(root)'],
  ])('rejects %s, naming the field', (_, data, field) => {
    const result = validate(DetectedShareSchema, data);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(`invalid message: ${field}`);
  });

  it('rejects an intent for an unknown network', () => {
    expect(validate(RecordIntentSchema, { postId: 'p1', network: 'mastodon' }).ok).toBe(false);
  });
});

describe('sender checks', () => {
  const id = 'abcdefghijklmnopabcdefghijklmnop';

  it('accepts share reports only from our content script on that network', () => {
    expect(isContentSenderFor('x', { id, url: 'https://x.com/home', tab: { url: 'https://x.com/home' } }, id)).toBe(
      true,
    );
    expect(isContentSenderFor('x', { id, url: 'https://twitter.com/home', tab: {} }, id)).toBe(true);
    expect(isContentSenderFor('linkedin', { id, url: 'https://www.linkedin.com/feed/', tab: {} }, id)).toBe(true);
    // x.com's content script cannot claim a LinkedIn share, and other sites cannot report at all.
    expect(isContentSenderFor('linkedin', { id, url: 'https://x.com/home', tab: {} }, id)).toBe(false);
    expect(isContentSenderFor('x', { id, url: 'https://evil.example/x.com', tab: {} }, id)).toBe(false);
    expect(isContentSenderFor('x', { id: 'other-extension', url: 'https://x.com/home', tab: {} }, id)).toBe(false);
    expect(isContentSenderFor('x', { id, url: 'https://x.com/home' }, id)).toBe(false);
  });

  it('accepts UI messages only from extension pages', () => {
    const origin = `chrome-extension://${id}/`;
    expect(isExtensionPageSender({ url: `${origin}popup.html` }, origin)).toBe(true);
    expect(isExtensionPageSender({ url: 'https://x.com/home', tab: {} }, origin)).toBe(false);
    expect(isExtensionPageSender({}, origin)).toBe(false);
  });
});
