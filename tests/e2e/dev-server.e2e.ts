import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, ROOT, type BrowserName, type ExtensionBrowser } from './harness/browsers';
import { waitUntil } from './harness/page';

// README's first command is `npm run dev`. Everything else in the suite runs on production builds, so this
// file is what notices when the dev server cannot serve the pages (it once failed on every React module).
const HEADLINE = 'Make Kestrel the most trusted name in warehouse robotics';
/** What Vite prints when it cannot transform or serve a module. */
const DEV_SERVER_ERROR =
  /Pre-transform error|Internal server error|Transform failed|\[vite\].*\berror\b|can't be bundled/i;

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

/**
 * The environment of a developer's shell: without Vitest's markers. With `TEST` set, WXT's dev build never
 * finishes (it stays at "Preparing…"), which is not what a developer sees.
 */
function devEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'TEST' && !k.startsWith('VITEST')));
}

/**
 * `npm run dev` in Chromium. (`npm run dev:firefox` works by hand and passed this test alone, but as the
 * second dev server of a full run it stayed at "Preparing…" twice; until that is understood it is not here.)
 */
describe.each<BrowserName>(['chromium'])('the dev server for %s', (name) => {
  const output = join(ROOT, name === 'chromium' ? '.output/chrome-mv3-dev' : '.output/firefox-mv2-dev');
  let server: ChildProcess | undefined;
  let log = '';
  let browser: ExtensionBrowser | undefined;

  beforeAll(async () => {
    rmSync(output, { recursive: true, force: true });
    const port = await freePort();
    // The same command as `npm run dev`, with WXT's own browser launch switched off (wxt.config.ts).
    server = spawn('npx', ['wxt', ...(name === 'firefox' ? ['-b', 'firefox'] : []), '--port', String(port)], {
      cwd: ROOT,
      detached: true, // its own process group, so the whole tree stops in afterAll
      env: { ...devEnv(), SHAREWISE_DEV_NO_BROWSER: '1', NODE_ENV: 'development' },
    });
    server.stdout!.on('data', (d) => (log += String(d)));
    server.stderr!.on('data', (d) => (log += String(d)));
    // Generous: a cold dev build takes ~20 s on an idle 2-core machine, several times that on a busy one.
    await waitUntil(
      async () => /Built extension/.test(log) && existsSync(join(output, 'manifest.json')),
      'the dev build',
      240_000,
    ).catch((err: Error) => {
      throw new Error(`${err.message}; dev server said:\n${log.slice(-2000)}`);
    });
    browser = await launch(name, { extensionPath: output });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    // Stop the whole process group and wait for it: the next browser's dev server must not meet this one.
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((ok) => server!.once('exit', ok));
      const kill = (signal: NodeJS.Signals) => {
        try {
          process.kill(-server!.pid!, signal);
        } catch {
          // already gone
        }
      };
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
  });

  it('serves the popup, options and welcome pages, each rendered by React, without dev-server errors', async () => {
    const popup = await browser!.openExtensionPage('/popup.html', 'main');
    // The demo feed is read by the background on install; the popup then shows its vision.
    await waitUntil(
      async () => (await popup.evaluate(() => document.body.innerText)).includes(HEADLINE),
      'the demo vision in the popup',
      60_000,
    );
    for (const path of ['/options.html', '/welcome.html']) {
      const page = await browser!.openExtensionPage(path, 'main');
      const text = await page.evaluate(() => document.querySelector('main')?.innerText ?? '');
      expect(text.length, `${path} rendered`).toBeGreaterThan(50);
      await page.close();
    }
    expect(browser!.extensionErrors, 'console errors on extension pages').toEqual([]);
    expect(log.split('\n').filter((line) => DEV_SERVER_ERROR.test(line))).toEqual([]);
  });
});
