import type { SiteAdapter } from './adapter';

/**
 * X (x.com, twitter.com). Stable hooks only (data-testid, roles), never button text, so localised
 * pages work. Per the sources in docs/detection.md; fixtures: tests/fixtures/x/.
 */
export const xAdapter: SiteAdapter = {
  network: 'x',
  layoutOf: () => 'x',
  // Buttons since May 2024; before that the same test ids sat on div[role=button].
  submitButton: '[data-testid^="tweetButton"]', // tweetButtonInline (home, inline reply), tweetButton (modal, intent)
  submitScreen: ':not(*)',
  // Draft.js contenteditable (desktop) or a real textarea (mobile); a thread adds _1, _2, …
  composerText: '[data-testid^="tweetTextarea_"][role="textbox"],[data-testid^="tweetTextarea_"] textarea',
  dialog: '[role="dialog"]',
  composerOpener: '[data-testid="SideNav_NewTweet_Button"]',
  // scheduleOption only opens the schedule dialog, which may be abandoned: the composer's indicator decides.
  scheduleButton: ':not(*)',
  scheduleScreen: ':not(*)',
  scheduledMark: '[data-testid="scheduledTweetIndicator"]',
  replyButton: '[data-testid="reply"]',
  repostButton: '[data-testid="retweet"]',
  repostMenuItem: '[role="menuitem"]',
  repostConfirm: '[data-testid="retweetConfirm"],[data-testid="repostConfirm"]',
  repostedItem: 'article',
  repostDone: '[data-testid="unretweet"]',
  editMenu: '[data-testid="caret"]', // "Edit post" (Premium) is one of its items
  notice: '[data-testid="toast"]',
  sentNoticeLink: 'a[href*="/status/"]', // also on "Your post has been edited." (an edit is no new share)
  undoButton: 'button,[role="button"]', // "Sending post…" + Undo; no other toast has a button
  keys: { r: 'reply', n: 'post', t: 'repost' },
  replyPage: /^\/\w+\/status\/\d|^\/intent\/(post|tweet)\/?\?.*\bin_reply_to=/,
  intentPage: /^\/intent\/(post|tweet)\/?(\?|$)/,
  // The modal composer's route, which is also the full-page composer of a narrow window.
  composeRoute: /^\/(compose|intent)\//,
};
