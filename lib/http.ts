/** What the feed fetch and the report delivery share: a deadline and a size cap on what a server sends. */

export interface TimedRequest {
  url: string;
  init: Omit<RequestInit, 'signal'>;
  timeoutMs: number;
  /** Tests pass their own; the browser's otherwise. */
  fetch?: typeof fetch;
}

/**
 * One request with a deadline: aborted after `timeoutMs`, body reading included. Never throws: whatever
 * goes wrong becomes `failed(error, timedOut)`. The timer is always cleared.
 */
export async function fetchWithDeadline<T>(
  request: TimedRequest,
  onResponse: (res: Response) => Promise<T>,
  failed: (error: string, timedOut: boolean) => T,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  try {
    const res = await (request.fetch ?? fetch)(request.url, { ...request.init, signal: controller.signal });
    return await onResponse(res);
  } catch (err) {
    return failed(err instanceof Error ? err.message : String(err), controller.signal.aborted);
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a body but stops (and cancels the download) once it passes `maxBytes`. */
export async function readCapped(res: Response, maxBytes: number): Promise<string | null> {
  if (!res.body) {
    const text = await res.text();
    return new TextEncoder().encode(text).length > maxBytes ? null : text;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}
