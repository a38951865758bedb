import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { popupChunks } from './scripts/popup-chunks';

// Extension id for Firefox: policies ("3rdparty") and storage.managed are keyed by it.
export const GECKO_ID = 'sharewise@sharewise.app';

// `npm run dev` should find a browser on a plain Linux box, where Chrome is usually Debian's Chromium.
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const firefox = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));
const runningAsRoot = process.getuid?.() === 0;

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Every supported browser (Chrome, Firefox ≥ 115) has <link rel=modulepreload>: no polyfill in each
  // page's script (saves ~270 bytes gzip of the popup's 110 KB budget).
  // terser packs the shared React/Dexie chunks a few KB smaller than the default minifier (popup budget).
  // The popup loads two scripts and one style sheet, not seven files (scripts/popup-chunks.ts).
  // The content scripts' `ctx` comes from lib/detect/quiet-context.ts instead of WXT's class, which
  // announces the extension to the page and lets the page switch it off (see that file).
  vite: () => ({
    build: { modulePreload: { polyfill: false }, minify: 'terser' },
    plugins: [popupChunks(resolve(import.meta.dirname, 'entrypoints/popup/index.html'))],
    resolve: {
      alias: { 'wxt/utils/content-script-context': resolve(import.meta.dirname, 'lib/detect/quiet-context.ts') },
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Only what is used: storage for settings; alarms wake the background to refresh the feed and retry
    // reports; activeTab lets the popup read the current tab's title and URL for "suggest this page"
    // (granted only while the popup is open); notifications only for the reminders the employee opts
    // into (off by default); webRequest lets the background see the sites' own create requests (the second
    // detection signal, lib/background/requests.ts): non-blocking, request bodies only, only for the create
    // endpoints.
    permissions: ['storage', 'alarms', 'activeTab', 'notifications', 'webRequest'],
    // The content scripts need no host permission (their `matches` are enough). These three hosts are for
    // the background's observation of the sites' own "post created" requests (webRequest), which confirms
    // a post the site accepted; no other host is ever granted up front.
    host_permissions: ['https://www.linkedin.com/*', 'https://x.com/*', 'https://twitter.com/*'],
    // Explicit, and stricter than the browsers' defaults: scripts only from the extension's own files
    // (no eval, no remote code), no plugins, no <base> that could re-point relative URLs.
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'none'; base-uri 'none'"
        : { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'" },
    // Chrome managed storage (admin policy): keys and types an admin may set (docs/admin.md). Firefox reads
    // policies.json "3rdparty" by extension id instead and does not know this key.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    // Asked only at runtime, for the origin of a feed URL the employee enters, when that server sends no CORS headers.
    optional_host_permissions: ['https://*/*'],
    // MV2 spelling of the same (WXT drops optional_host_permissions for Firefox).
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*'] } : {}),
    // Chrome warns on this key, so only Firefox gets it.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '115.0',
              // addons.mozilla.org asks every new extension to declare this. Nothing is collected unless the
              // employee switches reporting on (then counts, and their name/email only if they choose "named").
              data_collection_permissions: {
                required: ['none'],
                optional: ['personallyIdentifyingInfo', 'websiteActivity'],
              },
            },
          },
        }
      : {}),
  }),
  // Store packages (`npm run zip`, `npm run zip:firefox`). Firefox's review also gets a sources zip: only
  // what is needed to rebuild, never dependencies, build output or test artifacts.
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: [
      'node_modules/**',
      '.output/**',
      '.wxt/**',
      'tests/**',
      'bench/results/**',
      '**/*.log',
      '.tmp/**',
      '.ci/**',
    ],
  },
  webExt: {
    // `SHAREWISE_DEV_NO_BROWSER=1 npm run dev` serves and rebuilds without opening a browser (the dev-server
    // test loads the build itself; also handy on a machine without a display).
    disabled: process.env.SHAREWISE_DEV_NO_BROWSER === '1',
    binaries: {
      ...(chromium ? { chrome: chromium } : {}),
      ...(firefox ? { firefox } : {}),
    },
    // Chromium refuses to start as root without this; only then is it added.
    chromiumArgs: runningAsRoot ? ['--no-sandbox'] : [],
  },
});
