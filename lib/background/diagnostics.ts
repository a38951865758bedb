import { browser } from 'wxt/browser';
import { addNote, DIAGNOSTICS_KEY, readDiagnostics, type DiagnosticNote } from '../diagnostics';
import { onMessage } from '../messaging/protocol';
import { DetectDiagnosticSchema, DismissDiagnosticsSchema, isContentSenderFor, isExtensionPageSender, validate } from '../messaging/validate';
import { isTracking } from '../settings/schema';
import { loadSettings } from '../settings/store';

export type DiagnosticInput = Pick<DiagnosticNote, 'network' | 'layout' | 'hooks' | 'reason'>;

// Notes can arrive together (a page note and a request note): one write at a time, none lost.
let queue: Promise<unknown> = Promise.resolve();

/** Keeps one content-free note (lib/diagnostics.ts) in storage.local. */
export function noteDiagnostic(note: DiagnosticInput, now: number): Promise<void> {
  const write = queue.then(async () => {
    const current = readDiagnostics((await browser.storage.local.get(DIAGNOSTICS_KEY))[DIAGNOSTICS_KEY]);
    await browser.storage.local.set({ [DIAGNOSTICS_KEY]: addNote(current, note, now) });
  });
  queue = write.catch(() => {});
  return write;
}

/** Content scripts' notes (cs:detectDiagnostic) and the popup's "dismiss". */
export function setupDiagnostics(): void {
  const extensionOrigin = browser.runtime.getURL('/');
  onMessage('cs:detectDiagnostic', async ({ data, sender }) => {
    const msg = validate(DetectDiagnosticSchema, data);
    if (!msg.ok) return { rejected: msg.error };
    if (!isContentSenderFor(msg.data.network, sender, browser.runtime.id)) {
      return { rejected: 'sender is not a content script on that network' };
    }
    // Tracking off or paused for that site: the employee asked not to be watched there.
    if (isTracking(await loadSettings(), msg.data.network, Date.now())) await noteDiagnostic(msg.data, Date.now());
    return { ok: true };
  });
  onMessage('ui:dismissDiagnostics', async ({ data, sender }) => {
    const msg = validate(DismissDiagnosticsSchema, data);
    if (!msg.ok) return { rejected: msg.error };
    if (!isExtensionPageSender(sender, extensionOrigin)) return { rejected: 'sender is not an extension page' };
    const write = queue.then(async () => {
      const current = readDiagnostics((await browser.storage.local.get(DIAGNOSTICS_KEY))[DIAGNOSTICS_KEY]);
      await browser.storage.local.set({ [DIAGNOSTICS_KEY]: { ...current, dismissedAt: Date.now() } });
    });
    queue = write.catch(() => {});
    await write;
    return { ok: true };
  });
}
