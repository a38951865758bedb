import { describe, expect, it } from 'vitest';
import type { TestPage } from './harness/page';
import { BROWSERS, useBrowser, useFixtureServer } from './helpers';
import { failNext, postSentinel, ShareLog, waitForNotice } from './pages/detect';
import type { IncomingMessage } from 'node:http';

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
        expect.objectContaining({
          network: 'x',
          kind: 'post',
          surface: 'composer',
          postId: 'p-2026-11-r7-launch',
          urls: [R7],
          text: `Proud of the team behind the R7 ${R7}`,
        }),
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
      expect(await log.waitForCount(1)).toEqual([
        expect.objectContaining({ kind: 'post', surface: 'composer', postId: null, text: 'Tastatur statt Knopf' }),
      ]);
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
      expect(await log.waitForCount(1)).toEqual([
        expect.objectContaining({ network: 'x', kind: 'post', surface: 'composer', text: 'Hello from twitter.com' }),
      ]);
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
      await page.goto(
        `https://x.com/intent/post?text=${encodeURIComponent('The R7 is here')}&url=${encodeURIComponent(R7)}&hashtags=robotics`,
      );
      await page.click('[data-testid="tweetButton"]');
      expect(await log.waitForCount(1)).toEqual([
        expect.objectContaining({
          kind: 'post',
          surface: 'intent',
          postId: 'p-2026-11-r7-launch',
          text: `The R7 is here ${R7} #robotics`,
        }),
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
      expect(await log.waitForCount(1)).toEqual([
        expect.objectContaining({ surface: 'intent', text: 'Old intent path' }),
      ]);
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
      expect(rows.map((r) => [r.kind, r.text])).toEqual([
        ['quote', 'Worth a read'],
        ['post', sentinel],
      ]);
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
      expect(await log.waitForCount(1)).toEqual([
        expect.objectContaining({ kind: 'post', text: 'Not a reply any more' }),
      ]);
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
      await page.click('[data-testid="scheduledConfirmationPrimaryAction"]');
      await page.waitFor('[data-fixture="inline-composer"] [data-testid="scheduledTweetIndicator"]');
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
  {
    name: 'Premium "Undo post": the link-less "Sending post…" notice is no failure; the send after the countdown logs once, an undo logs nothing',
    firefox: true,
    async run({ page, log }) {
      await page.goto('https://x.com/home?undo=1500');
      await page.click(INLINE_BOX);
      await page.type('Changed my mind');
      await page.click('[data-testid="tweetButtonInline"]');
      await waitForNotice(page, TOAST, 'Sending post…');
      await page.click(`${TOAST} button`); // Undo: the text comes back
      await page.waitFor(`${INLINE_BOX}:not(:empty)`);
      await page.click(INLINE_BOX);
      await page.press('Control+Enter'); // sent again, and let go this time
      const rows = await log.waitForCount(1);
      expect(rows).toEqual([expect.objectContaining({ kind: 'post', text: 'Changed my mind' })]);
      const sentinel = await postSentinel(page, 'x');
      expect((await log.waitForText(sentinel)).map((r) => r.text)).toEqual(['Changed my mind', sentinel]);
    },
  },
  {
    name: 'Premium "Undo post" on a German page, from the modal composer: logged once the countdown ends',
    firefox: true,
    async run({ page, log }) {
      await page.goto('https://x.com/compose/post?lang=de&undo=1500');
      await page.click(`${MODAL} [data-testid="tweetTextarea_0"]`);
      await page.type('Mit Rückgängig-Frist');
      await page.click(`${MODAL} [data-testid="tweetButton"]`);
      await waitForNotice(page, TOAST, 'Post wird gesendet');
      expect(await log.waitForCount(1)).toEqual([
        expect.objectContaining({ kind: 'post', text: 'Mit Rückgängig-Frist' }),
      ]);
    },
  },
  {
    name: 'a repost whose link-less, visually hidden "Post reposted" notice comes before or after the button flip (English, German)',
    firefox: true,
    async run({ page, log }) {
      await page.goto('https://x.com/home?repostNotice=before');
      await page.click('article[data-id="1850000000000000002"] [data-testid="retweet"]');
      await page.click('[data-testid="retweetConfirm"]');
      await page.waitFor('article[data-id="1850000000000000002"] [data-testid="unretweet"]');
      await page.goto('https://x.com/home?repostNotice=after&lang=de');
      await page.click('article[data-id="1850000000000000003"] [data-testid="retweet"]');
      await page.click('[data-testid="retweetConfirm"]');
      await waitForNotice(page, TOAST, 'Post repostet');
      const sentinel = await postSentinel(page, 'x');
      expect((await log.waitForText(sentinel)).map((r) => r.kind)).toEqual(['repost', 'repost', 'post']);
    },
  },
];

/** X's notices, by page language (tests/fixtures/x/app.js). */
const X_TEXT = {
  en: {
    sent: 'Your post was sent.',
    scheduled: 'Your post will be sent on',
    edited: 'Your post has been edited.',
    duplicate: 'You already said that',
  },
  de: {
    sent: 'Dein Post wurde gesendet.',
    scheduled: 'Dein Post wird am',
    edited: 'Dein Post wurde bearbeitet.',
    duplicate: 'Das hast du bereits gesagt',
  },
};

// The 2026 paths that do not already mix languages, in English and German.
for (const lang of ['en', 'de'] as const) {
  const T = X_TEXT[lang];
  const q = `lang=${lang}`;
  cases.push(
    {
      name: `(${lang}) an abandoned schedule dialog leaves a normal post; a confirmed schedule in the modal composer is not a share`,
      firefox: true,
      async run({ page, log }) {
        await page.goto(`https://x.com/compose/post?${q}`);
        await page.click(`${MODAL} [data-testid="tweetTextarea_0"]`);
        await page.type('Later, maybe');
        await page.click(`${MODAL} [data-testid="scheduleOption"]`);
        await page.click('[data-fixture="schedule-dialog"] [data-testid="scheduledConfirmationPrimaryAction"]');
        await page.click(`${MODAL} [data-testid="tweetButton"]`);
        await waitForNotice(page, TOAST, T.scheduled);
        await page.goto(`https://x.com/home?${q}`);
        await page.click(INLINE_BOX);
        await page.type('Now after all');
        await page.click('[data-fixture="inline-composer"] [data-testid="scheduleOption"]');
        await page.click('[data-fixture="schedule-dialog"] [data-testid="app-bar-close"]');
        await page.click('[data-testid="tweetButtonInline"]');
        await waitForNotice(page, TOAST, T.sent);
        const sentinel = await postSentinel(page, 'x');
        expect((await log.waitForText(sentinel)).map((r) => r.text)).toEqual(['Now after all', sentinel]);
      },
    },
    {
      name: `(${lang}) replies opened without a click on "reply" are not shares: keyboard r, the full-page composer of a narrow window, /intent/post?in_reply_to=`,
      firefox: true,
      async run({ page, log }) {
        await page.goto(`https://x.com/home?${q}`);
        await page.evaluate(() =>
          (document.querySelector('article[data-id="1850000000000000003"]') as HTMLElement).focus(),
        );
        await page.press('r');
        await page.click('[data-fixture="reply-composer"] [data-testid="tweetTextarea_0"]');
        await page.type('Reply by keyboard');
        await page.click('[data-fixture="reply-composer"] [data-testid="tweetButton"]');
        await waitForNotice(page, TOAST, T.sent);
        await page.goto(`https://x.com/home?narrow=1&${q}`);
        await page.click('article[data-id="1850000000000000003"] [data-testid="reply"]');
        expect(await page.evaluate(() => [location.pathname, !!document.querySelector('[role="dialog"]')])).toEqual([
          '/compose/post',
          false,
        ]);
        await page.click('[data-fixture="reply-composer"] [data-testid="tweetTextarea_0"]');
        await page.type('A reply on a full page');
        await page.click('[data-fixture="reply-composer"] [data-testid="tweetButton"]');
        await waitForNotice(page, TOAST, T.sent);
        await page.goto(
          `https://x.com/intent/post?in_reply_to=1850000000000000003&${q}&text=${encodeURIComponent('Reply intent')}`,
        );
        await page.click('[data-testid="tweetButton"]');
        await waitForNotice(page, TOAST, T.sent);
        const sentinel = await postSentinel(page, 'x');
        expect((await log.waitForText(sentinel)).map((r) => r.text)).toEqual([sentinel]);
      },
    },
    {
      name: `(${lang}) quotes opened by keyboard (t, then Enter on "Quote") and in a narrow window are quotes; "n" then starts a plain post`,
      firefox: true,
      async run({ page, log }) {
        await page.goto(`https://x.com/home?${q}`);
        await page.evaluate(() =>
          (document.querySelector('article[data-id="1850000000000000002"]') as HTMLElement).focus(),
        );
        await page.press('t');
        await page.waitFor('[role="menu"]');
        await page.evaluate(() => (document.querySelector('[role="menu"] a[role="menuitem"]') as HTMLElement).focus());
        await page.press('Enter');
        await page.click(`${MODAL} [data-testid="tweetTextarea_0"]`);
        await page.type('Quoted by keyboard');
        await page.click(`${MODAL} [data-testid="tweetButton"]`);
        await waitForNotice(page, TOAST, T.sent);
        await page.goto(`https://x.com/home?narrow=1&${q}`);
        await page.click('article[data-id="1850000000000000002"] [data-testid="retweet"]');
        await page.click('[role="menu"] a[role="menuitem"]');
        await page.click('[data-fixture="modal-composer"] [data-testid="tweetTextarea_0"]');
        await page.type('Quoted on a narrow page');
        await page.click('[data-fixture="modal-composer"] [data-testid="tweetButton"]');
        await waitForNotice(page, TOAST, T.sent);
        await page.goto(`https://x.com/home?${q}`);
        await page.click('article[data-id="1850000000000000002"] [data-testid="retweet"]');
        await page.click('[role="menu"] a[role="menuitem"]'); // a quote composer, abandoned…
        await page.click('[data-testid="app-bar-close"]');
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.press('n'); // …and a new post started by keyboard
        await page.click(`${MODAL} [data-testid="tweetTextarea_0"]`);
        await page.type('Plain again');
        await page.click(`${MODAL} [data-testid="tweetButton"]`);
        await waitForNotice(page, TOAST, T.sent);
        const sentinel = await postSentinel(page, 'x');
        expect((await log.waitForText(sentinel)).map((r) => [r.kind, r.text])).toEqual([
          ['quote', 'Quoted by keyboard'],
          ['quote', 'Quoted on a narrow page'],
          ['post', 'Plain again'],
          ['post', sentinel],
        ]);
      },
    },
    {
      name: `(${lang}) an edit of an existing post ("Your post has been edited.", with a link) is not a new share`,
      firefox: true,
      async run({ page, log }) {
        await page.goto(`https://x.com/home?${q}`);
        await page.click('article[data-id="1850000000000000009"] [data-testid="caret"]');
        await page.click('[role="menu"] [data-fixture="edit"]');
        await page.click(`${MODAL} [data-testid="tweetTextarea_0"]`);
        await page.type(' Fixed.');
        await page.click(`${MODAL} [data-testid="tweetButton"]`);
        await waitForNotice(page, TOAST, T.edited);
        const sentinel = await postSentinel(page, 'x');
        expect((await log.waitForText(sentinel)).map((r) => r.text)).toEqual([sentinel]);
      },
    },
    {
      name: `(${lang}) a long post (CreateNoteTweet) is one share`,
      firefox: true,
      async run({ page, log }) {
        const long = `A long one. ${'Warehouse robots, safer aisles. '.repeat(10)}${R7}`;
        await page.goto(`https://x.com/home?${q}`);
        await page.click(INLINE_BOX);
        await page.type(long);
        await page.click('[data-testid="tweetButtonInline"]');
        await waitForNotice(page, TOAST, T.sent);
        expect(server.requestsTo('x.com', '/i/api/graphql/q1dCreateNoteTweet/CreateNoteTweet').length).toBeGreaterThan(
          0,
        );
        expect(await log.waitForCount(1)).toEqual([
          expect.objectContaining({ kind: 'post', postId: 'p-2026-11-r7-launch', text: long }),
        ]);
      },
    },
    {
      name: `(${lang}) a double click whose second send is rejected as a duplicate (before the first is answered) logs the first once`,
      firefox: true,
      async run({ page, log }) {
        let calls = 0;
        const undo = server.handle(async (req: IncomingMessage, res) => {
          if (req.method !== 'POST' || !/\/CreateTweet$/.test(req.url ?? '') || calls >= 2) return false;
          if (++calls === 1) {
            await new Promise((r) => setTimeout(r, 1500)); // the first send is slow…
            return false; // …then answered as usual
          }
          res.writeHead(200, { 'content-type': 'application/json' }); // X refuses a duplicate with HTTP 200
          res.end(JSON.stringify({ errors: [{ message: 'Status is a duplicate. (187)', code: 187 }] }));
          return true;
        });
        try {
          await page.goto(`https://x.com/home?double=1&${q}`);
          await page.click(INLINE_BOX);
          await page.type('Twice, quickly');
          await page.click('[data-testid="tweetButtonInline"]');
          await page.click('[data-testid="tweetButtonInline"]');
          await waitForNotice(page, TOAST, T.duplicate);
          await waitForNotice(page, TOAST, T.sent);
          const sentinel = await postSentinel(page, 'x');
          expect((await log.waitForText(sentinel)).map((r) => r.text)).toEqual(['Twice, quickly', sentinel]);
        } finally {
          undo();
        }
      },
    },
  );
}

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
