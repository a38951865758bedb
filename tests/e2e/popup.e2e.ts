import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness/axe';
import type { ExtensionBrowser } from './harness/browsers';
import { waitUntil } from './harness/page';
import { BROWSERS, readShares, useBrowser, useFixtureServer } from './helpers';
import { PopupPage } from './pages/popup';

const fixtures = useFixtureServer();

const R7 = 'p-2026-11-r7-launch';
const R7_TEXT =
  'Meet the R7: our new autonomous picker handles 40% more totes per hour and charges itself between shifts. Proud of the team that built it.';
/** The demo's active posts, newest first (the expired webinar never shows). */
const DEMO_ORDER = [
  'p-2026-11-logimat-talk',
  'p-2026-11-hiring-firmware',
  R7,
  'p-2026-11-safety-report',
  'p-2026-11-case-nordfrost',
  'p-2026-10-open-source-map',
  'p-2026-10-apprentices',
  'p-2026-10-energy',
];

/** "49 to go · 3 days left" for the demo's monthly program, as the popup says it today. */
function toGo(points: number, lang: 'en' | 'de'): string {
  const now = new Date();
  const days = Math.max(
    1,
    Math.ceil((new Date(now.getFullYear(), now.getMonth() + 1, 1).getTime() - now.getTime()) / 86_400_000),
  );
  if (lang === 'de') return `Noch ${points} Punkte · ${days === 1 ? 'letzter Tag' : `noch ${days} Tage`}`;
  return `${points} to go · ${days === 1 ? 'last day' : `${days} days left`}`;
}

/** axe on the whole popup, disclosures open, after checking the theme really is the one asked for. */
async function checkAxe(browser: ExtensionBrowser, scheme: 'light' | 'dark') {
  const popup = await PopupPage.open(browser);
  await popup.waitForPosts();
  await popup.page.waitFor('[data-testid="points"]');
  const bg = await popup.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe(scheme === 'dark' ? 'rgb(21, 23, 28)' : 'rgb(255, 255, 255)');
  // Open the disclosures too, so the editor and the chart's table are checked as well.
  await popup.page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  expect(await axeViolations(popup.page)).toEqual([]);
  await popup.page.close();
}

describe.each(BROWSERS)('the popup in %s', (name) => {
  const ctx = useBrowser(name, { colorScheme: 'light' });

  it('shows the vision, the demo feed newest first, and explains the demo on first run', async () => {
    const popup = await PopupPage.open(ctx.browser);
    await popup.waitForHeadline('Make Kestrel the most trusted name in warehouse robotics');
    expect(await popup.text('[data-testid="company-name"]')).toBe('Kestrel Robotics (demo)');
    const bar = await popup.page.evaluate(() => {
      const el = document.querySelector('[data-testid="measure-leads"] [role="progressbar"]')!;
      return ['aria-label', 'aria-valuenow', 'aria-valuemax', 'aria-valuetext'].map((a) => el.getAttribute(a));
    });
    expect(bar).toEqual(['Qualified leads from social', '182', '300', '182 of 300 leads']);
    // Its period and date are one click away ("Why it matters"), with the statement.
    expect(await popup.text('[data-testid="measure-when-leads"]')).toMatch(
      /^Qualified leads from social: 2026-Q4 · as of .*2026$/,
    );
    expect(
      await popup.page.evaluate(() => (document.querySelector('[data-testid="why"]') as HTMLDetailsElement).open),
    ).toBe(false);

    expect(await popup.waitForPosts()).toEqual(DEMO_ORDER);
    expect(await popup.shareButtons('p-2026-11-hiring-firmware')).toEqual(['linkedin']);
    expect(await popup.shareButtons('p-2026-11-logimat-talk')).toEqual(['x']);
    expect(await popup.text('[data-testid="demo-notice"]')).toContain('Demo company');
    await popup.page.waitFor('[data-testid="no-shares"]');
    expect(await popup.text('[data-testid="no-shares"]')).toBe('Share your first post to start earning points.');
    expect(await popup.text('[data-testid="points"]')).toBe('0 / 100 points');
    expect(await popup.text('[data-testid="points-remaining"]')).toBe(toGo(100, 'en'));
    // Reporting is off (the default): the popup says the employer cannot credit these points.
    expect(await popup.text('[data-testid="credit"]')).toContain(
      "Kestrel Robotics (demo) can't credit these points yet",
    );
    expect(await popup.text('[data-testid="privacy-chip"]')).toBe('Private');

    // "What my employer sees" links to the options page (built by the privacy work), opening in a tab.
    const link = await popup.page.evaluate(() => {
      const a = document.querySelector('a[data-testid="employer-view"]') as HTMLAnchorElement;
      return [a.textContent, a.href, a.target];
    });
    expect(link).toEqual(['What my employer sees', `${ctx.browser.extensionOrigin}options.html#preview`, '_blank']);
    expect(
      await popup.page.evaluate(
        () => (document.querySelector('a[data-testid="privacy-chip"]') as HTMLAnchorElement).href,
      ),
    ).toBe(`${ctx.browser.extensionOrigin}options.html#preview`);
    // The demo line goes when dismissed, and stays gone.
    await popup.page.click('[data-testid="demo-dismiss"]');
    await waitUntil(async () => (await popup.text('[data-testid="demo-notice"]')) === null, 'the demo line to go');
    await popup.page.close();
    const again = await PopupPage.open(ctx.browser);
    await again.waitForPosts();
    expect(await again.text('[data-testid="demo-notice"]')).toBeNull();
    await again.page.close();
  });

  it('filters by network and is usable with the keyboard alone', async () => {
    const popup = await PopupPage.open(ctx.browser);
    await popup.waitForPosts();
    // Tab to the filter (the first control), then arrow keys move between the radio buttons.
    await waitUntil(async () => {
      await popup.page.press('Tab');
      return popup.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'network');
    }, 'the filter to get keyboard focus');
    await popup.page.press('ArrowRight');
    await waitUntil(async () => (await popup.postIds()).length === 6, 'LinkedIn posts only');
    expect(await popup.postIds()).not.toContain('p-2026-11-logimat-talk');
    await popup.page.press('ArrowRight');
    await waitUntil(
      async () => (await popup.postIds()).length === 6 && (await popup.postIds())[0] === 'p-2026-11-logimat-talk',
      'X posts only',
    );
    expect(await popup.postIds()).not.toContain('p-2026-11-hiring-firmware');
    await popup.page.close();
  });

  it('lets the employee reword a post, counts characters and hints gently at identical text', async () => {
    const popup = await PopupPage.open(ctx.browser);
    await popup.waitForPosts();
    const card = popup.post(R7);
    await popup.page.click(`${card} summary`);
    await popup.page.waitFor(`${card} textarea`);
    expect(await popup.text(`${card} [data-testid="char-count"]`)).toContain('X: 183 / 280');
    // About to share the exact suggested text: one line, sharing stays possible.
    await popup.page.evaluate(
      (sel) => (document.querySelector(`${sel} [data-testid="share-x"]`) as HTMLElement).focus(),
      card,
    );
    expect(await popup.text(`${card} [data-testid="hint"]`)).toContain('a sentence of your own');
    // Picking a variant is still a suggestion; writing one's own sentence removes the hint.
    await popup.page.evaluate((sel) => {
      const select = document.querySelector(`${sel} select`) as HTMLSelectElement;
      select.focus();
    }, card);
    await popup.page.press('ArrowDown');
    await waitUntil(
      async () => (await popup.text(`${card} [data-testid="post-text"]`))?.startsWith('We just launched the R7'),
      'variant 1 chosen',
    );
    await popup.page.click(`${card} textarea`);
    await popup.page.press('Control+End');
    await popup.page.type(' My team built the gripper!');
    await popup.page.evaluate(
      (sel) => (document.querySelector(`${sel} [data-testid="share-x"]`) as HTMLElement).focus(),
      card,
    );
    await waitUntil(async () => (await popup.text(`${card} [data-testid="hint"]`)) === null, 'the hint to go away');
    expect(await popup.text(`${card} [data-testid="post-text"]`)).toMatch(/gripper!$/);
    await popup.page.close();
  });

  it('shares on X in one click: the intent carries the post, posting logs one share, progress and "Shared ✓" update', async () => {
    const { browser } = ctx;
    const popup = await PopupPage.open(browser);
    await popup.waitForPosts();
    expect(await popup.shareCount()).toBe(0);

    await popup.share(R7, 'x');
    const intent = await browser.waitForPage((u) => u.startsWith('https://x.com/intent/post?'), 'the X intent tab');
    const query = new URL(intent.url()).searchParams;
    expect(query.get('text')).toBe(R7_TEXT);
    expect(query.get('url')).toBe(`https://kestrel-robotics.example/r7?utm_source=sharewise&utm_campaign=${R7}`);
    expect(query.get('hashtags')).toBe('robotics,logistics');
    await intent.waitFor('[data-testid="tweetButton"]:not([disabled])');
    expect(await intent.text('[data-testid="tweetTextarea_0"]')).toContain(R7_TEXT);
    await intent.click('[data-testid="tweetButton"]');
    await intent.waitFor('[data-testid="toast"]');

    const shares = await waitUntil(async () => {
      const rows = await readShares(browser);
      return rows.length ? rows : null;
    }, 'a logged share');
    expect(shares).toHaveLength(1);
    expect(shares[0]).toMatchObject({ network: 'x', postId: R7, surface: 'intent' });

    expect(await popup.waitForShared(R7, 'x')).toBe('Shared on X ✓');
    expect(await popup.text(`${popup.post(R7)} [data-testid="shared-linkedin"]`)).toBeNull();
    await waitUntil(async () => (await popup.text('[data-testid="points"]')) === '5 / 100 points', 'points to update');
    expect(await popup.text('[data-testid="points-remaining"]')).toBe(toGo(95, 'en'));
    expect(await popup.shareCount()).toBe(1);
    expect(await popup.text('[data-testid="share-count"]')).toBe('1 share this month');
    expect(await popup.text('[data-testid="rhythm"]')).toBe('active 1 of 4 weeks');
    // Still to share on LinkedIn: the post stays among those ready to share.
    expect(
      await popup.page.evaluate(
        (sel) => !document.querySelector(sel)!.closest('[data-testid="already-shared"]'),
        popup.post(R7),
      ),
    ).toBe(true);
    expect(await popup.text('[data-testid="no-shares"]')).toBeNull();
    await intent.close();
    await popup.page.close();
  });

  it('shares on LinkedIn by opening the composer with the text, campaign link and hashtags', async () => {
    const { browser } = ctx;
    const popup = await PopupPage.open(browser);
    await popup.waitForPosts();
    const before = fixtures.server.requestsTo('www.linkedin.com', '/feed/?').length;
    await popup.share('p-2026-11-hiring-firmware', 'linkedin');
    // LinkedIn's page tidies `shareActive` and `text` out of its address once loaded (the fixture does
    // too), so read the URL the new tab asked the server for rather than the tab's current address.
    const request = await waitUntil(
      () => fixtures.server.requestsTo('www.linkedin.com', '/feed/?')[before],
      'the LinkedIn composer tab to load',
    );
    const query = new URL(request.path, 'https://www.linkedin.com').searchParams;
    expect(query.get('shareActive')).toBe('true');
    expect(query.get('text')).toBe(
      'My team is hiring firmware engineers in Lyon and Leeds. Real robots, real warehouses, and a four-day on-site rhythm. Happy to answer questions.' +
        '\n\nhttps://kestrel-robotics.example/careers/firmware?utm_source=sharewise&utm_campaign=p-2026-11-hiring-firmware' +
        '\n\n#hiring #embedded',
    );
    // The pending intent that lets the background attribute the coming share to this post.
    const intents = await waitUntil(async () => {
      const rows = await browser.readTable<{ postId: string; network: string }>('intents');
      return rows.find((r) => r.network === 'linkedin') ? rows : null;
    }, 'a LinkedIn intent');
    expect(intents.filter((r) => r.network === 'linkedin').map((r) => r.postId)).toEqual(['p-2026-11-hiring-firmware']);
    const tab = await browser.waitForPage(
      (u) => u.startsWith('https://www.linkedin.com/feed/'),
      'the LinkedIn composer tab',
    );
    await tab.close();
    await popup.page.close();
  });

  it('copies the text with its campaign link and hashtags', async () => {
    const popup = await PopupPage.open(ctx.browser);
    await popup.waitForPosts();
    await popup.page.click(`${popup.post('p-2026-10-energy')} [data-testid="copy"]`);
    await waitUntil(() => popup.text(`${popup.post('p-2026-10-energy')} .note`), 'the copy note');
    expect(await popup.text(`${popup.post('p-2026-10-energy')} .note`)).toBe('Copied with the link and hashtags.');
    await popup.page.close();
  });

  it('has no accessibility violations in the light theme', () => checkAxe(ctx.browser, 'light'));
});

describe.each(BROWSERS)('the popup in the dark theme (%s)', (name) => {
  const ctx = useBrowser(name, { colorScheme: 'dark' });

  it('has no accessibility violations', () => checkAxe(ctx.browser, 'dark'));
});

describe.each(BROWSERS)('the popup in German (%s)', (name) => {
  const ctx = useBrowser(name, { locale: 'de' });

  it('renders its own strings in German', async () => {
    const popup = await PopupPage.open(ctx.browser);
    await popup.waitForPosts();
    expect(await popup.text('#posts-heading')).toBe('Bereit zum Teilen');
    expect(await popup.text(`${popup.post(R7)} [data-testid="share-x"]`)).toBe('Auf X teilen +5 (5 Punkte)');
    await popup.page.waitFor('[data-testid="points-remaining"]');
    expect(await popup.text('[data-testid="points-remaining"]')).toBe(toGo(100, 'de'));
    expect(await popup.text('[data-testid="no-shares"]')).toBe(
      'Teilen Sie Ihren ersten Beitrag, um Punkte zu sammeln.',
    );
    expect(await popup.text('[data-testid="measure-leads"] .measure-value')).toBe('182 von 300 leads');
    expect(await popup.page.evaluate(() => document.documentElement.lang)).toMatch(/^de/);
    expect(await axeViolations(popup.page)).toEqual([]);
    await popup.page.close();
  });
});
