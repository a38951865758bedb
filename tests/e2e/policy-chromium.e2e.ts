import { createHash } from 'node:crypto';
import { mkdtempSync, realpathSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionBuild, launch } from './harness/browsers';
import { waitUntil } from './harness/page';
import { useFixtureServer } from './helpers';
import { PopupPage } from './pages/popup';
import { companyFeed, CORS, FEED_HOST, feedRow, hostAndPath, setLocal, settings } from './feed-support';

const ctx = useFixtureServer();

// Chromium reads this directory as /etc/chromium/policies/managed (the harness mounts it there for the
// browser alone): the same file an administrator writes, without root and without touching the machine.
const POLICY_DIR = mkdtempSync(join(tmpdir(), 'sharewise-policies-'));
const POLICY_FILE = join(POLICY_DIR, 'sharewise-test.json');

/** Chromium's id for an unpacked extension: sha256 of its absolute path, first 32 hex digits mapped 0-f → a-p. */
export function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(realpathSync(path)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

describe('admin policy in chromium (real managed policy file)', () => {
  it('shows the company feed set by policy, ahead of the employee’s own URL, ignores a bad policy value and follows a policy change', async () => {
    const { server } = ctx;
    const id = unpackedExtensionId(extensionBuild('chromium'));
    const stop = server.handle((req, res) => {
      const { host, path } = hostAndPath(req);
      if (host !== FEED_HOST) return false;
      if (path === '/policy.json') {
        res
          .writeHead(200, { ...CORS, 'content-type': 'application/json' })
          .end(JSON.stringify(companyFeed('Policy feed: Acme for every warehouse')));
        return true;
      }
      if (path === '/policy2.json') {
        res
          .writeHead(200, { ...CORS, 'content-type': 'application/json' })
          .end(JSON.stringify(companyFeed('Policy changed: new quarter, new goal')));
        return true;
      }
      if (path === '/employee.json') {
        res
          .writeHead(200, { ...CORS, 'content-type': 'application/json' })
          .end(JSON.stringify(companyFeed('Employee feed')));
        return true;
      }
      return false;
    });
    let browser: Awaited<ReturnType<typeof launch>> | null = null;
    try {
      writeFileSync(
        POLICY_FILE,
        JSON.stringify({
          '3rdparty': {
            extensions: {
              [id]: {
                feedUrl: `https://${FEED_HOST}/policy.json`,
                reportEndpoint: 'http://not-https.example/in', // invalid: ignored with a logged reason
                companyName: 'Acme Robotics',
              },
            },
          },
        }),
      );
      browser = await launch('chromium', { policyDir: POLICY_DIR });
      expect(browser.extensionOrigin).toBe(`chrome-extension://${id}/`);
      const popup = await PopupPage.open(browser);
      // The employee's own URL must not win over the admin's.
      await setLocal(popup.page, { settings: settings({ feedUrl: `https://${FEED_HOST}/employee.json` }) });
      await waitUntil(
        async () => (await feedRow(browser!))?.source === `https://${FEED_HOST}/policy.json`,
        'the policy feed in the cache',
      );
      await popup.page.goto(`${browser.extensionOrigin}popup.html`);
      await popup.waitForHeadline('Policy feed: Acme for every warehouse');
      const managed = await popup.page.evaluate(async () =>
        (
          globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<unknown> } } } }
        ).chrome.storage.managed.get(),
      );
      expect(managed).toMatchObject({ companyName: 'Acme Robotics' });
      expect(server.requestsTo(FEED_HOST, '/employee.json').filter((r) => r.method === 'GET')).toHaveLength(0);

      // The admin changes the policy while the browser runs: Chromium reloads the file, the extension
      // sees storage.onChanged('managed') and fetches the new feed.
      writeFileSync(
        POLICY_FILE,
        JSON.stringify({ '3rdparty': { extensions: { [id]: { feedUrl: `https://${FEED_HOST}/policy2.json` } } } }),
      );
      await waitUntil(
        async () => (await feedRow(browser!))?.source === `https://${FEED_HOST}/policy2.json`,
        'the changed policy feed',
        60_000,
      );
      await popup.page.goto(`${browser.extensionOrigin}popup.html`);
      await popup.waitForHeadline('Policy changed: new quarter, new goal');
      expect(browser.extensionErrors).toEqual([]);
    } finally {
      rmSync(POLICY_FILE, { force: true });
      stop();
      await browser?.close();
    }
    expect(existsSync(POLICY_FILE)).toBe(false);
  });
});
