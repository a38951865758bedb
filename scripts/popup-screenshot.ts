/**
 * Takes docs/popup.png, the README's picture of the popup: the built Chromium extension with its demo
 * feed, in headless Chromium at the toolbar popup's width. Run: npm run build && npx tsx scripts/popup-screenshot.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, extensionBuild, ROOT } from '../tests/e2e/harness/browsers';

const path = extensionBuild('chromium');
const dir = mkdtempSync(join(tmpdir(), 'sharewise-shot-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: CHROMIUM_PATH,
  headless: false,
  ignoreDefaultArgs: ['--disable-extensions'],
  viewport: { width: 380, height: 600 },
  deviceScaleFactor: 2,
  colorScheme: 'light',
  locale: 'en',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', `--disable-extensions-except=${path}`, `--load-extension=${path}`],
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const page = await context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
  await page.waitForSelector('article[data-testid^="post-"]');
  await page.screenshot({ path: join(ROOT, 'docs/popup.png') });
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}
