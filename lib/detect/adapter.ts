import type { DetectedShare } from './types';

/**
 * Everything one site's markup and routes decide, in one object per site (lib/detect/x.ts,
 * lib/detect/linkedin.ts), so a markup change is a one-file fix. Selectors use stable hooks
 * (data-testid, roles, long-lived class names), never visible text: localised pages work alike.
 * The selector ":not(*)" means "this site has no such thing".
 */
export interface SiteAdapter {
  network: DetectedShare['network'];
  /** Buttons that publish what is in their composer. */
  submitButton: string;
  /** The composer's text box(es); a thread has several. Ctrl/Cmd+Enter in one submits its composer. */
  composerText: string;
  /** A modal around a composer: quote, reply and schedule modes only apply inside one. */
  dialog: string;
  /** Buttons that only open an empty composer: never a share, and they end any quote/reply mode. */
  composerOpener: string;
  /** "Schedule for later": the composer's next submit does not publish now. */
  scheduleButton: string;
  /** Opens a reply composer. */
  replyButton: string;
  /** Opens the repost menu of a post. */
  repostButton: string;
  /** Items of that menu: the instant repost is `repostConfirm`; any other item opens a quote. */
  repostMenuItem: string;
  repostConfirm: string;
  /** The post around a repost button (used only as an identity, never read). */
  repostedItem: string;
  /** Inside that post once the repost went out (X turns "retweet" into "unretweet"). */
  repostDone: string;
  /** The site's notices (toasts), good or bad. */
  notice: string;
  /** Inside a notice: a link to the new post, which only a "sent" notice has. */
  sentNoticeLink: string;
  // Routes, tested against the URL's path and query (e.g. "/feed/?shareActive=true&text=hi").
  /** A page whose in-page composer answers a post (X status pages). */
  replyPage: RegExp;
  /** A share page that opens a prefilled composer. */
  intentPage: RegExp;
  /** Leaving these routes ends quote/reply/schedule modes. */
  composeRoute: RegExp;
}
