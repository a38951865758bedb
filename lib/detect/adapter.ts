import type { DetectedShare } from './types';

/**
 * Everything one site's markup and routes decide, in one object per site (lib/detect/x.ts,
 * lib/detect/linkedin.ts), so a markup change is a one-file fix. Selectors use stable hooks
 * (data-testid, roles, long-lived class names, page structure), never visible text: localised pages
 * work alike. The selector ":not(*)" means "this site has no such thing".
 */
export interface SiteAdapter {
  network: DetectedShare['network'];
  /**
   * Which of the site's layouts `el` (a composer, a reposted post) belongs to: 'x', 'linkedin-classic',
   * 'linkedin-interop', 'linkedin-sdui' (sent with each share and diagnostic).
   */
  layoutOf(el: Element): string;
  /** Buttons that publish what is in their composer. */
  submitButton: string;
  /** A composer screen whose LAST button publishes it (a button with no stable attribute of its own). */
  submitScreen: string;
  /** The composer's text box(es); a thread has several. Ctrl/Cmd+Enter in one submits its composer. */
  composerText: string;
  /** A modal around a composer: quote, reply, edit and schedule modes only apply inside one. */
  dialog: string;
  /** Buttons that only open an empty composer: never a share, and they end any quote/reply mode. */
  composerOpener: string;
  /** "Schedule for later": the composer's next submit does not publish now. */
  scheduleButton: string;
  /** A schedule picker whose LAST button confirms the date (same meaning as scheduleButton). */
  scheduleScreen: string;
  /** Inside a composer: a schedule is set (state, so an abandoned schedule dialog leaves no trace). */
  scheduledMark: string;
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
  /** Opens a post's own menu; its items (`repostMenuItem`) open no new post, at most an edit of one. */
  editMenu: string;
  /** The site's notices (toasts), good or bad. */
  notice: string;
  /** Inside a notice: a link to the new post, which only a "sent" notice has. */
  sentNoticeLink: string;
  /** Inside a link-less notice: an Undo button, so the post is still going out (X Premium "Undo post"). */
  undoButton: string;
  /** Keyboard shortcuts (a key pressed outside any text field) that open a composer or the repost menu. */
  keys: Record<string, 'reply' | 'post' | 'repost'>;
  // Routes, tested against the URL's path and query (e.g. "/feed/?shareActive=true&text=hi").
  /** A page whose composer answers a post (X status pages, reply intents). */
  replyPage: RegExp;
  /** A share page that opens a prefilled composer. */
  intentPage: RegExp;
  /** A composer that fills the page (narrow windows, share routes): modes apply as in a dialog. Leaving ends them. */
  composeRoute: RegExp;
}

/**
 * One more layout of a site (e.g. LinkedIn's server-driven page): its name, an element only that layout
 * has around its composer or posts (`root`), and the selectors it adds to the site's (joined into one
 * selector list per hook in the site adapter). Adding a layout = one such file + one fixture page.
 */
export interface Layout extends Partial<Record<keyof SiteAdapter, string>> {
  name: string;
  root: string;
}
