import { browser } from 'wxt/browser';
import { updateSettings } from '../settings/store';

/** Gives this installation its random id (the anonymous identity in reports) once, and keeps it. */
export async function ensureInstallId(newId: () => string = () => crypto.randomUUID()): Promise<string> {
  const settings = await updateSettings((s) => (s.installId ? null : { ...s, installId: newId() }));
  return settings.installId!;
}

/**
 * On first install: assign the install id, then open the welcome page once, which explains what is
 * recorded and asks the first choices. Updates and browser restarts open nothing.
 */
export function setupWelcome(): void {
  // The listener's promise is ignored by browsers; returned, a test can await the handling.
  browser.runtime.onInstalled.addListener(({ reason }) =>
    (async () => {
      await ensureInstallId();
      if (reason === 'install') await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
    })().catch((err) => console.error('[sharewise] welcome', err)),
  );
}
