/** First retry after about a minute; never wait more than six hours between attempts. */
export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_CAP_MS = 6 * 60 * 60 * 1000;

/**
 * Delay before the next attempt after `failures` failed attempts (1 = the first failure):
 * exponential, capped, with "equal jitter" — a random value in [d/2, d] — so many installs that
 * failed together (the company's server was down) do not all come back in the same second.
 */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const n = Math.max(1, Math.floor(failures));
  const d = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(n - 1, 30));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(d / 2 + r * (d / 2));
}
