import { afterAll, beforeAll, expect } from 'vitest';
import { BROWSERS, launch, type BrowserName, type ExtensionBrowser, type LaunchOptions } from './harness/browsers';
import { FixtureServer } from './harness/server';
import type { Share } from '../../lib/shares';

/** Starts the HTTPS fixture server for the file's tests. */
export function useFixtureServer(): { server: FixtureServer } {
  const box = { server: new FixtureServer() };
  beforeAll(async () => {
    await box.server.start();
  });
  afterAll(async () => {
    await box.server.stop();
  });
  return box;
}

/**
 * Launches one browser with the extension for a describe block and, when it closes, fails if any
 * extension page logged a console error or threw.
 */
export function useBrowser(name: BrowserName, options?: LaunchOptions): { browser: ExtensionBrowser } {
  const box = {} as { browser: ExtensionBrowser };
  beforeAll(async () => {
    box.browser = await launch(name, options);
  });
  afterAll(async () => {
    const errors = box.browser?.extensionErrors ?? [];
    await box.browser?.close();
    expect(errors, 'console errors on extension pages').toEqual([]);
  });
  return box;
}

export const readShares = (browser: ExtensionBrowser) => browser.readTable<Share>('shares');

export { BROWSERS };
