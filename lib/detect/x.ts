import type { SiteAdapter } from './engine';

/**
 * X (x.com, twitter.com). Stable hooks only: data-testid and roles, never button text, so
 * localised pages work. See shared/reference/linkedin-x.md.
 */
export const xAdapter: SiteAdapter = {
  network: 'x',
  submitButton: 'button[data-testid="tweetButtonInline"], button[data-testid="tweetButton"]',
  composerText: '[data-testid^="tweetTextarea_"][role="textbox"], [data-testid^="tweetTextarea_"] textarea',
  sentNotice: '[data-testid="toast"]',
  isIntentPage: (url) => /^\/intent\/(post|tweet)\/?$/.test(url.pathname),
};
