import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness/axe';
import type { ExtensionBrowser } from './harness/browsers';
import { waitUntil } from './harness/page';
import { BROWSERS, readShares, useBrowser, useFixtureServer } from './helpers';
import { OptionsPage } from './pages/options';
import { WelcomePage } from './pages/welcome';
import type { Share } from '../../lib/shares';

useFixtureServer();

/** Fixture setup only: writes rows straight into the extension's database from an extension page. */
const SEED = async ({ table, rows }: { table: string; rows: unknown[] }): Promise<void> =>
  new Promise((ok, fail) => {
    const req = indexedDB.open('sharewise');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const tx = req.result.transaction(table, 'readwrite');
      for (const row of rows) tx.objectStore(table).put(row);
      tx.oncomplete = () => {
        req.result.close();
        ok();
      };
      tx.onerror = () => fail(tx.error);
    };
  });

/** Seeds rows, then opens the options page fresh (live queries do not observe raw IndexedDB writes). */
async function seedThenOpenOptions(browser: ExtensionBrowser, table: string, rows: unknown[]): Promise<OptionsPage> {
  const setup = await browser.openExtensionPage('/popup.html');
  await setup.evaluate(SEED, { table, rows });
  await setup.close();
  return OptionsPage.open(browser);
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

describe.each(BROWSERS)('the employee is in control, in %s', (name) => {
  const ctx = useBrowser(name);

  it('opens the welcome page once on install, with logging on and reporting off', async () => {
    const { browser } = ctx;
    const welcomeUrl = `${browser.extensionOrigin}welcome.html`;
    const tabs = await waitUntil(async () => {
      const urls = await browser.tabUrls();
      return urls.includes(welcomeUrl) ? urls : null;
    }, 'the welcome tab opened by the install');
    expect(tabs.filter((u) => u === welcomeUrl)).toHaveLength(1);

    const welcome = await WelcomePage.open(browser);
    expect(await welcome.isChecked('welcome-logging')).toBe(true);
    expect(await welcome.isChecked('welcome-reporting')).toBe(false);
    // Who reports are from is asked only once there are reports.
    expect(await welcome.page.evaluate(() => !!document.querySelector('[data-testid="identity-anonymous"]'))).toBe(
      false,
    );
    expect(
      await welcome.page.evaluate(() => document.querySelectorAll('[data-testid="welcome-steps"] > li').length),
    ).toBe(3);
    expect(await axeViolations(welcome.page)).toEqual([]);
    await welcome.page.click('[data-testid="welcome-reporting"]');
    await welcome.page.waitFor('[data-testid="identity-anonymous"]');
    expect(
      await welcome.page.evaluate(
        () => (document.querySelector('[data-testid="identity-anonymous"]') as HTMLInputElement).checked,
      ),
    ).toBe(true);
    expect(await axeViolations(welcome.page)).toEqual([]);

    // Naming oneself is a choice made by typing: the stored settings follow.
    await welcome.page.click('[data-testid="identity-named"]');
    await welcome.page.click('[data-testid="identity-name"]');
    await welcome.page.type('Ada Lovelace');
    await welcome.page.click('[data-testid="identity-email"]');
    await welcome.page.type('ada@example.com');
    await welcome.page.click('[data-testid="welcome-done"]');
    await welcome.page.waitFor('[data-testid="welcome-saved"]');
    const stored = await waitUntil(async () => {
      const s = await welcome.storedSettings();
      return s?.welcomed && s.reporting.email === 'ada@example.com' ? s : null;
    }, 'the welcome choices to be saved');
    expect(stored.reporting).toMatchObject({ enabled: true, name: 'Ada Lovelace', fields: { identity: 'named' } });
    expect(stored.installId).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    // Back to anonymous, and reporting off, for the next tests.
    await welcome.page.click('[data-testid="identity-anonymous"]');
    await waitUntil(
      async () => (await welcome.storedSettings())?.reporting.fields.identity === 'anonymous',
      'anonymous again',
    );
    await welcome.page.click('[data-testid="welcome-reporting"]');
    await waitUntil(async () => (await welcome.storedSettings())?.reporting.enabled === false, 'reporting off again');
    await welcome.page.close();
  });

  it('shows the exact next report, changing as fields are switched', async () => {
    const options = await OptionsPage.open(ctx.browser);
    expect(await options.previewJson()).toBeNull();
    expect(await options.page.text('[data-testid="preview-target"]')).toMatch(/off/i);

    // Keyboard: focus the switch and press Space, as a keyboard user would.
    await options.page.evaluate(() =>
      (document.querySelector('[data-testid="reporting-enabled"]') as HTMLElement).focus(),
    );
    await options.page.press(' ');
    let report = await options.waitForPreview('a report with identity only', (r) => r !== null);
    expect(Object.keys(report!).sort()).toEqual(['generatedAt', 'identity', 'period', 'schemaVersion']);
    expect(report!.identity).toEqual({ kind: 'anonymous', installId: expect.stringMatching(/^[A-Za-z0-9-]{8,64}$/) });

    await options.setSwitch('field-totalShares', true);
    report = await options.waitForPreview('totalShares', (r) => !!r && 'totalShares' in r);
    expect(report!.totalShares).toBe(0);
    await options.setSwitch('field-byNetwork', true);
    report = await options.waitForPreview('byNetwork', (r) => !!r && 'byNetwork' in r);
    expect(report!.byNetwork).toEqual({ linkedin: 0, x: 0 });

    await options.setSwitch('field-totalShares', false);
    report = await options.waitForPreview('totalShares gone', (r) => !!r && !('totalShares' in r));
    expect(report).not.toHaveProperty('totalShares');
    expect(await axeViolations(options.page)).toEqual([]);

    await options.setSwitch('reporting-enabled', false);
    await options.waitForPreview('nothing to send', (r) => r === null);
    await options.page.close();
  });

  it('opens with what the employer sees, in plain words; report fields wait for reporting; deep links land', async () => {
    const { browser } = ctx;
    const options = await seedThenOpenOptions(browser, 'shares', [
      {
        id: 'plain-1',
        at: Date.now(),
        network: 'linkedin',
        kind: 'post',
        postId: 'p-2026-11-r7-launch',
        surface: 'intent',
        urls: [],
      },
    ]);
    const page = options.page;
    const disabled = (id: string) =>
      page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)!.matches(':disabled'), id);
    // First on the page, before any switch.
    expect(await page.evaluate(() => document.querySelector('main h2')?.id)).toBe('preview');
    expect(await page.text('#preview')).toBe('Your employer currently sees');
    expect(await page.text('[data-testid="preview-target"]')).toBe('Reporting is off: nothing is sent.');
    // While reporting is off, what a report would contain cannot be changed.
    for (const id of [
      'field-totalShares',
      'field-approvedPosts',
      'field-shareLinks',
      'time-detail-day',
      'bonus-points',
      'identity-named',
    ]) {
      expect(await disabled(id), id).toBe(true);
    }
    await options.setSwitch('reporting-enabled', true);
    expect(await disabled('field-totalShares')).toBe(false);
    await options.setSwitch('field-totalShares', true);
    await options.setSwitch('field-approvedPosts', true);
    const report = await options.waitForPreview(
      'the approved post',
      (r) => Array.isArray(r?.approvedPosts) && (r.approvedPosts as unknown[]).length > 0,
    );
    expect(report!.approvedPosts).toEqual([{ postId: 'p-2026-11-r7-launch', shares: 1 }]);

    // In plain words: the post's title, who in words, the period as dates; the bytes behind "Show exact data".
    await waitUntil(
      async () => (await page.text('[data-testid="preview-posts"]')) === 'The R7 is here — 1 share',
      'the post title',
    );
    expect(await page.text('[data-testid="preview-total"]')).toBe('1 share');
    expect(await page.text('[data-testid="preview-who"]')).toBe('Pseudonymous (a random id, not your name)');
    const period = report!.period as { start: string; end: string };
    const lastDay = new Date(`${period.end}T12:00:00`);
    lastDay.setDate(lastDay.getDate() - 1);
    const first = Number(period.start.slice(8));
    const shown = (await page.text('[data-testid="preview-period"]'))!.replace(/\s+/g, ' ');
    expect(shown).toMatch(new RegExp(`^${first}( [A-Z][a-z]{2})? ?– ?${lastDay.getDate()} [A-Z][a-z]{2}$`));
    const readable = (await page.text('[data-testid="preview-readable"]'))!;
    for (const raw of [
      (report!.identity as { installId: string }).installId,
      'p-2026-11-r7-launch',
      'null',
      'exclusive',
      period.start,
    ]) {
      expect(readable).not.toContain(raw);
    }
    expect(
      await page.evaluate(() => (document.querySelector('[data-testid="preview-exact"]') as HTMLDetailsElement).open),
    ).toBe(false);
    await page.click('[data-testid="preview-exact"] > summary');
    await page.waitFor('[data-testid="preview-exact"][open]');
    expect(await axeViolations(page)).toEqual([]);

    await options.setSwitch('field-approvedPosts', false);
    await options.setSwitch('field-totalShares', false);
    await options.setSwitch('reporting-enabled', false);
    await page.close();

    // Deep links: the popup's privacy chip opens #preview; #data and a section under "Advanced" land too.
    for (const [hash, target] of [
      ['#data', 'data'],
      ['#feed', 'feed'],
    ] as const) {
      const linked = await browser.openExtensionPage(`/options.html${hash}`, `[data-testid="options"]`);
      await waitUntil(
        () =>
          linked.evaluate((id) => {
            const el = document.getElementById(id)!;
            // Sub-pixel layout may leave the heading a fraction of a pixel above the top edge.
            const top = el.getBoundingClientRect().top;
            return (
              window.scrollY > 0 && top > -2 && top < window.innerHeight - 40 && el.closest('details')?.open !== false
            );
          }, target),
        `${hash} to be scrolled into view`,
      );
      await linked.close();
    }
  });

  it('logs nothing on x.com while paused, and logs again after resuming', async () => {
    const { browser } = ctx;
    const before = new Set((await readShares(browser)).map((s) => s.id));
    const options = await OptionsPage.open(browser);
    await options.pauseUntilResumed();

    const x = await browser.open('https://x.com/home');
    await x.click('[data-testid="tweetTextarea_0"]');
    await x.type('Posted while paused');
    await x.click('[data-testid="tweetButtonInline"]');
    await x.waitFor('[data-testid="toast"]');

    await options.resume();
    await x.goto('https://x.com/home');
    await x.click('[data-testid="tweetTextarea_0"]');
    await x.type('Posted after resuming');
    await x.click('[data-testid="tweetButtonInline"]');
    await x.waitFor('[data-testid="toast"]');

    const shares = await waitUntil(async () => {
      const added = (await readShares(browser)).filter((s) => !before.has(s.id));
      return added.length ? added : null;
    }, 'the share posted after resuming');
    // The paused post was sent to the background first; only the later one is logged.
    expect(shares.map((s) => s.text)).toEqual(['Posted after resuming']);

    // Pausing until a date: logging resumes at the start of that day, local time.
    await options.page.evaluate(() => {
      const input = document.querySelector('[data-testid="pause-date"]') as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '2099-01-02');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await options.page.click('[data-testid="pause-until-date"]');
    const expected = await options.page.evaluate(() => new Date(2099, 0, 2).getTime());
    await waitUntil(
      async () => (await options.storedSettings())?.tracking?.pausedUntil === expected,
      'the pause date to be saved',
    );
    expect(await options.page.text('[data-testid="pause-status"]')).toMatch(/2099/);
    await options.resume();
    await x.close();
    await options.page.close();
  });

  it('exports everything, deletes everything, and the import restores the history', async () => {
    const { browser } = ctx;
    const seeded: Share[] = [
      {
        id: 'seed-1',
        at: Date.UTC(2026, 9, 1, 9),
        network: 'linkedin',
        kind: 'post',
        postId: 'p-2026-11-r7-launch',
        surface: 'intent',
        urls: ['https://kestrel-robotics.example/r7'],
      },
      {
        id: 'seed-2',
        at: Date.UTC(2026, 9, 2, 9),
        network: 'x',
        kind: 'quote',
        postId: null,
        surface: 'composer',
        urls: [],
        text: 'A "quoted", multi\nline text',
      },
    ];
    const options = await seedThenOpenOptions(browser, 'shares', seeded);
    const history = (await readShares(browser)).sort(byId);
    expect(history.length).toBeGreaterThanOrEqual(2);
    await waitUntil(
      async () => (await options.historyIds()).length === history.length,
      'the history to list every share',
    );

    const file = await options.exportJson();
    const exported = JSON.parse(file);
    expect(exported).toMatchObject({ format: 'sharewise-export', schemaVersion: 1 });
    expect([...exported.shares].sort(byId)).toEqual(history);

    await options.deleteAll();
    await options.page.waitFor('[data-testid="history-empty"]');
    await waitUntil(async () => /deleted/i.test(await options.status()), 'the delete to be confirmed');
    expect(await readShares(browser)).toEqual([]);

    await options.importFile('{"format":"something else"}', 'not-an-export.json');
    await waitUntil(async () => /not a Sharewise export/i.test(await options.status()), 'the not-an-export message');
    const broken = JSON.parse(file);
    broken.shares.push({ id: 'bad', network: 'myspace' });
    await options.importFile(JSON.stringify(broken), 'broken.json');
    await waitUntil(async () => /damaged/i.test(await options.status()), 'the damaged-file message');
    expect(await readShares(browser)).toEqual([]);

    await options.importFile(file);
    await waitUntil(
      async () => (await options.status()).includes(`Imported ${history.length}`),
      'the import to finish',
    );
    expect((await readShares(browser)).sort(byId)).toEqual(history);
    // Importing the same file again adds nothing.
    await options.importFile(file);
    await waitUntil(async () => (await options.status()).startsWith('Imported 0'), 'the second import');
    expect(await readShares(browser)).toHaveLength(history.length);

    // Filter to own posts, then delete one share from the history.
    await options.page.evaluate(() => {
      const select = document.querySelector('[data-testid="history-filter"]') as HTMLSelectElement;
      select.value = 'own';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const own = history
      .filter((s) => s.postId === null)
      .map((s) => s.id)
      .sort();
    await waitUntil(
      async () => JSON.stringify((await options.historyIds()).sort()) === JSON.stringify(own),
      'only own posts listed',
    );
    await options.page.click('[data-share-id="seed-2"] [data-testid="history-delete"]');
    await waitUntil(async () => !(await options.historyIds()).includes('seed-2'), 'seed-2 to disappear');
    expect((await readShares(browser)).map((s) => s.id).sort()).toEqual(
      history
        .map((s) => s.id)
        .filter((id) => id !== 'seed-2')
        .sort(),
    );
    await options.page.close();
  });

  it('lists every report that left the browser, with its payload and the response', async () => {
    const options = await seedThenOpenOptions(ctx.browser, 'sentLog', [
      {
        id: 1,
        at: Date.UTC(2026, 10, 23, 8),
        key: 'k1',
        endpoint: 'https://reports.sharewise.test/in',
        ok: true,
        status: 202,
        response: 'accepted',
        payload: {
          schemaVersion: 1,
          identity: { kind: 'anonymous', installId: 'abcdefgh-1' },
          period: { kind: 'week', start: '2026-11-16', end: '2026-11-23' },
          generatedAt: '2026-11-23T08:00:00.000Z',
          totalShares: 4,
        },
      },
    ]);
    await options.page.waitFor('[data-testid="sent-log-row"]');
    const row = (await options.page.text('[data-testid="sent-log-row"]')) ?? '';
    expect(row).toContain('https://reports.sharewise.test/in');
    expect(row).toContain('202');
    expect(row).toContain('"totalShares": 4');
    expect(row).toContain('accepted');
    await options.page.close();
  });
});

describe.each(BROWSERS)('welcome and options in German and the dark theme, in %s', (name) => {
  const ctx = useBrowser(name, { colorScheme: 'dark', locale: 'de' });

  it('speaks German', async () => {
    const welcome = await WelcomePage.open(ctx.browser);
    expect(await welcome.page.text('h1')).toBe('Willkommen bei Sharewise');
    await welcome.page.close();
    const options = await OptionsPage.open(ctx.browser);
    expect(await options.page.text('#preview')).toBe('Ihr Arbeitgeber sieht derzeit');
    expect(await options.page.text('[data-testid="preview-target"]')).toBe('Meldung ist aus: es wird nichts gesendet.');
    await options.page.close();
  });

  it.each(['/welcome.html', '/options.html'])('%s follows the system theme and passes axe', async (path) => {
    const page = await ctx.browser.openExtensionPage(path, 'main');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    // The dark background of the one theme every page shares (components/theme.css).
    expect(background).toBe('rgb(21, 23, 28)');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

type ChromeLocal = {
  QUOTA_BYTES: number;
  getBytesInUse(keys: null): Promise<number>;
  set(items: object): Promise<void>;
  remove(key: string): Promise<void>;
};
/** Fills storage.local to its quota from an extension page: any write that grows it is then refused. */
const FILL_STORAGE = async (): Promise<{ used: number; quota: number }> => {
  const local = (globalThis as unknown as { chrome: { storage: { local: ChromeLocal } } }).chrome.storage.local;
  const key = 'e2eFiller';
  // The background may grow its own keys between the measure and the write (CI saw the filler refused):
  // measured again and retried until the filler fits exactly.
  for (let attempt = 1; ; attempt++) {
    await local.remove(key);
    // Counted as key plus JSON: the string's quotes are two bytes.
    const room = local.QUOTA_BYTES - (await local.getBytesInUse(null)) - key.length - 2;
    try {
      await local.set({ [key]: 'x'.repeat(room) });
      return { used: await local.getBytesInUse(null), quota: local.QUOTA_BYTES };
    } catch (err) {
      if (attempt >= 5) throw err;
    }
  }
};
const FREE_STORAGE = () =>
  (globalThis as unknown as { chrome: { storage: { local: ChromeLocal } } }).chrome.storage.local.remove('e2eFiller');

// Firefox sets no quota on storage.local, so only Chromium can be made to refuse a settings write for real;
// the page's side (refused, or not stored) is unit-tested for both (tests/unit/settings-store.test.tsx).
describe('a settings change the browser cannot store, in chromium', () => {
  const ctx = useBrowser('chromium');

  it('is said on the page, and the switch shows what is stored; stored once there is room again', async () => {
    const options = await OptionsPage.open(ctx.browser);
    const keepText = () =>
      options.page.evaluate(() => (document.querySelector('[data-testid="keep-text"]') as HTMLInputElement).checked);
    expect(await keepText()).toBe(true);
    const { used, quota } = await options.page.evaluate(FILL_STORAGE);
    expect(used).toBe(quota);

    // Off is one byte longer than on ("false"): the background's write of it does not fit.
    await options.page.click('[data-testid="keep-text"]');
    await options.page.waitFor('[data-testid="settings-refused"]');
    expect(await options.page.text('[data-testid="settings-refused"] strong')).toBe('This change was not saved.');
    expect(await keepText()).toBe(true);
    expect((await options.storedSettings())?.keepText ?? true).toBe(true);
    expect(await axeViolations(options.page)).toEqual([]);

    await options.page.evaluate(FREE_STORAGE);
    await options.page.click('[data-testid="settings-refused-close"]');
    await waitUntil(
      () => options.page.evaluate(() => !document.querySelector('[data-testid="settings-refused"]')),
      'the message to close',
    );
    await options.page.click('[data-testid="keep-text"]');
    await waitUntil(async () => (await options.storedSettings())?.keepText === false, 'keepText off to be stored');
    expect(await keepText()).toBe(false);
    expect(await options.page.evaluate(() => !document.querySelector('[data-testid="settings-refused"]'))).toBe(true);
    await options.page.close();
  });
});
