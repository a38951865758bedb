import { describe, expect, it } from 'vitest';
import type { TestPage } from './harness/page';
import { BROWSERS, useBrowser, useFixtureServer } from './helpers';
import { failNext, postSentinel, ShareLog, waitForNotice } from './pages/detect';

// Share detection on X (x.com and twitter.com) against tests/fixtures/x/. Every case runs in
// Chromium; the cases marked `firefox` run in Firefox too (one browser per describe).

const { server } = useFixtureServer();
const R7 = 'https://kestrel-robotics.example/r7';
const TOAST = '[data-testid="toast"]';
const INLINE_BOX = '[data-fixture="inline-composer"] [data-testid="tweetTextarea_0"]';
const MODAL = '[role="dialog"][data-fixture="modal-composer"]';

interface Case {
  name: string;
  /** Also in Firefox. Route following there relies on WXT's 1 s URL polling (no Navigation API), so the
   *  quick close-then-Back case is Chromium only. */
  firefox?: boolean;
  run(t: { page: TestPage; log: ShareLog }): Promise<void>;
}

const cases: Case[] = [
  {
    name: 'logs a post from the home timeline composer (click), attributed by its link',
    firefox: true,
    async run({ page, log }) {
      await page.goto('https://x.com/home');
      await page.click(INLINE_BOX);
      await page.type(`Proud of the team behind the R7 ${R7}`);
      await page.click('[data-testid="tweetButtonInline"]');
      const rows = await log.waitForCount(1);
      expect(rows).toEqual([
        expect.objectContaining({ network: 'x', kind: 'post', surface: 'composer', postId: 'p-2026-11-r7-launch', urls: [R7], text: `Proud of the team behind the R7 ${R7}` }),
      ]);
    },
  },
  {
    name: 'logs a post sent with Ctrl+Enter on a German page',
    firefox: true,
    async run({ page, log }) {
      await page.goto('https://x.com/home?lang=de');
      await page.click(INLINE_BOX);
      await page.type('Tastatur statt Knopf');
      await page.press('Control+Enter');
      await waitForNotice(page, TOAST, 'Dein Post wurde gesendet.');
      expect(await log.waitForCount(1)).toEqual([expect.objectContaining({ kind: 'post', surface: 'composer', postId: null, text: 'Tastatur statt Knopf' })]);
    },
  },
  {
    name: 'follows the client-side route to the modal composer; the side-nav "Post" button alone logs nothing',
    firefox: true,
    async run({ page, log }) {
      await page.goto('https://x.com/home');
      await page.click('[data-testid="SideNav_NewTweet_Button"]');
      await page.waitFor(MODAL);
      expect(await page.evaluate(() => location.pathname)).toBe('/compose/post');
      await page.click(`${MODAL} [data-testid="tweetTextarea_0"]`);
      await page.type('From the modal composer');
      await page.click(`${MODAL} [data-testid="tweetButton"]`);
      const text = 'From the modal composer';
      await waitForNotice(page, TOAST, 'Your post was sent.');
      const sentinel = await postSentinel(page, 'x');
      expect((await log.waitForText(sentinel)).map((r) => r.text)).toEqual([text, sentinel]);
    },
  },
  {
    name: 'logs a post from /compose/post loaded directly, on twitter.com',
    firefox: true,
    async run({ page, log }) {
      await page.goto('https://twitter.com/compose/post');
      await page.click(`${MODAL} [data-testid="tweetTextarea_0"]`);
      await page.type('Hello from twitter.com');
      await page.click(`${MODAL} [data-testid="tweetButton"]`);
      expect(await log.waitForCount(1)).toEqual([expect.objectContaining({ network: 'x', kind: 'post', surface: 'composer', text: 'Hello from twitter.com' })]);
    },
  },
  {
    name: 'logs a thread as one share with all its parts',
    firefox: true,
    async run({ page, log }) {
      await page.goto('https://x.com/compose/post');
      await page.click(`${MODAL} [data-testid="tweetTextarea_0"]`);
      await page.type('Thread part one');
      await page.click(`${MODAL} [data-testid="addButton"]`);
      await page.click(`${MODAL} [data-testid="tweetTextarea_1"]`);
      await page.type('Thread part two');
      await page.click(`${MODAL} [data-testid="tweetButton"]`);
      await waitForNotice(page, TOAST, 'Your post was sent.');
      const sentinel = await postSentinel(page, 'x');
      const rows = await log.waitForText(sentinel);
      expect(rows.map((r) => r.text)).toEqual(['Thread part one\n\nThread part two', sentinel]);
    },
  },
  {
    name: 'logs a post from the intent page (/intent/post) as surface "intent", attributed',
    firefox: true,
    async run({ page, log }) {
      await page.goto(`https://x.com/intent/post?text=${encodeURIComponent('The R7 is here')}&url=${encodeURIComponent(R7)}&hashtags=robotics`);
      await page.click('[data-testid="tweetButton"]');
      expect(await log.waitForCount(1)).toEqual([
        expect.objectContaining({ kind: 'post', surface: 'intent', postId: 'p-2026-11-r7-launch', text: `The R7 is here ${R7} #robotics` }),
      ]);
    },
  },
  {
    name: 'logs a post from the older /intent/tweet path on twitter.com as surface "intent"',
    firefox: true,
    async run({ page, log }) {
      await page.goto(`https://twitter.com/intent/tweet?text=${encodeURIComponent('Old intent path')}`);
      await page.click('[data-testid="tweetTextarea_0"]');
      await page.press('Control+Enter');
      expect(await log.waitForCount(1)).toEqual([expect.objectContaining({ surface: 'intent', text: 'Old intent path' })]);
    },
  },
  {
    name: 'logs a repost (retweet → retweetConfirm) as kind "repost", reading no post text',
    firefox: true,
    async run({ page, log }) {
      await page.goto('https://x.com/home');
      await page.click('article[data-id="1850000000000000002"] [data-testid="retweet"]');
      await page.click('[data-testid="retweetConfirm"]');
      await page.waitFor('article[data-id="1850000000000000002"] [data-testid="unretweet"]');
      const sentinel = await postSentinel(page, 'x');
      const rows = await log.waitForText(sentinel);
      expect(rows[0]).toEqual(expect.objectContaining({ kind: 'repost', surface: 'composer', postId: null, urls: [] }));
      expect(rows[0]).not.toHaveProperty('text');
      expect(rows).toHaveLength(2);
    },
  },
  {
    name: 'logs a repost through the newer repostConfirm item on a German page',
    firefox: true,
    async run({ page, log }) {
      await page.goto('https://x.com/home?lang=de&repostTestId=repostConfirm');
      await page.click('article[data-id="1850000000000000003"] [data-testid="retweet"]');
      await page.click('[data-testid="repostConfirm"]');
      expect(await log.waitForCount(1)).toEqual([expect.objectContaining({ kind: 'repost' })]);
    },
  },
  {
    name: 'logs a quote post as kind "quote"',
    firefox: true,
    async run({ page, log }) {
      await page.goto('https://x.com/home');
      await page.click('article[data-id="1850000000000000002"] [data-testid="retweet"]');
      await page.click('[role="menu"] a[role="menuitem"]');
      await page.waitFor(`${MODAL} [data-fixture="quoted"]`);
      await page.click(`${MODAL} [data-testid="tweetTextarea_0"]`);
      await page.type('Worth a read');
      await page.click(`${MODAL} [data-testid="tweetButton"]`);
      await waitForNotice(page, TOAST, 'Your post was sent.');
      const sentinel = await postSentinel(page, 'x');
      const rows = await log.waitForText(sentinel);
      expect(rows.map((r) => [r.kind, r.text])).toEqual([['quote', 'Worth a read'], ['post', sentinel]]);
    },
  },
  {
    name: 'does not log replies (status page inline box, reply modal)',
    firefox: true,
    async run({ page, log }) {
      await page.goto('https://x.com/kestrel/status/1850000000000000002');
      await page.click('[data-testid="tweetTextarea_0"]');
      await page.type('A reply, not a share');
      await page.click('[data-testid="tweetButtonInline"]');
      await waitForNotice(page, TOAST, 'Your post was sent.');
      await page.goto('https://x.com/home');
      await page.click('article[data-id="1850000000000000003"] [data-testid="reply"]');
      await page.click('[data-fixture="reply-composer"] [data-testid="tweetTextarea_0"]');
      await page.type('Another reply');
      await page.click('[data-fixture="reply-composer"] [data-testid="tweetButton"]');
      await waitForNotice(page, TOAST, 'Your post was sent.');
      const sentinel = await postSentinel(page, 'x');
      expect((await log.waitForText(sentinel)).map((r) => r.text)).toEqual([sentinel]);
    },
  },
  {
    name: 'follows route changes: a reply modal closed and a composer reopened by Back is a post again',
    async run({ page, log }) {
      await page.goto('https://x.com/home');
      await page.click('article[data-id="1850000000000000003"] [data-testid="reply"]');
      await page.waitFor('[data-fixture="reply-composer"]');
      await page.click('[data-testid="app-bar-close"]');
      expect(await page.evaluate(() => location.pathname)).toBe('/home');
      await page.evaluate(() => history.back());
      await page.waitFor(MODAL);
      await page.click(`${MODAL} [data-testid="tweetTextarea_0"]`);
      await page.type('Not a reply any more');
      await page.click(`${MODAL} [data-testid="tweetButton"]`);
      expect(await log.waitForCount(1)).toEqual([expect.objectContaining({ kind: 'post', text: 'Not a reply any more' })]);
    },
  },
  {
    name: 'does not log clicks on a disabled/empty composer or a scheduled post',
    firefox: true,
    async run({ page, log }) {
      await page.goto('https://x.com/home');
      await page.click('[data-testid="tweetButtonInline"]'); // disabled: empty composer
      await page.click(INLINE_BOX);
      await page.press('Control+Enter'); // empty
      await page.type('For tomorrow morning');
      await page.click('[data-fixture="inline-composer"] [data-testid="scheduleOption"]');
      await page.click('[data-testid="tweetButtonInline"]');
      await waitForNotice(page, TOAST, 'Your post will be sent on');
      const sentinel = await postSentinel(page, 'x');
      expect((await log.waitForText(sentinel)).map((r) => r.text)).toEqual([sentinel]);
    },
  },
  {
    name: 'does not log a post the site rejected (500), and logs the retry once',
    firefox: true,
    async run({ page, log }) {
      const undo = failNext(server, /\/CreateTweet$/);
      try {
        await page.goto('https://x.com/home');
        await page.click(INLINE_BOX);
        await page.type('Try, fail, retry');
        await page.click('[data-testid="tweetButtonInline"]');
        await waitForNotice(page, TOAST, 'Something went wrong');
        await page.click('[data-testid="tweetButtonInline"]');
        await waitForNotice(page, TOAST, 'Your post was sent.');
        const sentinel = await postSentinel(page, 'x');
        expect((await log.waitForText(sentinel)).map((r) => r.text)).toEqual(['Try, fail, retry', sentinel]);
      } finally {
        undo();
      }
    },
  },
  {
    name: 'does not log a post rejected as a duplicate',
    firefox: true,
    async run({ page, log }) {
      await page.goto('https://x.com/home?fail=duplicate');
      await page.click(INLINE_BOX);
      await page.type('Said that already');
      await page.click('[data-testid="tweetButtonInline"]');
      await waitForNotice(page, TOAST, 'You already said that');
      const sentinel = await postSentinel(page, 'x');
      expect((await log.waitForText(sentinel)).map((r) => r.text)).toEqual([sentinel]);
    },
  },
  {
    name: 'logs a double-clicked post once',
    firefox: true,
    async run({ page, log }) {
      await page.goto('https://x.com/home');
      await page.click(INLINE_BOX);
      await page.type('Clicked twice');
      await page.click('[data-testid="tweetButtonInline"]');
      await page.click('[data-testid="tweetButtonInline"]');
      await waitForNotice(page, TOAST, 'Your post was sent.');
      const sentinel = await postSentinel(page, 'x');
      expect((await log.waitForText(sentinel)).map((r) => r.text)).toEqual(['Clicked twice', sentinel]);
    },
  },
];

describe.each(BROWSERS)('share detection on X in %s', (name) => {
  const ctx = useBrowser(name);
  for (const c of cases.filter((c) => name === 'chromium' || c.firefox)) {
    it(c.name, async () => {
      const log = await ShareLog.start(ctx.browser);
      const page = await ctx.browser.open('about:blank');
      try {
        await c.run({ page, log });
      } finally {
        await page.close();
      }
    });
  }
});
