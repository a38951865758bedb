/**
 * Takes the README's pictures: the built Chromium extension with its demo feed, in headless Chromium
 * at the toolbar popup's size (400×600) — the popup in the light and the dark theme, the options page
 * and the welcome page. Run: npm run build && npx tsx scripts/popup-screenshot.ts [output dir, default docs/]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, extensionBuild, ROOT } from '../tests/e2e/harness/browsers';

const out = process.argv[2] ?? join(ROOT, 'docs');
const path = extensionBuild('chromium');
const shots: { file: string; page: string; ready: string; scheme: 'light' | 'dark' }[] = [
  { file: 'popup.png', page: 'popup.html', ready: 'article[data-testid^="post-"]', scheme: 'light' },
  { file: 'popup-dark.png', page: 'popup.html', ready: 'article[data-testid^="post-"]', scheme: 'dark' },
  { file: 'options.png', page: 'options.html', ready: '[data-testid="options"][data-policy="read"]', scheme: 'light' },
  { file: 'welcome.png', page: 'welcome.html', ready: 'main', scheme: 'light' },
];
const dir = mkdtempSync(join(tmpdir(), 'sharewise-shot-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: CHROMIUM_PATH,
  headless: false,
  ignoreDefaultArgs: ['--disable-extensions'],
  viewport: { width: 400, height: 600 },
  deviceScaleFactor: 2,
  locale: 'en',
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    `--disable-extensions-except=${path}`,
    `--load-extension=${path}`,
  ],
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const origin = `chrome-extension://${new URL(worker.url()).host}/`;
  for (const shot of shots) {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: shot.scheme });
    await page.goto(origin + shot.page);
    await page.waitForSelector(shot.ready, { timeout: 60_000 });
    await page.screenshot({ path: join(out, shot.file) });
    await page.close();
  }
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}
