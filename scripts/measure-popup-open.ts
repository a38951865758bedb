/**
 * How long the popup takes to show its content with 100,000 logged shares, against a blank page of
 * the same extension (issue 4: within 1.3×). A quick measurement while working on the popup; the
 * bench (`npm run bench`) carries the figure that is tracked.
 *
 *   npm run build && npx tsx scripts/measure-popup-open.ts [path/to/.output/chrome-mv3] [runs]
 *
 * The 100,000 shares all fall in the current month (the worst case: every one is in the popup's
 * range) on 60 posts and own content, spread over every day, network and post (the most summary rows), and go through the background's real import message
 * (`ui:importShares`, in batches), so whatever the background maintains alongside the log is there.
 * The extension is copied to a temporary folder with an empty blank.html added; the build is untouched.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH, extensionBuild } from '../tests/e2e/harness/browsers';
import { periodContaining } from '../lib/period';
import type { Share } from '../lib/shares';

const build = resolve(process.argv[2] ?? extensionBuild('chromium'));
const runs = Number(process.argv[3] ?? 9);
const N = 100_000;

function makeShares(n: number, now: number): Share[] {
  // mulberry32: well spread, so nearly every (day, network, post) combination occurs — the most
  // summary rows 100,000 shares on 60 posts can make in a month (a plain LCG's `% k` gives ~60).
  let seed = 42;
  const rand = (k: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * k);
  };
  const monthStart = periodContaining('month', now).start;
  const span = Math.max(1, now - monthStart);
  return Array.from({ length: n }, (_, i) => ({
    id: `s-${i}`,
    at: monthStart + Math.floor((rand(1_000_000) / 1_000_000) * span),
    network: rand(2) ? 'linkedin' : 'x',
    kind: 'post',
    postId: rand(4) === 0 ? null : `p-${rand(60)}`,
    surface: 'composer',
    urls: [],
  }));
}

/** Resolves with ms since navigation when the page counts as shown (popup: content replaced "loading"). */
const WHEN_SHOWN = `new Promise((resolve) => {
  const isPopup = location.pathname.endsWith('/popup.html');
  const shown = () => isPopup
    ? !!document.querySelector('main, [role="alert"]') && !document.querySelector('p[role="status"], [aria-busy="true"]')
    : document.readyState === 'complete';
  const check = () => { if (shown()) { resolve(performance.now()); return true; } return false; };
  if (check()) return;
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('readystatechange', check);
  window.addEventListener('load', check);
})`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function timeOpen(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const ms = (await page.evaluate(WHEN_SHOWN)) as number;
  await page.close();
  return ms;
}

const dir = mkdtempSync(join(tmpdir(), 'sharewise-measure-'));
const ext = join(dir, 'ext');
cpSync(build, ext, { recursive: true });
writeFileSync(join(ext, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>blank</title>');
const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
  executablePath: CHROMIUM_PATH,
  headless: false,
  ignoreDefaultArgs: ['--disable-extensions'],
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const origin = `chrome-extension://${new URL(worker.url()).host}/`;

  // For the reader: how much of the popup's time is its own code (an empty database).
  const empty: number[] = [];
  await timeOpen(context, origin + 'popup.html');
  for (let i = 0; i < runs; i++) empty.push(await timeOpen(context, origin + 'popup.html'));

  const seeder = await context.newPage();
  await seeder.goto(origin + 'blank.html');
  const all = makeShares(N, Date.now());
  const t0 = performance.now();
  for (let i = 0; i < all.length; i += 10_000) {
    // A string, not a function: tsx would wrap inner arrows in a helper the page lacks. The
    // message is what @webext-core/messaging sends; the answer is { res } or { err }.
    const message = JSON.stringify({ id: i, type: 'ui:importShares', data: { shares: all.slice(i, i + 10_000) }, timestamp: Date.now() });
    const answer = await seeder.evaluate(`new Promise((ok) => chrome.runtime.sendMessage(${message}, ok))`);
    const res = (answer as { res?: { ok?: boolean; added?: number } }).res;
    if (!res?.ok) throw new Error(`import refused: ${JSON.stringify(answer)}`);
  }
  console.log(`seeded ${N} shares through ui:importShares in ${Math.round(performance.now() - t0)} ms`);
  const summaryRows = await seeder.evaluate(`new Promise((ok) => { const r = indexedDB.open('sharewise'); r.onsuccess = () => {
    const db = r.result; const names = ['dailyStats', 'dayTotals', 'periodPosts'];
    if (!db.objectStoreNames.contains(names[0])) return ok(null);
    const tx = db.transaction(names); const out = {};
    for (const n of names) { const q = tx.objectStore(n).count(); q.onsuccess = () => { out[n] = q.result; }; }
    tx.oncomplete = () => ok(out); }; })`);
  console.log(`summary rows: ${summaryRows ? JSON.stringify(summaryRows) : 'none (a build without the summary)'}`);
  await seeder.close();

  const times = { popup: [] as number[], blank: [] as number[] };
  await timeOpen(context, origin + 'popup.html'); // warm-up
  await timeOpen(context, origin + 'blank.html');
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? (['blank', 'popup'] as const) : (['popup', 'blank'] as const);
    for (const kind of order) times[kind].push(await timeOpen(context, `${origin}${kind}.html`));
  }
  const p = median(times.popup);
  const b = median(times.blank);
  console.log(`build: ${build}`);
  console.log(`popup  median ${p.toFixed(0)} ms  runs ${times.popup.map((t) => t.toFixed(0)).join(' ')}`);
  console.log(`blank  median ${b.toFixed(0)} ms  runs ${times.blank.map((t) => t.toFixed(0)).join(' ')}`);
  console.log(`empty  median ${median(empty).toFixed(0)} ms  (the popup before seeding)`);
  console.log(`ratio  ${(p / b).toFixed(2)}× (target ≤ 1.3×)`);
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}
