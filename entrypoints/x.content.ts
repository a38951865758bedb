import { watchShares } from '@/lib/detect/engine';
import { xAdapter } from '@/lib/detect/x';
import { sendMessage } from '@/lib/messaging/protocol';

// Observe only: this script adds nothing to the page and reads only the composer being submitted.
export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    watchShares(
      xAdapter,
      (share) => void sendMessage('cs:shareDetected', share).catch(() => {}),
      ctx.signal,
    );
  },
});
