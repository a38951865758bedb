import type { SiteAdapter } from './adapter';
import { linkedinSdui as sdui } from './linkedin-sdui';

/**
 * LinkedIn (www.linkedin.com) serves three layouts side by side, per account (docs/detection.md,
 * Sources); a page may be any of them:
 * - 'linkedin-classic': the share box in the page's DOM (below: its long-lived class names and roles);
 * - 'linkedin-interop': the 2026 feed, the same share box inside the open shadow root of
 *   div#interop-outlet (the watcher sees into it through composedPath());
 * - 'linkedin-sdui': the server-driven layout, lib/detect/linkedin-sdui.ts, whose selectors are added
 *   to each hook here.
 * Never button text. Fixtures: tests/fixtures/linkedin/.
 */
export const linkedinAdapter: SiteAdapter = {
  network: 'linkedin',
  layoutOf: (el) =>
    el.closest(sdui.root) ? sdui.name : el.getRootNode() != document ? 'linkedin-interop' : 'linkedin-classic',
  submitButton: '.share-actions__primary-action',
  submitScreen: sdui.submitScreen,
  composerText: '.ql-editor[contenteditable="true"],' + sdui.composerText, // Quill; also role="textbox"
  dialog: '[role="dialog"],' + sdui.dialog,
  composerOpener: '.share-box-feed-entry__trigger,' + sdui.composerOpener,
  scheduleButton: '.share-actions__scheduled-post-btn',
  scheduleScreen: sdui.scheduleScreen,
  scheduledMark: ':not(*)',
  replyButton: ':not(*)',
  repostButton: 'button.social-reshare-button,' + sdui.repostButton,
  // Items of .social-reshare-button__share-dropdown-content; only counted right after repostButton.
  repostMenuItem: '.artdeco-dropdown__item,' + sdui.repostMenuItem,
  repostConfirm: '.social-reshare-button__sharing-as-is-dropdown-item,' + sdui.repostConfirm,
  repostedItem: '[data-urn],' + sdui.repostedItem,
  repostDone: ':not(*)',
  editMenu: ':not(*)',
  notice: '.artdeco-toast-item,' + sdui.notice, // also carries [data-test-artdeco-toast-item]
  sentNoticeLink: 'a[href*="urn:li:"]', // /feed/update/urn:li:activity:<id>/ (SDUI: urn:li:share:<id>)
  undoButton: ':not(*)',
  keys: {},
  replyPage: /$^/, // comments use their own box and button, which are never submit buttons here
  intentPage: /^\/(feed|preload)\b.*[?&]shareActive=true/,
  // The server-driven layout's composer routes; /preload/ is also some accounts' home feed.
  composeRoute: /^\/(feed|preload|sharing\/compose)\b/,
};
