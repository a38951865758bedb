import type { TestPage } from './page';

/** One stop of a keyboard walk: what has focus, as a screen-reader user would hear it. */
export interface FocusStop {
  tag: string;
  role: string | null;
  /** Accessible-ish name: aria-label, labelled-by text, or the element's own text (trimmed). */
  name: string;
  /** The element shows a focus indicator (outline or box-shadow differs from its unfocused look). */
  visibleFocus: boolean;
  /** data-testid, when the element has one (for assertions that survive layout changes). */
  testid: string | null;
}

/** Describes document.activeElement (through open shadow roots). Self-contained: runs in the page. */
const DESCRIBE_FOCUS = (): FocusStop | null => {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const labelledBy = el.getAttribute('aria-labelledby');
  const name = (
    el.getAttribute('aria-label') ??
    (labelledBy
      ? labelledBy
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
      : null) ??
    (el as HTMLElement).innerText ??
    el.textContent ??
    ''
  )
    .trim()
    .replace(/\s+/g, ' ')
    .slice(0, 80);
  const style = getComputedStyle(el);
  const visibleFocus =
    (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  return {
    tag: el.tagName.toLowerCase(),
    role: el.getAttribute('role'),
    name,
    visibleFocus,
    testid: el.getAttribute('data-testid'),
  };
};

/**
 * Walks a page with the Tab key alone, from the top, until focus comes back to where it started,
 * leaves the page, or `maxStops` is reached (a keyboard trap). Returns every stop in order, so a test
 * can assert that each control is reachable, named and visibly focused.
 */
export async function tabWalk(page: TestPage, maxStops = 60): Promise<{ stops: FocusStop[]; trapped: boolean }> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur?.();
    window.scrollTo(0, 0);
  });
  const stops: FocusStop[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < maxStops; i++) {
    await page.press('Tab');
    const stop = await page.evaluate(DESCRIBE_FOCUS);
    if (!stop) return { stops, trapped: false }; // focus left the document: the walk went round
    const key = JSON.stringify(stop);
    if (seen.has(key)) return { stops, trapped: false }; // back at an earlier stop: the walk went round
    seen.add(key);
    stops.push(stop);
  }
  return { stops, trapped: true };
}

/** Presses `key` on what has focus and reports the focus afterwards (e.g. Enter on a button). */
export async function pressOnFocus(page: TestPage, key: string): Promise<FocusStop | null> {
  await page.press(key);
  return page.evaluate(DESCRIBE_FOCUS);
}
