// Wires the pure engine to a page: capture-phase gesture listeners always, and a MutationObserver
// only between a submit gesture and its confirmation or timeout. Reads nothing but the composer
// being submitted; adds nothing to the page; never touches the page's own JavaScript.
import type { SiteAdapter } from './adapter';
import { type Candidate, CONFIRM_TIMEOUT_MS, createTracker, decideSubmit, keyOf, repostCandidate } from './engine';
import type { Confirmation, DetectDiagnostic, DetectedShare } from './types';

/**
 * The site this content script is built for: WXT's per-entrypoint build constant ('x', 'linkedin';
 * undefined in unit tests, where every branch stays). Code one site never needs is dropped from the
 * other's script at build time, which keeps each under 3 KB gzip: X's shortcuts, Undo post and post
 * menu on LinkedIn; the server-driven screens on X.
 */
const SITE: string | undefined = import.meta.env.ENTRYPOINT;
const X = SITE != 'linkedin';
const LINKEDIN = SITE != 'x';

/** How long X Premium's "Undo post" may hold a post back (its longest setting is 60 s). */
export const UNDO_TIMEOUT_MS = 65_000;

/** The first element on an event's path (open shadow roots included) matching `selector`. */
export function findInPath(path: EventTarget[], selector: string): Element | undefined {
  // Window, document and shadow roots are on the path too; they have no matches().
  return (path as Element[]).find((node) => node.matches?.(selector));
}

/** A composer box's text: a textarea's value (X mobile layout) or a contenteditable's text. */
const textOf = (box: Element): string => ((box as HTMLTextAreaElement).value ?? (box as HTMLElement).innerText).trim();

/** The last button inside `el`: a screen's primary action when it has no stable attribute. */
const lastButton = (el?: Element | null) => (el ? [...el.querySelectorAll('button')].pop() : undefined);

/** A route as the adapters' patterns see it: path and query. */
const routeOf = () => location.pathname + location.search;

/** A multi-line text box, as composers have (a dialog with one may be a composer no rule knows). */
const TEXT_BOX = '[contenteditable="true"],textarea';
/** Anything the employee can type into: keyboard shortcuts do not apply there. */
const EDITABLE = TEXT_BOX + ',input,select';

/** Call on every client-side route change (WXT `wxt:locationchange`), with the new URL. */
export type OnRoute = (url: URL) => void;

/** Where a watcher's findings go: the content script sends them to the background as these messages. */
export type Sink = ((type: 'cs:shareDetected', share: DetectedShare) => void) &
  ((type: 'cs:detectDiagnostic', note: DetectDiagnostic) => void);

type Mode = 'quote' | 'reply' | 'edit' | 'schedule' | 'intent';

export function watchShares(a: SiteAdapter, out: Sink, signal: AbortSignal): OnRoute {
  const tracker = createTracker(() => crypto.randomUUID());
  const modes = new Set<Mode>();
  let scheduledIn: Element | null = null;
  /** The menu just opened: the post it belongs to (a repost's identity) and what its other items open. */
  let menu: [Element | null, Mode] | null = null;
  let stopWaiting: (() => void) | undefined;
  /** Whether the employee clicked anything since the submit (e.g. closed the composer themselves). */
  let userActed = false;
  /** Whether the employee clicked inside a notice since the submit (X's Undo). */
  let undone = false;
  /** A new composer is being opened: earlier modes end, `m` begins. */
  const mode = (m?: Mode) => {
    modes.clear();
    if (m) modes.add(m);
  };
  const listen = (type: string, fn: (e: Event) => void) =>
    document.addEventListener(type, fn, { capture: true, signal });

  /**
   * A content-free note that detection may be missing something here: the layout, and the names of
   * the adapter's hooks found in `el` (e.g. "dialog", "composertext") — never text, URLs or ids.
   */
  const diagnose = (el: Element, reason: DetectDiagnostic['reason']) =>
    out('cs:detectDiagnostic', {
      network: a.network,
      layout: a.layoutOf(el),
      hooks: Object.entries(a)
        .filter(([, s]) => typeof s == 'string' && (el.matches(s) || el.querySelector(s)))
        .map(([k]) => k.toLowerCase()),
      reason,
    });

  /** The button that publishes composer `c`, if `c` is a whole composer. */
  const submitOf = (c: Element) =>
    c.querySelector(a.submitButton) ?? (LINKEDIN && c.matches(a.submitScreen) ? lastButton(c) : null);

  /** The composer around `el`: the nearest ancestor holding text boxes and a submit button; its boxes. */
  const composerOf = (el: Element): [Element, Element[]] | null => {
    for (let c: Element | null = el; c; c = c.parentElement) {
      const boxes = c.querySelectorAll(a.composerText);
      if (boxes.length && submitOf(c)) return [c, [...boxes]];
    }
    return null;
  };

  const onSubmit = (button: Element | null | undefined, from: Element) => {
    const found = composerOf(from);
    if (!found) return;
    const [composer, boxes] = found;
    button ??= submitOf(composer);
    const route = routeOf();
    // A dialog, or a composer that fills the page (X's /compose/post in a narrow window).
    const modal = !!composer.closest(a.dialog) || a.composeRoute.test(route);
    const candidate = decideSubmit(a.network, {
      disabled: !button?.matches(':not([disabled],[aria-disabled="true"])'),
      text: boxes.map(textOf).filter(Boolean).join('\n\n'),
      reply: a.replyPage.test(route) || (modal && modes.has('reply')),
      scheduled:
        !!composer.querySelector(a.scheduledMark) ||
        (modes.has('schedule') && !!scheduledIn && (scheduledIn.contains(composer) || composer.contains(scheduledIn))),
      quote: modal && modes.has('quote'),
      edit: modal && modes.has('edit'),
      intent: a.intentPage.test(route) || modes.has('intent'),
    });
    if (candidate) begin(candidate, composer, boxes);
  };

  /**
   * A submit gesture for `candidate` at `at` (the composer, or the repost menu item): wait for the
   * site's answer. `boxes`: the composer's text boxes (none for a repost); `item`: the reposted post.
   */
  const begin = (candidate: Candidate, at: Element, boxes: Element[], item?: Element | null) => {
    candidate.layout = a.layoutOf(item ?? at);
    tracker.gesture(candidate, keyOf(candidate, item));
    stopWaiting?.();
    stopWaiting = awaitConfirmation(at, boxes, item);
  };

  /** Watches for the site's answer to the pending submission, from the gesture until answer or timeout. */
  const awaitConfirmation = (at: Element, boxes: Element[], item?: Element | null) => {
    // The page, and the shadow root the gesture happened in (if any: else that is the page again).
    const roots = [document, at.getRootNode() as ShadowRoot | Document];
    const notices = () => roots.flatMap((r) => [...r.querySelectorAll(a.notice)]);
    const seen = new Set(notices());
    /** X Premium's "Sending post…" notice, while it is shown. */
    let undo: Element | undefined;
    /** The site refused a send of this post: only its own "sent" notice confirms it now. */
    let refused = false;
    userActed = undone = false;

    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    const finish = (by: Confirmation | null, permalink?: string) => {
      stop();
      const share = tracker.settle(by, permalink);
      if (!share) return;
      modes.clear();
      out('cs:shareDetected', share);
    };
    const check = () => {
      for (const n of notices()) {
        if (seen.has(n)) continue;
        seen.add(n);
        const link = n.querySelector<HTMLAnchorElement>(a.sentNoticeLink);
        if (link) return finish('notice', link.href);
        if (X && n.querySelector(a.undoButton)) {
          // Not a failure: the post goes out when the countdown ends, unless undone.
          undo = n;
          clearTimeout(timer);
          timer = setTimeout(expire, UNDO_TIMEOUT_MS);
        } else if (!item) {
          // A link-less notice (server error, "you already said that"). Repost notices never link,
          // in any order with the button flip, so for a repost only the flip counts.
          refused = true;
          if (tracker.reject()) return stop();
        }
      }
      if (undo) return undo.isConnected || finish(undone ? null : 'undo-elapsed');
      if (item?.querySelector(a.repostDone)) return finish('reposted');
      // Emptied or removed by the site itself — not after the employee went on editing or clicking.
      if (!userActed && !refused && boxes.length && boxes.every((b) => !b.isConnected || !textOf(b)))
        finish('composer-closed');
    };
    /** No answer in time: nothing is logged, and the page may have changed in a way we do not know. */
    const expire = () => {
      finish(null);
      if (!refused) diagnose(at, 'no-outcome');
    };

    const observer = new MutationObserver(check);
    for (const r of roots) {
      observer.observe(r, { childList: true, subtree: true, characterData: true, attributeFilter: ['data-testid'] });
    }
    let timer = setTimeout(expire, CONFIRM_TIMEOUT_MS);
    // Not tied to the script's lifetime: at most UNDO_TIMEOUT_MS after an invalidation it ends.
    return stop;
  };

  /** A click, or Enter on a focused menu item: what it means for the composer and the repost menu. */
  const act = (path: EventTarget[]) => {
    const hit = (selector: string) => findInPath(path, selector);
    /** The last button of a `screen` on the path, if that button was hit (a primary action by structure). */
    const primary = (screen: string) => {
      const b = lastButton(hit(screen));
      return b && path.includes(b) ? b : undefined;
    };
    const opened = menu;
    menu = null;
    let el: Element | undefined;
    if ((el = hit(a.submitButton) ?? (LINKEDIN ? primary(a.submitScreen) : undefined))) return onSubmit(el, el);
    userActed = true;
    if (X && hit(a.notice)) undone = true;
    if (hit(a.composerOpener)) mode();
    else if ((el = hit(a.scheduleButton) ?? (LINKEDIN ? primary(a.scheduleScreen) : undefined))) {
      modes.add('schedule');
      scheduledIn = el.closest(a.dialog) ?? el;
    } else if (hit(a.replyButton)) mode('reply');
    else if ((el = hit(a.repostButton))) menu = [el.closest(a.repostedItem) ?? el, 'quote'];
    else if (X && hit(a.editMenu)) menu = [null, 'edit'];
    else if ((el = hit(a.repostConfirm)) && opened?.[1] != 'edit')
      begin(repostCandidate(a.network), el, [], opened?.[0] ?? el);
    // Any other item of the repost menu ("Quote", "Repost with your thoughts") opens a quote;
    // an item of a post's own menu may open an edit of it.
    else if (opened && hit(a.repostMenuItem)) mode(opened[1]);
    // The primary button of a dialog with a text box, which no rule knows: a composer we may miss.
    else if ((el = hit(a.dialog))?.querySelector(TEXT_BOX) && primary(a.dialog)) diagnose(el, 'unclassified-submit');
  };

  listen('click', (event) => {
    // Page scripts' synthetic clicks are not the employee's gesture.
    if (event.isTrusted) act(event.composedPath());
  });

  listen('keydown', (event) => {
    const e = event as KeyboardEvent;
    if (!e.isTrusted) return;
    const path = e.composedPath();
    if (e.key == 'Enter' && (e.ctrlKey || e.metaKey)) {
      const box = findInPath(path, a.composerText);
      if (box) onSubmit(null, box);
    } else if (X) {
      if (e.key == 'Enter' && menu && findInPath(path, a.repostMenuItem)) act(path);
      else if (!findInPath(path, EDITABLE) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        // X's keyboard shortcuts open composers and menus without a click: n anywhere, r and t on the
        // focused post.
        const k = a.keys[e.key];
        const post = (e.target as Element).closest?.(a.repostedItem);
        if (k == 'post') mode();
        else if (post && k == 'reply') mode(k);
        else if (post && k) menu = [post, 'quote'];
      }
    }
  });

  const onRoute = (url: URL | Location = location) => {
    const r = url.pathname + url.search;
    if (!a.composeRoute.test(r)) modes.clear();
    if (a.intentPage.test(r)) modes.add('intent');
  };
  // Content scripts run at document_start: sites drop ?shareActive=… from the address soon after.
  onRoute();
  return onRoute;
}
