import { describe, expect, it } from 'vitest';
import { waitUntil } from './harness/page';
import { BROWSERS, readShares, useBrowser, useFixtureServer } from './helpers';
import { PopupPage } from './pages/popup';

useFixtureServer();

describe.each(BROWSERS)('the spine in %s', (name) => {
  const ctx = useBrowser(name);

  it('logs a post from the x.com composer and the popup counts it', async () => {
    const { browser } = ctx;
    const popup = await PopupPage.open(browser);
    await popup.waitForHeadline('Make Kestrel the most trusted name in warehouse robotics');
    expect(await popup.shareCount()).toBe(0);

    const x = await browser.open('https://x.com/home');
    await x.click('[data-testid="tweetTextarea_0"]');
    await x.type('Proud of the team behind the R7 https://kestrel-robotics.example/r7');
    await x.click('[data-testid="tweetButtonInline"]');
    await x.waitFor('[data-testid="toast"]');

    const shares = await waitUntil(async () => {
      const rows = await readShares(browser);
      return rows.length ? rows : null;
    }, 'a logged share');
    expect(shares).toHaveLength(1);
    expect(shares[0]).toMatchObject({
      network: 'x',
      kind: 'post',
      surface: 'composer',
      postId: 'p-2026-11-r7-launch',
      urls: ['https://kestrel-robotics.example/r7'],
    });
    await waitUntil(async () => (await popup.shareCount()) === 1, 'the popup to show 1 share');
  });
});
