import { browser } from 'wxt/browser';
import { getDb, type SharewiseDB } from '../db';
import { loadSettings, SETTINGS_KEY } from '../settings/store';
import { describeWriteError, readStorageProblem, STORAGE_PROBLEM_KEY } from '../storage-problem';
import { readPopupData } from '../ui/popup-data';
import { buildSnapshot, failedSnapshot, SNAPSHOT_KEY, type PopupSnapshot } from '../ui/snapshot';

/** A database that neither opens nor fails (some browsers leave a broken open pending) counts as failed after this. */
const READ_TIMEOUT_MS = 8000;

/** What was last written, so an unchanged snapshot is not written (and the open popup not re-rendered) again. */
let lastWritten = '';
let running: Promise<void> = Promise.resolve();
let pending: Promise<void> | null = null;

async function build(db: SharewiseDB): Promise<PopupSnapshot> {
  const [settings, local] = await Promise.all([loadSettings(), browser.storage.local.get(STORAGE_PROBLEM_KEY)]);
  const problem = readStorageProblem(local[STORAGE_PROBLEM_KEY]);
  try {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(
        () => fail(new Error(`no answer from IndexedDB after ${READ_TIMEOUT_MS} ms`)),
        READ_TIMEOUT_MS,
      );
    });
    const data = await Promise.race([readPopupData(db, Date.now()), timeout]).finally(() => clearTimeout(timer));
    return buildSnapshot(data, settings, problem);
  } catch (err) {
    return failedSnapshot(describeWriteError(err), settings, problem);
  }
}

/**
 * Rebuilds the popup's snapshot (lib/ui/snapshot.ts) from the database and settings, and stores it
 * when it changed. Called after every write of what the popup shows: the feed (lib/background/feed.ts),
 * a logged, imported or deleted share (router.ts, my-data.ts), settings and the storage problem
 * (setupSnapshot). Calls made while one is running share the next run: it reads after them all.
 */
export function refreshSnapshot(db: SharewiseDB = getDb()): Promise<void> {
  if (pending) return pending;
  const next = running.then(async () => {
    pending = null;
    const snapshot = await build(db);
    const json = JSON.stringify(snapshot);
    if (json === lastWritten) return;
    await browser.storage.local.set({ [SNAPSHOT_KEY]: snapshot });
    lastWritten = json;
  });
  pending = next;
  running = next.catch((err) => console.error('[sharewise] popup snapshot', err));
  return next;
}

/** Settings and the storage problem live in storage.local: their changes renew the snapshot too. */
export function setupSnapshot(): void {
  browser.storage.local.onChanged.addListener((changes) => {
    if (SETTINGS_KEY in changes || STORAGE_PROBLEM_KEY in changes) void refreshSnapshot().catch(() => undefined);
  });
  // An update may change what the snapshot holds; a new browser session starts from a fresh one.
  browser.runtime.onInstalled.addListener(() => void refreshSnapshot().catch(() => undefined));
  browser.runtime.onStartup.addListener(() => void refreshSnapshot().catch(() => undefined));
}

/** For tests: forget what was written, as a restarted background would. */
export function resetSnapshotMemory(): void {
  lastWritten = '';
}
