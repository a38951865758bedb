import { describe, expect, it } from 'vitest';
import type { TestPage } from './harness/page';
import { BROWSERS, useBrowser, useFixtureServer } from './helpers';
import { failNext, postSentinel, ShareLog, slowDown, waitForNotice } from './pages/detect';

// Share detection on LinkedIn against tests/fixtures/linkedin/ — its three layouts: the share box in
// the page, the same share box inside the open shadow root of #interop-outlet (?layout=shadow), and the
// server-driven layout (sdui.html: native <dialog>, TipTap editor, /preload/ routes). Every case runs
// in Chromium and Firefox (one browser per describe).

const { server } = useFixtureServer();
const R7 = 'https://kestrel-robotics.example/r7';
const TOAST = '.artdeco-toast-item';
const EDITOR = '[data-test-modal-id="sharebox"] .ql-editor';
const POST = '.share-actions__primary-action';
const FEED = 'https://www.linkedin.com/feed/';
// The server-driven layout (tests/fixtures/linkedin/sdui.html).
const SDUI_COMPOSE = 'dialog[data-testid="dialog"] [data-sdui-screen*="sharing.ShareCompose"]';
const SDUI_EDITOR = `${SDUI_COMPOSE} [componentkey="ShareBox_textEditor"]`;
const SDUI_POST = `${SDUI_COMPOSE} [data-fixture="post"]`; // the fixture's own hook; detection finds it by structure
const SDUI_NOTICE = '[role="status"],[role="alert"]';

interface Case {
  name: string;
  run(t: { page: TestPage; log: ShareLog }): Promise<void>;
}

/** Whether the share box is rendered inside the interop shadow root (not in the page's DOM). */
const inShadow = (page: TestPage) =>
  page.evaluate(
    () =>
      !document.querySelector('[data-test-modal-id="sharebox"]') &&
      !!document.querySelector('#interop-outlet')?.shadowRoot?.querySelector('[data-test-modal-id="sharebox"]'),
  );

const cases: Case[] = [
  {
    name: 'logs a post from the share box in the page; "Start a post" alone logs nothing',
    async run({ page, log }) {
      await page.goto(FEED);
      await page.click('.share-box-feed-entry__trigger');
      await page.click(EDITOR);
      await page.type(`Proud of the R7 team ${R7}`);
      await page.click(POST);
      await waitForNotice(page, TOAST, 'Post successful.');
      const sentinel = await postSentinel(page, 'linkedin');
      const rows = await log.waitForText(sentinel);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toEqual(
        expect.objectContaining({
          network: 'linkedin',
          kind: 'post',
          surface: 'composer',
          postId: 'p-2026-11-r7-launch',
          urls: [R7],
        }),
      );
    },
  },
  {
    name: 'logs a post from the share box inside the #interop-outlet shadow root',
    async run({ page, log }) {
      await page.goto(`${FEED}?layout=shadow`);
      await page.click('.share-box-feed-entry__trigger');
      await page.click(EDITOR);
      expect(await inShadow(page)).toBe(true);
      await page.type('Written in the shadow root');
      await page.click(POST);
      expect(await log.waitForCount(1)).toEqual([
        expect.objectContaining({
          network: 'linkedin',
          kind: 'post',
          surface: 'composer',
          postId: null,
          text: 'Written in the shadow root',
        }),
      ]);
    },
  },
  {
    name: 'logs a post from the prefilled composer (/feed/?shareActive=true&text=…) as surface "intent", German page',
    async run({ page, log }) {
      await page.goto(
        `${FEED}?layout=shadow&lang=de&shareActive=true&text=${encodeURIComponent(`Der R7 ist da ${R7}`)}`,
      );
      await page.waitFor(EDITOR);
      // LinkedIn drops the parameters once the composer is open; the share is still an intent share.
      expect(await page.evaluate(() => location.search)).toBe('?layout=shadow&lang=de');
      await page.click(POST);
      await waitForNotice(page, TOAST, 'Beitrag erfolgreich veröffentlicht.');
      expect(await log.waitForCount(1)).toEqual([
        expect.objectContaining({
          kind: 'post',
          surface: 'intent',
          postId: 'p-2026-11-r7-launch',
          text: `Der R7 ist da ${R7}`,
        }),
      ]);
    },
  },
  {
    name: 'logs an instant repost as kind "repost", reading no post text',
    async run({ page, log }) {
      await page.goto(FEED);
      await page.click('[data-urn="urn:li:activity:7260000000000000001"] button.social-reshare-button');
      await page.click('.social-reshare-button__sharing-as-is-dropdown-item');
      await waitForNotice(page, TOAST, 'Repost successful.');
      const sentinel = await postSentinel(page, 'linkedin');
      const rows = await log.waitForText(sentinel);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toEqual(expect.objectContaining({ network: 'linkedin', kind: 'repost', postId: null, urls: [] }));
      expect(rows[0]).not.toHaveProperty('text');
    },
  },
  {
    name: '"Repost with your thoughts" in the shadow-root composer is a quote (German page)',
    async run({ page, log }) {
      await page.goto(`${FEED}?layout=shadow&lang=de`);
      await page.click('[data-urn="urn:li:activity:7260000000000000002"] button.social-reshare-button');
      await page.click('.social-reshare-button__sharing-with-thoughts-dropdown-item');
      await page.click(EDITOR);
      await page.type('Meine Gedanken dazu');
      await page.click(POST);
      await waitForNotice(page, TOAST, 'Beitrag erfolgreich veröffentlicht.');
      const sentinel = await postSentinel(page, 'linkedin');
      expect((await log.waitForText(sentinel)).map((r) => [r.kind, r.text])).toEqual([
        ['quote', 'Meine Gedanken dazu'],
        ['post', sentinel],
      ]);
    },
  },
  {
    name: 'does not log comments, a discarded composer, or a post scheduled for later',
    async run({ page, log }) {
      await page.goto(`${FEED}?layout=shadow`);
      await page.click('.comments-comment-box .ql-editor');
      await page.type('Nice one!');
      await page.click('.comments-comment-box__submit-button');
      await page.click('.share-box-feed-entry__trigger');
      await page.click(EDITOR);
      await page.type('Changed my mind');
      await page.click('.artdeco-modal__dismiss');
      await page.click('.share-box-feed-entry__trigger');
      await page.click(EDITOR);
      await page.type('For next Monday');
      await page.click('.share-actions__scheduled-post-btn');
      await page.click(POST);
      await waitForNotice(page, TOAST, 'Post scheduled.');
      const sentinel = await postSentinel(page, 'linkedin');
      expect((await log.waitForText(sentinel)).map((r) => r.text)).toEqual([sentinel]);
    },
  },
  {
    name: 'does not log a post the site rejected (500); the retry and a double click log one share',
    async run({ page, log }) {
      const normShares = /^\/voyager\/api\/contentcreation\/normShares/;
      const undo = [failNext(server, normShares), slowDown(server, normShares, 400)];
      try {
        await page.goto(`${FEED}?layout=shadow`);
        await page.click('.share-box-feed-entry__trigger');
        await page.click(EDITOR);
        await page.type('Second time lucky');
        await page.click(POST);
        await waitForNotice(page, TOAST, 'Something went wrong.');
        await page.click(POST);
        await page.click(POST); // a double click while the post is in flight
        await waitForNotice(page, TOAST, 'Post successful.');
        const sentinel = await postSentinel(page, 'linkedin');
        expect((await log.waitForText(sentinel)).map((r) => r.text)).toEqual(['Second time lucky', sentinel]);
      } finally {
        undo.forEach((u) => u());
      }
    },
  },
];

/** The server-driven layout's notices, by page language. */
const SDUI_TEXT = {
  en: {
    sent: 'Post successful.',
    scheduled: 'Post scheduled.',
    error: 'Something went wrong.',
    reposted: 'Repost successful.',
  },
  de: {
    sent: 'Beitrag erfolgreich veröffentlicht.',
    scheduled: 'Beitrag geplant.',
    error: 'Da ist etwas schiefgelaufen.',
    reposted: 'Repost erfolgreich.',
  },
};

// Every path of the server-driven layout, in English and German.
for (const lang of ['en', 'de'] as const) {
  const T = SDUI_TEXT[lang];
  const q = `lang=${lang}`;
  cases.push(
    {
      name: `server-driven layout (${lang}, /preload/ feed): logs a post from the native-dialog composer; comments and messages are not shares`,
      async run({ page, log }) {
        await page.goto(`https://www.linkedin.com/preload/?${q}`);
        await page.click('[data-fixture="card-1"] [data-fixture="comment-box"] [contenteditable]');
        await page.type('Great launch!');
        await page.click('[data-fixture="card-1"] [data-fixture="comment-box"] button');
        await page.click('[data-fixture="messaging"] [contenteditable]'); // inside #interop-outlet's shadow root
        await page.type('See you Monday');
        await page.press('Control+Enter');
        await page.click('[data-fixture="messaging"] [data-fixture="send"]');
        await page.click('[data-fixture="start"]');
        expect(await page.evaluate(() => location.pathname)).toBe('/preload/sharebox/');
        await page.click(SDUI_EDITOR);
        await page.type(`Proud of the R7 team ${R7}`);
        await page.click(SDUI_POST);
        await waitForNotice(page, SDUI_NOTICE, T.sent);
        const sentinel = await postSentinel(page, 'linkedin');
        const rows = await log.waitForText(sentinel);
        expect(rows.map((r) => r.text)).toEqual([`Proud of the R7 team ${R7}`, sentinel]);
        expect(rows[0]).toEqual(
          expect.objectContaining({
            network: 'linkedin',
            kind: 'post',
            surface: 'composer',
            postId: 'p-2026-11-r7-launch',
            urls: [R7],
          }),
        );
      },
    },
    {
      name: `server-driven layout (${lang}, /sharing/compose): a schedule picker left by its other button changes nothing; a scheduled post is not a share`,
      async run({ page, log }) {
        await page.goto(`https://www.linkedin.com/sharing/compose?${q}`);
        await page.click(SDUI_EDITOR);
        await page.type('For next Monday');
        await page.click(`${SDUI_COMPOSE} [data-fixture="schedule"]`);
        await page.waitFor(
          '[data-sdui-screen*="sharing.ShareSchedulePostPicker"] input[data-testid="date-picker-input"]',
        );
        await page.click('[data-fixture="picker-next"]');
        await page.click(SDUI_POST); // now reads "Schedule"
        await waitForNotice(page, SDUI_NOTICE, T.scheduled);
        await page.goto(`https://www.linkedin.com/sharing/compose?${q}`);
        await page.click(SDUI_EDITOR);
        await page.type('Posting it now after all');
        await page.click(`${SDUI_COMPOSE} [data-fixture="schedule"]`);
        await page.click('[data-fixture="picker-back"]');
        await page.click(SDUI_POST);
        await waitForNotice(page, SDUI_NOTICE, T.sent);
        const sentinel = await postSentinel(page, 'linkedin');
        expect((await log.waitForText(sentinel)).map((r) => [r.kind, r.text])).toEqual([
          ['post', 'Posting it now after all'],
          ['post', sentinel],
        ]);
      },
    },
    {
      name: `server-driven layout (${lang}): the prefilled composer (/feed/?shareActive=true&text=…) is surface "intent"; a rejected post is not logged`,
      async run({ page, log }) {
        await page.goto(`${FEED}?fixture=sdui&${q}&fail=500&shareActive=true&text=${encodeURIComponent('Rejected')}`);
        await page.click(SDUI_POST);
        await waitForNotice(page, SDUI_NOTICE, T.error);
        await page.goto(
          `${FEED}?fixture=sdui&${q}&shareActive=true&text=${encodeURIComponent(`The R7 is here ${R7}`)}`,
        );
        await page.waitFor(SDUI_EDITOR);
        expect(await page.evaluate(() => location.search)).toBe(`?fixture=sdui&${q}`);
        await page.click(SDUI_POST);
        await waitForNotice(page, SDUI_NOTICE, T.sent);
        expect(await log.waitForCount(1)).toEqual([
          expect.objectContaining({
            kind: 'post',
            surface: 'intent',
            postId: 'p-2026-11-r7-launch',
            text: `The R7 is here ${R7}`,
          }),
        ]);
      },
    },
    {
      name: `server-driven layout (${lang}): an instant repost (the menu's first item) is a repost; the other item opens a quote`,
      async run({ page, log }) {
        await page.goto(`https://www.linkedin.com/preload/?${q}`);
        await page.click('[data-fixture="card-1"] [data-fixture="repost"]');
        await page.click('[data-fixture="card-1"] [role="menu"] [data-fixture="instant"]');
        await waitForNotice(page, SDUI_NOTICE, T.reposted);
        await page.click('[data-fixture="card-2"] [data-fixture="repost"]');
        await page.click('[data-fixture="card-2"] [role="menu"] [data-fixture="thoughts"]');
        await page.click(SDUI_EDITOR);
        await page.type('My thoughts on it');
        await page.click(SDUI_POST);
        await waitForNotice(page, SDUI_NOTICE, T.sent);
        const sentinel = await postSentinel(page, 'linkedin');
        const rows = await log.waitForText(sentinel);
        expect(rows.map((r) => [r.kind, r.text ?? null])).toEqual([
          ['repost', null],
          ['quote', 'My thoughts on it'],
          ['post', sentinel],
        ]);
        expect(rows[0]).not.toHaveProperty('text');
      },
    },
  );
}

describe.each(BROWSERS)('share detection on LinkedIn in %s', (name) => {
  const ctx = useBrowser(name);
  for (const c of cases) {
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
