// The content scripts' lifecycle, silent towards the page. WXT's own ContentScriptContext announces
// every content script to the page (window.postMessage with "<extension id>:<entry>:wxt:content-script-started")
// and aborts when the page dispatches a CustomEvent of that name on `document`; its URL watcher
// dispatches "<id>:<entry>:wxt:locationchange" on `window`. Page scripts see all of that: LinkedIn or X
// could detect Sharewise and switch it off. wxt.config.ts aliases WXT's module to this one, so the
// `ctx` every content script's main() receives is this class: its own AbortController, route changes
// delivered on a private EventTarget, nothing posted or dispatched where the page can hear it.
// Only the part of WXT's surface the entrypoints use (signal, addEventListener, abort, isValid): the
// class ships in every LinkedIn and X page, whose scripts must stay within 3 KB gzip.

import { browser } from 'wxt/browser';

/** What WXT's `wxt:locationchange` handlers receive. */
export class LocationChange extends Event {
  declare readonly newUrl: URL;
  declare readonly oldUrl: URL;

  constructor(newUrl: URL, oldUrl: URL) {
    super('wxt:locationchange');
    Object.assign(this, { newUrl, oldUrl });
  }
}

/** Current URL as far as the extension can see it (the page's own `location`). */
const here = () => new URL(location.href);

export class ContentScriptContext {
  private readonly controller = new AbortController();
  /** Only this script holds it: the page cannot listen on it nor dispatch to it. */
  private readonly routes = new EventTarget();
  private watching = false;

  /** WXT constructs it with the script's name and options; neither is needed here. */
  constructor(_name?: string, _options?: unknown) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  /** Invalid once aborted, or once the extension was reloaded or removed (the runtime is gone). */
  get isValid(): boolean {
    return browser.runtime?.id != null && !this.signal.aborted;
  }

  /** Like WXT's: removed on invalidation. `wxt:locationchange` is private to this script (see above). */
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: never) => void,
    options?: AddEventListenerOptions,
  ): void {
    const listener = handler as unknown as EventListener;
    const opts = { ...options, signal: this.signal };
    if (type !== 'wxt:locationchange') return target.addEventListener(type, listener, opts);
    this.routes.addEventListener(type, listener, opts);
    this.watchRoutes();
  }

  /**
   * Client-side navigations: the Navigation API where the browser has it (Chromium), else a 1 s poll
   * of the address (Firefox 115), as WXT does, but announced only on the private target.
   */
  private watchRoutes(): void {
    if (this.watching) return;
    this.watching = true;
    let last = here();
    const changed = (next: URL) => {
      if (next.href === last.href) return;
      const event = new LocationChange(next, last);
      last = next;
      this.routes.dispatchEvent(event);
    };
    const nav = (globalThis as { navigation?: EventTarget }).navigation;
    if (typeof nav?.addEventListener === 'function') {
      nav.addEventListener(
        'navigate',
        (e) => changed(new URL((e as Event & { destination: { url: string } }).destination.url)),
        {
          signal: this.signal,
        },
      );
    } else {
      const poll = setInterval(() => (this.isValid ? changed(here()) : clearInterval(poll)), 1000);
    }
  }
}
