import { existsSync } from 'node:fs';
import { defineConfig } from 'wxt';

// Extension id for Firefox: policies ("3rdparty") and storage.managed are keyed by it.
export const GECKO_ID = 'sharewise@sharewise.app';

// `npm run dev` should find a browser on a plain Linux box, where Chrome is usually Debian's Chromium.
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const firefox = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));
const runningAsRoot = process.getuid?.() === 0;

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Only what is used now: storage for settings. Content-script hosts are added from their matches.
    // notifications: only for the reminders the employee opts into (off by default).
    permissions: ['storage', 'notifications'],
    host_permissions: ['https://www.linkedin.com/*', 'https://x.com/*', 'https://twitter.com/*'],
    // Chrome warns on this key, so only Firefox gets it.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '115.0' } } }
      : {}),
  }),
  webExt: {
    binaries: {
      ...(chromium ? { chrome: chromium } : {}),
      ...(firefox ? { firefox } : {}),
    },
    // Chromium refuses to start as root without this; only then is it added.
    chromiumArgs: runningAsRoot ? ['--no-sandbox'] : [],
  },
});
