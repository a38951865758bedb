import type { Confirmation, DetectedShare } from './types';

/** Site specifics, one small object per site: a markup change is a one-file fix. */
export interface SiteAdapter {
  network: DetectedShare['network'];
  /** Buttons that publish what is in the composer. */
  submitButton: string;
  /** The composer's text box(es); a thread has several. */
  composerText: string;
  /** The site's "your post was sent" notice. */
  sentNotice: string;
  isIntentPage(url: URL): boolean;
}

export type Report = (share: DetectedShare) => void;

/** How long after a submit gesture we wait for the site to confirm the post went out. */
export const CONFIRM_TIMEOUT_MS = 20_000;

/** The element in the event's path (shadow roots included) that matches `selector`. */
export function findInPath(event: Event, selector: string): Element | null {
  for (const node of event.composedPath()) {
    if (node instanceof Element && node.matches(selector)) return node;
  }
  return null;
}

function isDisabled(el: Element): boolean {
  return el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true';
}

/** The nearest ancestor of `from` that holds a composer text box: that composer's boxes. */
function composerBoxes(from: Element, adapter: SiteAdapter): Element[] {
  for (let el: Element | null = from; el; el = el.parentElement) {
    const boxes = el.querySelectorAll(adapter.composerText);
    if (boxes.length) return [...boxes];
  }
  return [];
}

function textOf(box: Element): string {
  const raw = box instanceof HTMLTextAreaElement ? box.value : (box as HTMLElement).innerText ?? box.textContent ?? '';
  return raw.trim();
}

/**
 * Watches for submit gestures (click on a post button, Ctrl/Cmd+Enter in a composer) and, only
 * then, for the site's confirmation. Nothing runs while the employee only reads.
 */
export function watchShares(adapter: SiteAdapter, report: Report, signal: AbortSignal): void {
  let pending: { stop: () => void } | null = null;

  const onSubmit = (boxes: Element[]) => {
    const text = boxes.map(textOf).filter(Boolean).join('\n\n');
    if (!text) return; // an empty composer cannot post
    pending?.stop();
    const share: Omit<DetectedShare, 'confirmedBy'> = {
      network: adapter.network,
      kind: 'post',
      surface: adapter.isIntentPage(new URL(location.href)) ? 'intent' : 'composer',
      text,
      submissionId: crypto.randomUUID(),
    };
    pending = awaitConfirmation(adapter, boxes, signal, (confirmedBy) => {
      pending = null;
      report({ ...share, confirmedBy });
    });
  };

  document.addEventListener(
    'click',
    (event) => {
      // Synthetic events from page scripts are not the employee's gesture.
      if (!event.isTrusted) return;
      const button = findInPath(event, adapter.submitButton);
      if (!button || isDisabled(button)) return;
      onSubmit(composerBoxes(button, adapter));
    },
    { capture: true, signal },
  );

  document.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
      const box = findInPath(event, adapter.composerText);
      if (box) onSubmit(composerBoxes(box, adapter));
    },
    { capture: true, signal },
  );
}

/**
 * Confirmation: the site's sent notice appears, or the composer is emptied/removed. Observes
 * only from the gesture until confirmation or timeout.
 */
function awaitConfirmation(
  adapter: SiteAdapter,
  boxes: Element[],
  signal: AbortSignal,
  done: (by: Confirmation) => void,
): { stop: () => void } {
  const check = (): Confirmation | null => {
    if (document.querySelector(adapter.sentNotice)) return 'notice';
    if (boxes.every((b) => !b.isConnected || !textOf(b))) return 'composer-closed';
    return null;
  };
  const observer = new MutationObserver(() => {
    const by = check();
    if (by) {
      stop();
      done(by);
    }
  });
  const timer = setTimeout(() => stop(), CONFIRM_TIMEOUT_MS);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  };
  signal.addEventListener('abort', stop);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return { stop };
}
