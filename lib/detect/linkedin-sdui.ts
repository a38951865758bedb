import type { Layout } from './adapter';

/**
 * LinkedIn's server-driven React layout ("SDUI", rolled out per account since about July 2026): hashed
 * class names, so only screen ids, component keys, roles and structure. Per the sources in
 * docs/detection.md; fixture: tests/fixtures/linkedin/sdui.html.
 */
export const linkedinSdui = {
  name: 'linkedin-sdui',
  root: '[data-sdui-screen],[componentkey]',
  // TipTap; comments and messages use TipTap too, but only the post editor has this key.
  composerText: '[componentkey="ShareBox_textEditor"][contenteditable="true"]',
  // The Post button has no stable attribute and its text is localised: it is the screen's last button.
  submitScreen: '[data-sdui-screen*="sharing.ShareCompose"]',
  dialog: 'dialog', // a native <dialog open data-testid="dialog">, which has no role="dialog"
  composerOpener: 'a[href*="/preload/sharebox"]', // "Start a post" as a link (as a plain div it is not seen)
  // The picker's last button confirms the date; the composer's primary button then schedules.
  scheduleScreen: '[data-sdui-screen*="sharing.ShareSchedulePostPicker"]',
  // A post card's menu trigger (the Repost button is one); its menu has no semantic classes: the first
  // item is the instant repost ("Sofort teilen"), the other opens the composer with the post (a quote).
  repostButton: '[componentkey^="update-card-focus"] button[aria-haspopup]',
  repostMenuItem: '[role="menu"] [role="button"]',
  repostConfirm: '[role="menu"] > [role="button"]:first-child',
  repostedItem: '[componentkey^="update-card-focus"]',
  notice: '[role="status"],[role="alert"]', // "Post successful. View post" links /feed/update/urn:li:share:…
} as const satisfies Layout;
