import { browser } from 'wxt/browser';
import { paintLastView, VIEW_STAMP_KEY } from '@/lib/ui/last-view';

/**
 * First in the popup's head: a self-contained classic script of about a kilobyte that paints the
 * popup's last view (lib/ui/last-view.ts) before React and the database have loaded — the popup's
 * module waits for it to decide, as loading them alongside delayed the paint by about a quarter.
 */
export default defineUnlistedScript(() => {
  void paintLastView(document, localStorage, browser.i18n.getUILanguage(), Date.now(), () =>
    browser.storage.local.get(VIEW_STAMP_KEY).then((s) => s[VIEW_STAMP_KEY]),
  ).catch(() => delete document.documentElement.dataset.view);
});
