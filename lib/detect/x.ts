import type { SiteAdapter } from './adapter';

/**
 * X (x.com, twitter.com). Stable hooks only (data-testid, roles), never button text, so localised
 * pages work. Per shared/reference/linkedin-x.md; fixtures: tests/fixtures/x/.
 */
export const xAdapter: SiteAdapter = {
  network: 'x',
  // Buttons since May 2024; before that the same test ids sat on div[role=button].
  submitButton: '[data-testid^="tweetButton"]', // tweetButtonInline (home, inline reply), tweetButton (modal, intent)
  // Draft.js contenteditable (desktop) or a real textarea (mobile); a thread adds _1, _2, …
  composerText: '[data-testid^="tweetTextarea_"][role="textbox"], [data-testid^="tweetTextarea_"] textarea',
  dialog: '[role="dialog"]',
  composerOpener: '[data-testid="SideNav_NewTweet_Button"]',
  scheduleButton: '[data-testid="scheduleOption"]',
  replyButton: '[data-testid="reply"]',
  repostButton: '[data-testid="retweet"]',
  repostMenuItem: '[role="menuitem"]',
  repostConfirm: '[data-testid="retweetConfirm"], [data-testid="repostConfirm"]',
  repostedItem: 'article',
  repostDone: '[data-testid="unretweet"]',
  notice: '[data-testid="toast"]',
  sentNoticeLink: 'a[href*="/status/"]',
  replyPage: /^\/\w+\/status\/\d/,
  intentPage: /^\/intent\/(post|tweet)\/?(\?|$)/,
  composeRoute: /^\/(compose|intent)\//,
};
