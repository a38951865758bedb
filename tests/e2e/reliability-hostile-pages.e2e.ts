import { describe, expect, it } from 'vitest';
import { waitUntil } from './harness/page';
import { BROWSERS, readShares, useBrowser, useFixtureServer } from './helpers';

/**
 * Hostile pages: script on x.com / linkedin.com runs next to our content script. Whatever it posts
 * or dispatches — forged extension messages, look-alike events, synthetic (untrusted) clicks and key
 * presses on a filled composer — must not create a share, and it must not be able to read the
 * extension's files or data. A real, trusted share afterwards is the control: it is logged, alone.
 */
const { server } = useFixtureServer();

/** Runs in the page's own world, as a site script (or an injected ad) would. */
const ATTACK = async (extensionOrigin: string) => {
  const forged = {
    network: 'x',
    kind: 'post',
    surface: 'intent',
    text: 'forged https://kestrel-robotics.example/r7',
    submissionId: 'forged-0001-0001',
    confirmedBy: 'notice',
    postId: 'p-2026-11-r7-launch',
  };
  const envelope = { id: 1, type: 'cs:shareDetected', data: forged, timestamp: Date.now() };
  // 1. Messages in every shape a messaging library might listen for.
  for (const msg of [
    envelope,
    {
      type: '@webext-core/messaging/window',
      message: envelope,
      senderOrigin: location.origin,
      namespace: 'sharewise',
      instanceId: 'x',
    },
    { type: 'sharewise', action: 'share', ...forged },
    JSON.stringify(envelope),
  ])
    window.postMessage(msg, '*');
  for (const name of ['cs:shareDetected', 'sharewise:share', '@webext-core/messaging/custom-events', 'sharewise']) {
    const detail = name.startsWith('@webext')
      ? { message: envelope, namespace: 'sharewise', instanceId: 'x' }
      : envelope;
    window.dispatchEvent(new CustomEvent(name, { detail }));
    document.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
  // 2. Synthetic gestures on a filled composer (the fixture app itself accepts them and posts).
  const box = document.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"]');
  const button = document.querySelector<HTMLButtonElement>('[data-testid="tweetButtonInline"]');
  let sitePosts = 0;
  window.addEventListener('fixture:posted', () => sitePosts++);
  const fill = () => {
    box!.textContent = 'forged https://kestrel-robotics.example/r7';
    box!.dispatchEvent(new InputEvent('input', { bubbles: true }));
  };
  const posted = (n: number) =>
    new Promise<void>((ok, fail) => {
      const t0 = Date.now();
      const tick = () =>
        sitePosts >= n ? ok() : Date.now() - t0 > 5000 ? fail(new Error('site did not post')) : setTimeout(tick, 20);
      tick();
    });
  if (box && button) {
    fill();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
    await posted(1);
    fill();
    button.click();
    await posted(2);
    fill();
    box.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: true, bubbles: true, composed: true }),
    );
    await posted(3);
  }
  // 3. Attempts to read.
  const reads: Record<string, string> = {};
  for (const path of ['manifest.json', 'demo-feed.json', 'popup.html', 'background.js']) {
    try {
      const res = await fetch(extensionOrigin + path);
      reads[path] = `read ${res.status} ${(await res.text()).slice(0, 40)}`;
    } catch {
      reads[path] = 'blocked';
    }
  }
  const runtime = (globalThis as any).chrome?.runtime;
  let direct = 'no extension API';
  if (runtime?.sendMessage) {
    try {
      const id = new URL(extensionOrigin).host;
      const answer = await new Promise((ok) =>
        runtime.sendMessage(id, envelope, (r: unknown) => ok(r ?? runtime.lastError?.message)),
      );
      direct = `answered ${JSON.stringify(answer)}`;
    } catch (err) {
      direct = `refused: ${String(err).slice(0, 80)}`;
    }
  }
  const databases = (await indexedDB.databases?.())?.map((d) => d.name) ?? [];
  return { sitePosts, reads, direct, databases, pageKeys: Object.keys(window).filter((k) => /sharewise|wxt/i.test(k)) };
};

describe.each(BROWSERS)('hostile pages in %s', (name) => {
  const ctx = useBrowser(name);

  it('forged messages, look-alike events and synthetic input create no share and read nothing', async () => {
    const { browser } = ctx;
    const sitePostsBefore = server.requestsTo('x.com', '/i/api/graphql').length;
    for (const url of ['https://x.com/home', 'https://www.linkedin.com/feed/']) {
      const page = await browser.open(url);
      const result = await page.evaluate(ATTACK, browser.extensionOrigin);
      if (url.startsWith('https://x.com'))
        expect(result.sitePosts, 'the fixture site accepted the synthetic posts').toBe(3);
      expect(Object.values(result.reads), JSON.stringify(result.reads)).toEqual([
        'blocked',
        'blocked',
        'blocked',
        'blocked',
      ]);
      expect(result.direct).not.toMatch(/^answered \{/);
      expect(result.databases).not.toContain('sharewise');
      expect(result.pageKeys).toEqual([]);
      await page.close();
    }

    // Control: one real post with trusted input. Messages are handled in order, so once it is in,
    // anything the forgeries could have caused would be in too.
    const x = await browser.open('https://x.com/home');
    await x.click('[data-testid="tweetTextarea_0"]');
    await x.type('Our safety report https://kestrel-robotics.example/safety-2026');
    await x.click('[data-testid="tweetButtonInline"]');
    await x.waitFor('[data-testid="toast"]');
    const shares = await waitUntil(async () => {
      const rows = await readShares(browser);
      return rows.length ? rows : null;
    }, 'the real share');
    expect(shares).toHaveLength(1);
    expect(shares[0]).toMatchObject({
      postId: 'p-2026-11-safety-report',
      surface: 'composer',
      urls: ['https://kestrel-robotics.example/safety-2026'],
    });
    expect(server.requestsTo('x.com', '/i/api/graphql').length - sitePostsBefore).toBe(4); // 3 synthetic + 1 real: the site saw them all
  });

  it('the background rejects malformed and misaddressed messages and writes nothing', async () => {
    const { browser } = ctx;
    const page = await browser.openExtensionPage('/blank.html');
    const answers = await page.evaluate(async () => {
      const api = ((globalThis as any).browser ?? (globalThis as any).chrome).runtime;
      const send = (type: string, data: unknown) => api.sendMessage({ id: 7, type, data, timestamp: Date.now() });
      const good = {
        network: 'x',
        kind: 'post',
        surface: 'composer',
        text: 'hi',
        submissionId: 'abcdef12-3456',
        confirmedBy: 'notice',
      };
      return {
        intentMissingNetwork: await send('ui:recordIntent', { postId: 'p-2026-11-r7-launch' }),
        intentExtraKey: await send('ui:recordIntent', { postId: 'p1', network: 'x', at: 0 }),
        intentHugeId: await send('ui:recordIntent', { postId: 'p'.repeat(10_000), network: 'x' }),
        intentWrongType: await send('ui:recordIntent', ['p1', 'x']),
        shareFromExtensionPage: await send('cs:shareDetected', good),
        shareMalformed: await send('cs:shareDetected', { ...good, network: 'myspace' }),
        shareProto: await send('cs:shareDetected', JSON.parse('{"__proto__":{"network":"x"},"kind":"post"}')),
      };
    });
    for (const [what, answer] of Object.entries(answers)) {
      expect((answer as { res?: { rejected?: string } })?.res?.rejected, what).toMatch(/invalid message|sender/);
    }
    expect(answers.shareFromExtensionPage.res.rejected).toMatch(/sender/);
    expect(answers.intentMissingNetwork.res.rejected).toMatch(/invalid message/);
    expect(await browser.readTable('intents')).toEqual([]);
    expect(await readShares(browser)).toHaveLength(1); // only the control share from the test above
    await page.close();
  });
});
