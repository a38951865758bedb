import type { ExtensionBrowser } from '../harness/browsers';
import { waitUntil, type TestPage } from '../harness/page';
import type { FixtureServer } from '../harness/server';
import { readShares } from '../helpers';
import type { Share } from '../../../lib/shares';

/** The shares logged since `start()`: each detection test looks only at its own rows. */
export class ShareLog {
  private constructor(
    private readonly browser: ExtensionBrowser,
    private readonly before: Set<string>,
  ) {}

  static async start(browser: ExtensionBrowser): Promise<ShareLog> {
    return new ShareLog(browser, new Set((await readShares(browser)).map((s) => s.id)));
  }

  async rows(): Promise<Share[]> {
    return (await readShares(this.browser)).filter((s) => !this.before.has(s.id)).sort((a, b) => a.at - b.at);
  }

  /** Waits until a new share with exactly this text is logged, then returns all new rows. */
  async waitForText(text: string): Promise<Share[]> {
    return waitUntil(async () => {
      const rows = await this.rows();
      return rows.some((r) => r.text === text) ? rows : null;
    }, `a share with text "${text}"`);
  }

  /** Waits until `n` new shares are logged, then returns them. */
  async waitForCount(n: number): Promise<Share[]> {
    return waitUntil(async () => {
      const rows = await this.rows();
      return rows.length >= n ? rows : null;
    }, `${n} new share(s)`);
  }
}

let sentinelNo = 0;

/**
 * Posts a fresh, certainly-logged post on the home page of the site in this tab. Shares are
 * reported in order, so once the sentinel is logged anything an earlier action would have logged
 * is there too: "only the sentinel" proves the earlier action logged nothing.
 */
export async function postSentinel(page: TestPage, site: 'x' | 'linkedin'): Promise<string> {
  const text = `Sentinel ${++sentinelNo} ${Date.now()}`;
  if (site === 'x') {
    await page.goto('https://x.com/home');
    await page.click('[data-fixture="inline-composer"] [data-testid="tweetTextarea_0"]');
    await page.type(text);
    await page.click('[data-testid="tweetButtonInline"]');
  } else {
    await page.goto('https://www.linkedin.com/feed/');
    await page.click('.share-box-feed-entry__trigger');
    await page.click('[data-test-modal-id="sharebox"] .ql-editor');
    await page.type(text);
    await page.click('.share-actions__primary-action');
  }
  return text;
}

/** Makes the next `times` calls to a create endpoint fail with HTTP 500; returns the undo. */
export function failNext(server: FixtureServer, path: RegExp, times = 1): () => void {
  let left = times;
  return server.handle((req, res) => {
    if (left <= 0 || req.method !== 'POST' || !path.test(req.url ?? '')) return false;
    left--;
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ message: 'Internal error', code: 131 }] }));
    return true;
  });
}

/** Waits for the site's notice (toast) whose text contains `text`. */
export async function waitForNotice(page: TestPage, selector: string, text: string): Promise<void> {
  await waitUntil(
    () =>
      page.evaluate(([sel, t]) => [...document.querySelectorAll(sel)].some((n) => n.textContent?.includes(t)), [
        selector,
        text,
      ] as [string, string]),
    `a notice "${text}"`,
  );
}

/** Makes the site's create endpoint answer slowly, so a second click lands while the post is in flight. */
export function slowDown(server: FixtureServer, path: RegExp, ms: number): () => void {
  return server.handle(async (req) => {
    if (req.method === 'POST' && path.test(req.url ?? '')) await new Promise((r) => setTimeout(r, ms));
    return false; // then answered as usual
  });
}
