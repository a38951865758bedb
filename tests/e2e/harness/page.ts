/** Browser-neutral page driving: the same test reads the same in Chromium and Firefox. */
export interface TestPage {
  readonly url: () => string;
  goto(url: string): Promise<void>;
  /** A real (trusted) mouse click at the centre of the first match, looking inside open shadow roots. */
  click(selector: string): Promise<void>;
  /** Types with the real keyboard into whatever has focus. */
  type(text: string): Promise<void>;
  /** A key chord such as "Control+Enter". */
  press(chord: string): Promise<void>;
  /** Runs a function in the page (its argument must be serialisable). */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Waits until an element matching `selector` exists (shadow roots included). */
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  /** Text of the first match, or null (shadow roots included). */
  text(selector: string): Promise<string | null>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** In-page deep query through open shadow roots. Stringified into pages, so it must be self-contained. */
export function deepQuery(selector: string): Element | null {
  const visit = (root: Document | ShadowRoot): Element | null => {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        const inner = visit(el.shadowRoot);
        if (inner) return inner;
      }
    }
    return null;
  };
  return visit(document);
}

/** Polls `check` until it returns a truthy value. No fixed sleeps: tests wait for conditions. */
export async function waitUntil<T>(
  check: () => Promise<T> | T,
  what: string,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The script that locates an element's centre for a trusted click. */
export const CENTER_OF = `(selector) => {
  const deepQuery = ${deepQuery.toString()};
  const el = deepQuery(selector);
  if (!el) return null;
  el.scrollIntoView({ block: 'center', inline: 'center' });
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}`;
