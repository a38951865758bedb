import { setupBadge } from '@/lib/background/badge';
import { setupDiagnostics } from '@/lib/background/diagnostics';
import { setupFeed } from '@/lib/background/feed';
import { setupMessageRouter } from '@/lib/background/router';
import { setupRequestSignal } from '@/lib/background/requests';
import { setupReporting } from '@/lib/background/reporting';
import { setupMyData } from '@/lib/background/my-data';
import { setupReminders } from '@/lib/background/reminders';
import { setupSnapshot } from '@/lib/background/snapshot';
import { setupWelcome } from '@/lib/background/welcome';

// Thin on purpose: each setup registers its listeners synchronously, as MV3 service workers require.
export default defineBackground(() => {
  setupMessageRouter();
  setupDiagnostics();
  setupFeed();
  setupBadge();
  setupReporting();
  setupWelcome();
  setupMyData();
  setupReminders();
  setupSnapshot();
  setupRequestSignal();
});
