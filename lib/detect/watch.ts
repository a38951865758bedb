// Wires the pure engine to a page: capture-phase gesture listeners always, and a MutationObserver
// only between a submit gesture and its confirmation or timeout. Reads nothing but the composer
// being submitted; adds nothing to the page; never touches the page's own JavaScript.
import type { SiteAdapter } from './adapter';
import { type Candidate, CONFIRM_TIMEOUT_MS, createTracker, decideSubmit, keyOf, repostCandidate } from './engine';
import type { Confirmation, DetectedShare } from './types';

/** The first element on an event's path (open shadow roots included) matching `selector`. */
export function findInPath(path: EventTarget[], selector: string): Element | undefined {
  // Window, document and shadow roots are on the path too; they have no matches().
  return (path as Element[]).find((node) => node.matches?.(selector));
}

/** A composer box's text: a textarea's value (X mobile layout) or a contenteditable's text. */
const textOf = (box: Element): string => ((box as HTMLTextAreaElement).value ?? (box as HTMLElement).innerText).trim();

/** A route as the adapters' patterns see it: path and query. */
const routeOf = () => location.pathname + location.search;

/** Call on every client-side route change (WXT `wxt:locationchange`), with the new URL. */
export type OnRoute = (url: URL) => void;


export function watchShares(a: SiteAdapter, report: (share: DetectedShare) => void, signal: AbortSignal): OnRoute {
  const tracker = createTracker(() => crypto.randomUUID());
  const modes = new Set<'quote' | 'reply' | 'schedule' | 'intent'>();
  let scheduledIn: Element | null = null;
  let repostMenuFor: Element | null = null;
  let stopWaiting: (() => void) | undefined;
  /** Whether the employee clicked anything since the submit (e.g. closed the composer themselves). */
  let userActed = false;
  /** A new composer is being opened: earlier modes end, `m` begins. */
  const mode = (m?: 'quote' | 'reply') => {
    modes.clear();
    if (m) modes.add(m);
  };
  const listen = (type: string, fn: (e: Event) => void) =>
    document.addEventListener(type, fn, { capture: true, signal });

  /** The composer around `el`: the nearest ancestor holding text boxes and a submit button; its boxes. */
  const composerOf = (el: Element): [Element, Element[]] | null => {
    for (let c: Element | null = el; c; c = c.parentElement) {
      const boxes = c.querySelectorAll(a.composerText);
      if (boxes.length && c.querySelector(a.submitButton)) return [c, [...boxes]];
    }
    return null;
  };

  const onSubmit = (button: Element | null, from: Element) => {
    const found = composerOf(from);
    if (!found) return;
    const [composer, boxes] = found;
    button ??= composer.querySelector(a.submitButton);
    const inDialog = !!composer.closest(a.dialog);
    const candidate = decideSubmit(a.network, {
      disabled: !button?.matches(':not([disabled],[aria-disabled="true"])'),
      text: boxes.map(textOf).filter(Boolean).join('\n\n'),
      reply: inDialog ? modes.has('reply') : a.replyPage.test(routeOf()),
      scheduled: modes.has('schedule') && (inDialog || composer.contains(scheduledIn)),
      quote: inDialog && modes.has('quote'),
      intent: a.intentPage.test(routeOf()) || modes.has('intent'),
    });
    if (candidate) begin(candidate, composer, boxes);
  };

  /**
   * A submit gesture for `candidate` at `at` (the composer, or the repost menu item): wait for the
   * site's answer. `boxes`: the composer's text boxes (none for a repost); `item`: the reposted post.
   */
  const begin = (candidate: Candidate, at: Element, boxes: Element[], item?: Element) => {
    tracker.gesture(candidate, keyOf(candidate, item));
    stopWaiting?.();
    stopWaiting = awaitConfirmation(at, boxes, item);
  };

  /** Watches for the site's answer to the pending submission, from the gesture until answer or timeout. */
  const awaitConfirmation = (at: Element, boxes: Element[], item?: Element) => {
    // The page, and the shadow root the gesture happened in (if any: else that is the page again).
    const roots = [document, at.getRootNode() as ShadowRoot | Document];
    const notices = () => roots.flatMap((r) => [...r.querySelectorAll(a.notice)]);
    const seen = new Set(notices());
    userActed = false;

    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    const finish = (by: Confirmation | null) => {
      stop();
      const share = tracker.settle(by);
      if (!share) return;
      if (share.kind != 'repost') modes.clear();
      report(share);
    };
    const check = () => {
      for (const n of notices()) {
        if (seen.has(n)) continue;
        seen.add(n);
        // A new notice without a link to a new post is the site saying no (server error, duplicate).
        return finish(n.querySelector(a.sentNoticeLink) ? 'notice' : null);
      }
      if (item?.querySelector(a.repostDone)) return finish('reposted');
      // Emptied or removed by the site itself — not after the employee went on editing or clicking.
      if (!userActed && boxes.length && boxes.every((b) => !b.isConnected || !textOf(b))) finish('composer-closed');
    };

    const observer = new MutationObserver(check);
    for (const r of roots) {
      observer.observe(r, { childList: true, subtree: true, characterData: true, attributeFilter: ['data-testid'] });
    }
    const timer = setTimeout(finish, CONFIRM_TIMEOUT_MS, null);
    // Not tied to the script's lifetime: at most CONFIRM_TIMEOUT_MS after an invalidation it ends.
    return stop;
  };

  listen(
    'click',
    (event) => {
      if (!event.isTrusted) return; // page scripts' synthetic clicks are not the employee's gesture
      const path = event.composedPath();
      const hit = (selector: string) => findInPath(path, selector);
      const menuFor = repostMenuFor;
      repostMenuFor = null;
      let el: Element | undefined;
      if ((el = hit(a.submitButton))) return onSubmit(el, el);
      userActed = true;
      if (hit(a.composerOpener)) mode();
      else if ((el = hit(a.scheduleButton))) {
        modes.add('schedule');
        scheduledIn = el;
      } else if (hit(a.replyButton)) mode('reply');
      else if ((el = hit(a.repostButton))) repostMenuFor = el.closest(a.repostedItem) ?? el;
      else if ((el = hit(a.repostConfirm))) begin(repostCandidate(a.network), el, [], menuFor ?? el);
      // Any other item of the repost menu ("Quote", "Repost with your thoughts") opens a quote.
      else if (menuFor && hit(a.repostMenuItem)) mode('quote');
    },
  );

  listen(
    'keydown',
    (event) => {
      const e = event as KeyboardEvent;
      if (!e.isTrusted || e.key != 'Enter' || !(e.ctrlKey || e.metaKey)) return;
      const box = findInPath(e.composedPath(), a.composerText);
      if (box) onSubmit(null, box);
    },
  );

  const onRoute = (url: URL | Location = location) => {
    const r = url.pathname + url.search;
    if (!a.composeRoute.test(r)) modes.clear();
    if (a.intentPage.test(r)) modes.add('intent');
  };
  // Content scripts run at document_start: sites drop ?shareActive=… from the address soon after.
  onRoute();
  return onRoute;
}
