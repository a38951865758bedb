import type { ExtensionBrowser } from '../harness/browsers';
import { waitUntil, type TestPage } from '../harness/page';

type Api = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
/** Reads the stored settings from inside an extension page (Chromium: chrome.*, Firefox: browser.*). */
const STORED_SETTINGS = async (): Promise<unknown> => {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome)!;
  return (await api.storage.local.get('settings')).settings ?? null;
};

/** The options page: privacy controls, "what my employer sees", tracking, my data. */
export class OptionsPage {
  private constructor(readonly page: TestPage) {}

  static async open(browser: ExtensionBrowser): Promise<OptionsPage> {
    // The page draws at once and fills in the administrator's policy when it arrives: tests read it once in.
    return new OptionsPage(
      await browser.openExtensionPage('/options.html', '[data-testid="options"][data-policy="read"]'),
    );
  }

  async storedSettings<T = Record<string, any>>(): Promise<T | null> {
    return (await this.page.evaluate(STORED_SETTINGS)) as T | null;
  }

  private async checked(testId: string): Promise<boolean> {
    return this.page.evaluate(
      (id) => (document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement).checked,
      testId,
    );
  }

  /** Clicks a switch (a real click) unless it is already in the wanted state. */
  async setSwitch(testId: string, on: boolean): Promise<void> {
    if ((await this.checked(testId)) !== on) await this.page.click(`[data-testid="${testId}"]`);
    await waitUntil(async () => (await this.checked(testId)) === on, `${testId} to be ${on ? 'on' : 'off'}`);
  }

  /** The exact JSON behind "Show exact data"; null when there is no report (reporting off, nothing to send). */
  async previewJson(): Promise<Record<string, unknown> | null> {
    const text = await this.page.text('[data-testid="preview-json"]');
    return text === null ? null : JSON.parse(text);
  }

  /** Opens "Advanced" (company feed, outbox, sent log), as the employee does, unless it is open. */
  async openAdvanced(): Promise<void> {
    if (await this.page.evaluate(() => (document.querySelector('[data-testid="advanced"]') as HTMLDetailsElement).open))
      return;
    await this.page.click('[data-testid="advanced"] > summary');
    await waitUntil(
      () => this.page.evaluate(() => (document.querySelector('[data-testid="advanced"]') as HTMLDetailsElement).open),
      'Advanced to open',
    );
  }

  /** Waits until the raw JSON preview satisfies `check`, and returns it. */
  async waitForPreview(
    what: string,
    check: (r: Record<string, unknown> | null) => boolean,
  ): Promise<Record<string, unknown> | null> {
    let last: Record<string, unknown> | null = null;
    await waitUntil(async () => check((last = await this.previewJson())), `preview: ${what}`);
    return last;
  }

  async pauseUntilResumed(): Promise<void> {
    await this.page.click('[data-testid="pause"]');
    await waitUntil(async () => (await this.storedSettings())?.tracking?.paused === true, 'pause to be saved');
  }

  async resume(): Promise<void> {
    await this.page.click('[data-testid="resume"]');
    await waitUntil(async () => (await this.storedSettings())?.tracking?.paused === false, 'resume to be saved');
  }

  async historyIds(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="history-row"]')].map((r) => (r as HTMLElement).dataset.shareId!),
    );
  }

  async status(): Promise<string> {
    return (await this.page.text('[data-testid="data-status"]')) ?? '';
  }

  /** Clicks "Export all (JSON)" and returns the file's text, captured as the page hands it to the download. */
  async exportJson(): Promise<string> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __exported?: Promise<string>; __hooked?: boolean };
      if (w.__hooked) return;
      w.__hooked = true;
      const original = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (obj: Blob | MediaSource) => {
        if (obj instanceof Blob) w.__exported = obj.text();
        return original(obj);
      };
    });
    await this.page.evaluate(() => void delete (window as unknown as { __exported?: unknown }).__exported);
    await this.page.click('[data-testid="export-json"]');
    await waitUntil(
      () => this.page.evaluate(() => !!(window as unknown as { __exported?: unknown }).__exported),
      'the export',
    );
    return this.page.evaluate(() => (window as unknown as { __exported: Promise<string> }).__exported);
  }

  /** Chooses a file in the import field, as a user picking it would. */
  async importFile(text: string, name = 'sharewise-export.json'): Promise<void> {
    await this.page.evaluate(
      ({ text, name }) => {
        const input = document.querySelector('[data-testid="import-file"]') as HTMLInputElement;
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type: 'application/json' }));
        input.files = dt.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      { text, name },
    );
  }

  async deleteAll(): Promise<void> {
    await this.page.click('[data-testid="delete-all"]');
    await this.page.click('[data-testid="delete-all-yes"]');
  }

  // Company feed, queued reports and "Send now".

  /** Types an address into "your company's feed address" (replacing what is there) and saves it. */
  async saveFeedUrl(url: string): Promise<void> {
    await this.openAdvanced();
    await this.page.evaluate(() => {
      const input = document.querySelector('[data-testid="feed-url"]') as HTMLInputElement;
      input.focus();
      input.select();
    });
    if (url) await this.page.type(url);
    else await this.page.press('Backspace');
    await this.page.click('[data-testid="feed-url-save"]');
  }

  async feedUrlStatus(): Promise<string> {
    return (await this.page.text('[data-testid="feed-url-status"]')) ?? '';
  }

  /** Waits for the feed section to show `kind` (demo, company, unavailable) and returns its text. */
  async waitForFeedStatus(kind: string): Promise<string> {
    return waitUntil(async () => {
      const shown = await this.page.evaluate(
        () => document.querySelector('[data-testid="feed-status"]')?.getAttribute('data-kind') ?? null,
      );
      return shown === kind ? ((await this.page.text('[data-testid="feed-status"]')) ?? '') : null;
    }, `feed status ${kind}`);
  }

  /** The queued (unsent) reports as shown: key and text of each row. */
  queuedReports(): Promise<{ key: string; text: string; error: string | null }[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="outbox-row"]')].map((r) => ({
        key: (r as HTMLElement).dataset.key!,
        text: r.textContent ?? '',
        error: r.querySelector('[data-testid="outbox-error"]')?.textContent ?? null,
      })),
    );
  }

  /** Clicks "Send now" and waits for its result message. */
  async sendNow(): Promise<string> {
    await this.openAdvanced();
    // The click clears the previous result at once (a discrete event renders synchronously).
    await this.page.click('[data-testid="send-now"]');
    return waitUntil(
      async () => (await this.page.text('[data-testid="send-now-result"]')) || null,
      'the result of "Send now"',
    );
  }

  sentLog(): Promise<{ key: string; ok: boolean; text: string }[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="sent-log-row"]')].map((r) => ({
        key: (r as HTMLElement).dataset.key!,
        ok: (r as HTMLElement).dataset.ok === 'true',
        text: r.textContent ?? '',
      })),
    );
  }
}
