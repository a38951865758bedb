import { linkedinAdapter } from '@/lib/detect/linkedin';
import { watchShares } from '@/lib/detect/watch';
import { sendToBackground } from '@/lib/messaging/send';

// Observe only: this script adds nothing to the page and reads only the composer being submitted.
export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_start', // before the site rewrites its address (e.g. drops ?shareActive=true)
  main(ctx) {
    const onRoute = watchShares(
      linkedinAdapter,
      (type, data) => void sendToBackground(type, data).catch(() => {}),
      ctx.signal,
    );
    // The prefilled composer (/feed/?shareActive=true&text=…) may also be reached by in-app navigation.
    ctx.addEventListener(window, 'wxt:locationchange', (e) => onRoute(e.newUrl));
  },
});
