import type { SiteAdapter } from './adapter';

/**
 * LinkedIn (www.linkedin.com). The share box's long-lived class names and ARIA roles, never button
 * text. The 2025–26 layout renders the same composer inside the open shadow root of
 * div#interop-outlet; the watcher sees into it through composedPath(). Per
 * shared/reference/linkedin-x.md; fixtures: tests/fixtures/linkedin/.
 */
export const linkedinAdapter: SiteAdapter = {
  network: 'linkedin',
  submitButton: '.share-actions__primary-action',
  composerText: '.ql-editor[contenteditable="true"]', // Quill; also role="textbox"
  dialog: '[role="dialog"]',
  composerOpener: '.share-box-feed-entry__trigger',
  scheduleButton: '.share-actions__scheduled-post-btn',
  replyButton: ':not(*)',
  repostButton: 'button.social-reshare-button',
  // Items of .social-reshare-button__share-dropdown-content; only counted right after repostButton.
  repostMenuItem: '.artdeco-dropdown__item',
  repostConfirm: '.social-reshare-button__sharing-as-is-dropdown-item',
  repostedItem: '[data-urn]',
  repostDone: ':not(*)',
  notice: '.artdeco-toast-item', // also carries [data-test-artdeco-toast-item]
  sentNoticeLink: 'a[href*="urn:li:"]', // /feed/update/urn:li:activity:<id>/
  replyPage: /$^/, // comments use their own box and button, which are never submit buttons here
  intentPage: /^\/feed.*[?&]shareActive=true/,
  composeRoute: /^\/feed/,
};
