import { browser } from 'wxt/browser';

/**
 * The background's last failed write of a share (e.g. quota exceeded), kept in storage.local so the
 * popup can say so: a share the browser refused to store must not vanish silently. Cleared by the
 * next share that is stored. Plain module (no zod): the popup reads it too.
 */
export const STORAGE_PROBLEM_KEY = 'storageProblem';

export interface StorageProblem {
  message: string;
  /** When writes started failing (kept across repeated failures). */
  since: number;
}

export function describeWriteError(err: unknown): string {
  // Dexie wraps the browser's error (e.g. an AbortError around QuotaExceededError): name the cause.
  type Named = { name?: string; message?: string; inner?: Named } | null;
  const e = ((err as Named)?.inner ?? err) as Named;
  return `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`.slice(0, 300);
}

export async function noteStorageProblem(err: unknown, now: number): Promise<void> {
  const stored = (await browser.storage.local.get(STORAGE_PROBLEM_KEY))[STORAGE_PROBLEM_KEY] as
    StorageProblem | undefined;
  const problem: StorageProblem = { message: describeWriteError(err), since: stored?.since ?? now };
  await browser.storage.local.set({ [STORAGE_PROBLEM_KEY]: problem });
}

export async function clearStorageProblem(): Promise<void> {
  await browser.storage.local.remove(STORAGE_PROBLEM_KEY);
}

/** The stored problem if it has the expected shape; anything else counts as none. */
export function readStorageProblem(raw: unknown): StorageProblem | null {
  const p = raw as Partial<StorageProblem> | null | undefined;
  return p && typeof p.message === 'string' && typeof p.since === 'number'
    ? { message: p.message, since: p.since }
    : null;
}
