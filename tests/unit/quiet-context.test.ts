// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from '../../lib/detect/quiet-context';

// The content scripts' lifecycle must be invisible to the page. The e2e test
// (tests/e2e/hardening.e2e.ts) proves it on the built extension; this pins the class itself.

afterEach(() => {
  history.replaceState(null, '', '/');
});

describe("the content scripts' quiet context", () => {
  it('announces nothing to the page when it starts', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const onDocument = vi.spyOn(document, 'dispatchEvent');
    const onWindow = vi.spyOn(window, 'dispatchEvent');
    const ctx = new ContentScriptContext('x');
    ctx.addEventListener(window, 'wxt:locationchange', () => {});
    expect(posted).not.toHaveBeenCalled();
    expect(onDocument).not.toHaveBeenCalled();
    expect(onWindow).not.toHaveBeenCalled();
  });

  it('is not stopped by the page dispatching WXT\'s "script started" event', () => {
    const ctx = new ContentScriptContext('x');
    for (const id of ['test-id', 'sharewise@sharewise.app']) {
      document.dispatchEvent(
        new CustomEvent(`${id}:x:wxt:content-script-started`, {
          detail: { contentScriptName: 'x', messageId: 'page' },
        }),
      );
    }
    expect(ctx.signal.aborted).toBe(false);
  });

  it('stops its listeners when aborted', () => {
    const ctx = new ContentScriptContext('x');
    const seen: string[] = [];
    ctx.addEventListener(document, 'click', () => seen.push('click'));
    document.dispatchEvent(new Event('click'));
    ctx.abort();
    document.dispatchEvent(new Event('click'));
    expect(seen).toEqual(['click']);
    expect(ctx.isValid).toBe(false);
  });

  it('reports a route change to its own listener, not on window', async () => {
    vi.useFakeTimers();
    try {
      const onWindow: string[] = [];
      const spy = (e: Event) => onWindow.push(e.type);
      window.addEventListener('wxt:locationchange', spy);
      const ctx = new ContentScriptContext('x');
      const routes: string[] = [];
      ctx.addEventListener(window, 'wxt:locationchange', (e: { newUrl: URL; oldUrl: URL }) =>
        routes.push(`${e.oldUrl.pathname} → ${e.newUrl.pathname}`),
      );
      history.pushState(null, '', '/compose/post');
      await vi.advanceTimersByTimeAsync(1100);
      expect(routes).toEqual(['/ → /compose/post']);
      expect(onWindow).toEqual([]);
      ctx.abort();
      history.pushState(null, '', '/home');
      await vi.advanceTimersByTimeAsync(1100);
      expect(routes).toHaveLength(1);
      window.removeEventListener('wxt:locationchange', spy);
    } finally {
      vi.useRealTimers();
    }
  });

  it("replaces WXT's context in every build (wxt.config.ts alias)", () => {
    expect(readFileSync('wxt.config.ts', 'utf8')).toMatch(
      /'wxt\/utils\/content-script-context':\s*resolve\([^)]*'lib\/detect\/quiet-context\.ts'\)/,
    );
  });
});
