import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CENTER_OF, deepQuery, type TestPage, waitUntil } from './page';
import { startFixtureProxy } from './proxy';
import { FIXTURE_HOSTS, FIXTURE_PORT } from './server';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const GECKO_ID = 'sharewise@sharewise.app';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export interface LaunchOptions {
  /** UI language for the browser (extension i18n follows it). */
  locale?: string;
  /** The system theme pages see through prefers-color-scheme (Firefox over BiDi cannot switch it per page). */
  colorScheme?: 'light' | 'dark';
  /** Extra hosts to map to the fixture server. */
  hosts?: string[];
  /** Build output to load; defaults to the browser's normal build. */
  extensionPath?: string;
  /** Chromium only: a profile directory to reuse (and keep on close), to test a browser restart. */
  userDataDir?: string;
  /**
   * Chromium only: a directory Chromium reads as its admin policy directory (/etc/chromium/policies/managed),
   * mounted there in a private user and mount namespace: no root needed, and the machine's /etc is untouched.
   */
  policyDir?: string;
}

export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** e.g. chrome-extension://<id>/ or moz-extension://<uuid>/ */
  readonly extensionOrigin: string;
  /** Console errors and uncaught exceptions seen on extension pages. */
  readonly extensionErrors: string[];
  open(url: string): Promise<TestPage>;
  openExtensionPage(path: string, readySelector?: string): Promise<TestPage>;
  /** All rows of a table of the extension's `sharewise` database, read from an extension page. */
  readTable<T = Record<string, unknown>>(table: string): Promise<T[]>;
  /** Waits for a tab the extension (or a page) opened, by its URL. */
  waitForPage(match: (url: string) => boolean, what: string): Promise<TestPage>;
  /** URLs of all open tabs, including ones the extension opened itself. */
  tabUrls(): Promise<string[]>;
  /**
   * Stops the extension's service worker as the browser does when it is idle (Chromium: CDP
   * `ServiceWorker.stopAllWorkers`). The next event wakes it. Firefox (MV2 background page) has no
   * equivalent over WebDriver BiDi: it throws there, and tests say so (docs/browser-parity.md).
   */
  stopServiceWorker(): Promise<void>;
  /** runtime.reload() from an extension page, then waits until the background runs again. */
  reloadExtension(): Promise<void>;
  close(): Promise<void>;
}

export function extensionBuild(name: BrowserName): string {
  return join(ROOT, '.output', name === 'chromium' ? 'chrome-mv3' : 'firefox-mv2');
}

/** Reads one IndexedDB table without creating the database if it does not exist yet. */
const READ_TABLE = async (table: string): Promise<unknown[]> =>
  new Promise((ok, fail) => {
    const req = indexedDB.open('sharewise');
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = () => ok([]);
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(table)) {
        db.close();
        return ok([]);
      }
      const q = db.transaction(table).objectStore(table).getAll();
      q.onsuccess = () => {
        db.close();
        ok(q.result);
      };
      q.onerror = () => fail(q.error);
    };
  });

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const path = options.extensionPath ?? extensionBuild(name);
  if (!existsSync(join(path, 'manifest.json')))
    throw new Error(`no extension build at ${path}: run npm run build first`);
  const hosts = [...FIXTURE_HOSTS, ...(options.hosts ?? [])];
  return name === 'chromium' ? launchChromium(path, hosts, options) : launchFirefox(path, hosts, options);
}

/* ---------------- Chromium (playwright-core) ---------------- */

/**
 * A launcher script that starts Chromium in its own user and mount namespace, where a copy of /etc/chromium
 * with `policyDir` as policies/managed is mounted over the real one. Chromium still watches the directory,
 * so a test can change a policy while the browser runs.
 */
function chromiumWithPolicies(policyDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sharewise-chromium-etc-'));
  const etc = join(dir, 'etc');
  mkdirSync(join(etc, 'policies/managed'), { recursive: true });
  if (existsSync('/etc/chromium')) {
    for (const f of readdirSync('/etc/chromium'))
      if (f !== 'policies') cpSync(join('/etc/chromium', f), join(etc, f), { recursive: true });
  }
  const launcher = join(dir, 'chromium');
  writeFileSync(
    launcher,
    [
      '#!/bin/sh',
      `exec unshare --user --map-root-user --mount -- sh -c 'mount --bind "$1" "$2/policies/managed" && mount --rbind "$2" /etc/chromium && shift 2 && exec "$@"' sh ${JSON.stringify(policyDir)} ${JSON.stringify(etc)} ${JSON.stringify(CHROMIUM_PATH)} "$@"`,
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  return launcher;
}

async function launchChromium(path: string, hosts: string[], options: LaunchOptions): Promise<ExtensionBrowser> {
  const { chromium } = await import('playwright-core');
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'sharewise-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.policyDir ? chromiumWithPolicies(options.policyDir) : CHROMIUM_PATH,
    headless: false, // the flag below selects the new headless mode, which runs extensions
    ignoreDefaultArgs: ['--disable-extensions'],
    ignoreHTTPSErrors: true,
    locale: options.locale,
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${path}`,
      `--load-extension=${path}`,
      `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${FIXTURE_PORT}`).join(', ')}`,
      '--ignore-certificate-errors',
      ...(options.locale ? [`--lang=${options.locale}`] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}/`;
  const extensionErrors: string[] = [];

  const wrap = (page: import('playwright-core').Page, watch: boolean): TestPage => {
    if (watch) {
      page.on('console', (m) => m.type() === 'error' && extensionErrors.push(`${page.url()}: ${m.text()}`));
      page.on('pageerror', (e) => extensionErrors.push(`${page.url()}: ${e.message}`));
    }
    return {
      url: () => page.url(),
      goto: async (url) => void (await page.goto(url)),
      click: async (selector) => {
        const at = await waitUntil(
          () =>
            page.evaluate(`(${CENTER_OF})(${JSON.stringify(selector)})`) as Promise<{ x: number; y: number } | null>,
          selector,
        );
        await page.mouse.click(at.x, at.y);
      },
      type: (text) => page.keyboard.type(text),
      press: (chord) => page.keyboard.press(chord),
      evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
      waitFor: async (selector, timeoutMs) =>
        void (await waitUntil(
          () => page.evaluate(`!!(${deepQuery})(${JSON.stringify(selector)})`),
          selector,
          timeoutMs,
        )),
      text: (selector) =>
        page.evaluate(`(${deepQuery})(${JSON.stringify(selector)})?.textContent ?? null`) as Promise<string | null>,
      screenshot: async (file) => void (await page.screenshot({ path: file })),
      close: () => page.close(),
    };
  };

  let reader: TestPage | null = null;
  const browser: ExtensionBrowser = {
    name: 'chromium',
    extensionOrigin,
    extensionErrors,
    open: async (url) => {
      const page = await context.newPage();
      await page.goto(url);
      return wrap(page, false);
    },
    openExtensionPage: async (p, readySelector) => {
      const page = wrap(await context.newPage(), true);
      await page.goto(extensionOrigin + p.replace(/^\//, ''));
      if (readySelector) await page.waitFor(readySelector);
      return page;
    },
    readTable: async <T>(table: string) => {
      reader ??= await browser.openExtensionPage('/blank.html');
      return (await reader.evaluate(READ_TABLE, table)) as T[];
    },
    waitForPage: async (match, what) =>
      wrap(await waitUntil(() => context.pages().find((p) => match(p.url())), what), false),
    tabUrls: async () => context.pages().map((p) => p.url()),
    stopServiceWorker: async () => {
      // The session lives on an extension page: the ServiceWorker domain reports that origin's workers.
      const page = await context.newPage();
      await page.goto(extensionOrigin + 'manifest.json');
      const cdp = await context.newCDPSession(page);
      try {
        // A message arriving right after the stop wakes the worker again at once, so what counts is
        // that each running version of ours passed through 'stopped', not its state when we look.
        const running = new Set<string>();
        const stopped = new Set<string>();
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          for (const v of versions) {
            if (!v.scriptURL.startsWith(extensionOrigin)) continue;
            if (v.runningStatus === 'stopped') stopped.add(v.versionId);
            else running.add(v.versionId);
          }
        });
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await waitUntil(
          () => running.size > 0 && [...running].every((id) => stopped.has(id)),
          'the service worker to stop',
          10_000,
        );
      } finally {
        await cdp.detach().catch(() => {});
        await page.close();
      }
    },
    reloadExtension: async () => {
      // Chromium disables an unpacked extension that reloads itself unless developer mode is on
      // (disable reason "unsupportedDeveloperExtension"), as a developer's browser has it.
      const settings = await context.newPage();
      await settings.goto('chrome://extensions');
      await settings.evaluate(() =>
        (globalThis as any).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }),
      );
      await settings.close();
      const next = context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith(extensionOrigin),
        timeout: 30_000,
      });
      const page = await browser.openExtensionPage('/blank.html');
      // The page closes with the reload, so the call never answers: do not wait for it.
      void page.evaluate(() => void setTimeout(() => (globalThis as any).chrome.runtime.reload(), 0)).catch(() => {});
      await next;
      reader = null;
    },
    close: async () => {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return browser;
}

/* ---------------- Firefox (puppeteer-core over WebDriver BiDi) ---------------- */

async function launchFirefox(path: string, hosts: string[], options: LaunchOptions): Promise<ExtensionBrowser> {
  const puppeteer = (await import('puppeteer-core')).default;
  const uuid = randomUUID();
  const proxy = await startFixtureProxy(hosts, FIXTURE_PORT);
  const ff = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      acceptInsecureCerts: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        // The fixture hosts go through the harness's proxy to the fixture server; everything else is direct.
        'network.proxy.type': 2,
        'network.proxy.autoconfig_url': proxy.pacUrl,
        // Pins the extension's internal UUID so tests know its pages' URLs.
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        ...(options.locale ? { 'intl.locale.requested': options.locale } : {}),
        // 0 = dark, 1 = light (the value prefers-color-scheme reports to pages, web and extension alike).
        ...(options.colorScheme
          ? { 'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1 }
          : {}),
      },
    })
    .catch(async (err: unknown) => {
      await proxy.close();
      throw err;
    });
  await ff.installExtension(path);
  const extensionOrigin = `moz-extension://${uuid}/`;
  const extensionErrors: string[] = [];

  const wrap = (page: import('puppeteer-core').Page, watch: boolean): TestPage => {
    if (watch) {
      page.on('console', (m) => m.type() === 'error' && extensionErrors.push(`${page.url()}: ${m.text()}`));
      page.on('pageerror', (e) => extensionErrors.push(`${page.url()}: ${e instanceof Error ? e.message : String(e)}`));
    }
    return {
      url: () => page.url(),
      goto: async (url) =>
        void (await page.goto(url, url.startsWith('moz-extension:') ? { waitUntil: [] as never } : {})),
      click: async (selector) => {
        const at = await waitUntil(
          () =>
            page.evaluate(`(${CENTER_OF})(${JSON.stringify(selector)})`) as Promise<{ x: number; y: number } | null>,
          selector,
        );
        await page.mouse.click(at.x, at.y);
      },
      type: (text) => page.keyboard.type(text),
      press: async (chord) => {
        const keys = chord.split('+') as import('puppeteer-core').KeyInput[];
        const key = keys.pop()!;
        for (const k of keys) await page.keyboard.down(k);
        await page.keyboard.press(key);
        for (const k of keys.reverse()) await page.keyboard.up(k);
      },
      evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
      waitFor: async (selector, timeoutMs) =>
        void (await waitUntil(
          () => page.evaluate(`!!(${deepQuery})(${JSON.stringify(selector)})`),
          selector,
          timeoutMs,
        )),
      text: (selector) =>
        page.evaluate(`(${deepQuery})(${JSON.stringify(selector)})?.textContent ?? null`) as Promise<string | null>,
      screenshot: async (file) => void (await page.screenshot({ path: file as `${string}.png` })),
      close: () => page.close(),
    };
  };

  let reader: TestPage | null = null;
  const browser: ExtensionBrowser = {
    name: 'firefox',
    extensionOrigin,
    extensionErrors,
    open: async (url) => {
      const page = await ff.newPage();
      await page.goto(url);
      return wrap(page, false);
    },
    openExtensionPage: async (p, readySelector) => {
      const raw = await ff.newPage();
      const page = wrap(raw, true);
      // The load event of extension pages is never reported over BiDi: navigate without waiting, then
      // wait for the page to exist.
      await raw.goto(extensionOrigin + p.replace(/^\//, ''), { waitUntil: [] as never }).catch(() => {});
      await waitUntil(
        () => raw.evaluate(() => document.readyState === 'complete' && location.protocol === 'moz-extension:'),
        `${p} to load`,
      );
      if (readySelector) await page.waitFor(readySelector);
      return page;
    },
    readTable: async <T>(table: string) => {
      reader ??= await browser.openExtensionPage('/blank.html');
      return (await reader.evaluate(READ_TABLE, table)) as T[];
    },
    // Navigations of tabs the extension opens are not reported over BiDi (url() stays about:blank): ask the page.
    tabUrls: async () =>
      Promise.all((await ff.pages()).map((p) => p.evaluate(() => location.href).catch(() => p.url()))),
    waitForPage: async (match, what) =>
      wrap(await waitUntil(async () => (await ff.pages()).find((p) => match(p.url())), what), false),
    stopServiceWorker: async () => {
      throw new Error(
        'Firefox runs the MV2 background page; WebDriver BiDi cannot stop it (see docs/browser-parity.md)',
      );
    },
    reloadExtension: async () => {
      const page = await browser.openExtensionPage('/blank.html');
      const before = await page.evaluate(() => performance.timeOrigin);
      void page.evaluate(() => void setTimeout(() => (globalThis as any).browser.runtime.reload(), 0)).catch(() => {});
      reader = null;
      // Back when a fresh extension page can reach a background that started after the reload.
      await waitUntil(
        async () => {
          const probe = await browser.openExtensionPage('/blank.html').catch(() => null);
          if (!probe) return false;
          try {
            const bgStart = await probe.evaluate(async () => {
              const bg = await (globalThis as any).browser.runtime.getBackgroundPage?.();
              return bg ? bg.performance.timeOrigin : null;
            });
            return bgStart !== null && bgStart > before;
          } finally {
            await probe.close().catch(() => {});
          }
        },
        'the extension to come back after reload',
        30_000,
      );
    },
    close: async () => {
      await ff.close();
      await proxy.close();
    },
  };
  return browser;
}
