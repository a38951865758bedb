import { watchShares } from '@/lib/detect/watch';
import { xAdapter } from '@/lib/detect/x';
import { sendToBackground } from '@/lib/messaging/send';

// Observe only: this script adds nothing to the page and reads only the composer being submitted.
export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*'],
  runAt: 'document_start', // before the site rewrites its address (e.g. drops ?shareActive=true)
  main(ctx) {
    const onRoute = watchShares(
      xAdapter,
      (type, data) => void sendToBackground(type, data).catch(() => {}),
      ctx.signal,
    );
    // X is a single-page app: the modal composer and intent pages are often reached without a reload.
    ctx.addEventListener(window, 'wxt:locationchange', (e) => onRoute(e.newUrl));
  },
});
