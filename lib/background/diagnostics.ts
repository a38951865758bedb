import { browser } from 'wxt/browser';
import { addNote, DIAGNOSTICS_KEY, readDiagnostics, type DiagnosticNote } from '../diagnostics';
import { isTracking } from '../settings/schema';
import { loadSettings } from '../settings/store';
import { handle } from './handle';

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
  handle('cs:detectDiagnostic', async (data) => {
    // Tracking off or paused for that site: the employee asked not to be watched there.
    if (isTracking(await loadSettings(), data.network, Date.now())) await noteDiagnostic(data, Date.now());
    return { ok: true };
  });
  handle('ui:dismissDiagnostics', async () => {
    const write = queue.then(async () => {
      const current = readDiagnostics((await browser.storage.local.get(DIAGNOSTICS_KEY))[DIAGNOSTICS_KEY]);
      await browser.storage.local.set({ [DIAGNOSTICS_KEY]: { ...current, dismissedAt: Date.now() } });
    });
    queue = write.catch(() => {});
    await write;
    return { ok: true };
  });
}
