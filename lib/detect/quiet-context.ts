// The content scripts' lifecycle, silent towards the page. WXT's own ContentScriptContext announces
// every content script to the page (window.postMessage with "<extension id>:<entry>:wxt:content-script-started")
// and aborts when the page dispatches a CustomEvent of that name on `document`; its URL watcher
// dispatches "<id>:<entry>:wxt:locationchange" on `window`. Page scripts see all of that: LinkedIn or X
// could detect Sharewise and switch it off. wxt.config.ts aliases WXT's module to this one, so the
// `ctx` every content script's main() receives is this class: its own AbortController, route changes
// delivered on a private EventTarget, nothing posted or dispatched where the page can hear it.
// Same public surface as WXT's class (wxt/utils/content-script-context), so entrypoints read as usual.

import { browser } from 'wxt/browser';

/** What WXT's `wxt:locationchange` handlers receive. */
export class LocationChange extends Event {
  constructor(
    readonly newUrl: URL,
    readonly oldUrl: URL,
  ) {
    super('wxt:locationchange');
  }
}

/** Current URL as far as the extension can see it (the page's own `location`). */
const here = () => new URL(location.href);

export class ContentScriptContext {
  private readonly controller = new AbortController();
  /** Only this script holds it: the page cannot listen on it nor dispatch to it. */
  private readonly routes = new EventTarget();
  private watching = false;

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  /** Invalid once aborted, or once the extension was reloaded or removed (the runtime is gone). */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((t) => this.isValid && callback(t));
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((d) => !this.signal.aborted && callback(d), options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  /** Like WXT's: removed on invalidation. `wxt:locationchange` is private to this script (see above). */
  addEventListener(target: EventTarget, type: string, handler: (event: never) => void, options?: AddEventListenerOptions): void {
    const listener = handler as unknown as EventListener;
    if (type === 'wxt:locationchange') {
      this.routes.addEventListener(type, listener, { ...options, signal: this.signal });
      this.watchRoutes();
      return;
    }
    target.addEventListener(type, listener, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
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
      nav.addEventListener('navigate', (e) => changed(new URL((e as Event & { destination: { url: string } }).destination.url)), {
        signal: this.signal,
      });
    } else {
      this.setInterval(() => changed(here()), 1000);
    }
  }
}
