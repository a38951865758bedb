import { describe, expect, it, vi } from 'vitest';
import { MAX_REPORT_RESPONSE_BYTES, postReport, REPORT_TIMEOUT_MS } from '../../lib/report/delivery';

describe('the report POST', () => {
  it('gives up on a server that does not answer after the timeout, not before', async () => {
    vi.useFakeTimers();
    try {
      const fetch = ((_url: string, init: RequestInit) =>
        new Promise((_, reject) =>
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        )) as unknown as typeof globalThis.fetch;
      let result: unknown;
      void postReport('https://reports.acme.example/in', 'k1', '{}', { fetch }).then((r) => (result = r));
      await vi.advanceTimersByTimeAsync(REPORT_TIMEOUT_MS - 1);
      expect(result).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      expect(result).toEqual({ ok: false, status: null, response: `no answer within ${REPORT_TIMEOUT_MS / 1000} s` });
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses redirects, sends no cookies and carries the idempotency key', async () => {
    const inits: RequestInit[] = [];
    const fetch = (async (_url: string, init: RequestInit) => {
      inits.push(init);
      return new Response('stored', { status: 201 });
    }) as unknown as typeof globalThis.fetch;
    expect(await postReport('https://reports.acme.example/in', 'k1', '{}', { fetch })).toEqual({
      ok: true,
      status: 201,
      response: 'stored',
    });
    expect(inits[0]).toMatchObject({
      method: 'POST',
      redirect: 'error',
      credentials: 'omit',
      headers: { 'idempotency-key': 'k1' },
    });
  });

  it('a redirect answer is a failed attempt, not a delivery elsewhere', async () => {
    // What fetch does with `redirect: 'error'` when the server answers 3xx: it rejects.
    const fetch = (async (_url: string, init: RequestInit) => {
      if (init.redirect === 'error') throw new TypeError('Failed to fetch: redirect');
      return new Response('followed', { status: 200 });
    }) as unknown as typeof globalThis.fetch;
    expect(await postReport('https://reports.acme.example/in', 'k1', '{}', { fetch })).toMatchObject({
      ok: false,
      status: null,
    });
  });

  it('stops reading a large answer at the cap and cancels the rest', async () => {
    let pulled = 0;
    let cancelled = false;
    const chunk = new Uint8Array(1024).fill(97);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 100_000)
          controller.close(); // 100 MB if read to the end
        else controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    const fetch = (async () => new Response(body, { status: 500 })) as unknown as typeof globalThis.fetch;
    const result = await postReport('https://reports.acme.example/in', 'k1', '{}', { fetch });
    expect(result).toEqual({
      ok: false,
      status: 500,
      response: `(answer over ${MAX_REPORT_RESPONSE_BYTES} bytes, not read)`,
    });
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(20);
  });

  it('keeps a short answer (trimmed to 500 characters for the sent log)', async () => {
    const fetch = (async () => new Response('e'.repeat(2000), { status: 400 })) as unknown as typeof globalThis.fetch;
    expect((await postReport('https://reports.acme.example/in', 'k1', '{}', { fetch })).response).toHaveLength(500);
  });
});
