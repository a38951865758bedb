import type { ExtensionBrowser } from '../harness/browsers';
import { waitUntil, type TestPage } from '../harness/page';

type Network = 'x' | 'linkedin';

/** The popup, opened as a tab (the toolbar popup cannot be driven headless). */
export class PopupPage {
  private constructor(readonly page: TestPage) {}

  static async open(browser: ExtensionBrowser): Promise<PopupPage> {
    return new PopupPage(await browser.openExtensionPage('/popup.html', 'main'));
  }

  async waitForHeadline(text: string): Promise<void> {
    await waitUntil(
      async () => (await this.page.text('[data-testid="vision-headline"]')) === text,
      `headline "${text}"`,
    );
  }

  /** Shares logged this month (the bonus section's counter; 0 while it invites the first share instead). */
  async shareCount(): Promise<number> {
    await this.page.waitFor('[data-testid="share-count"], [data-testid="no-shares"]');
    const n = await this.page.evaluate(() =>
      document.querySelector('[data-testid="no-shares"]')
        ? '0'
        : (document.querySelector('[data-testid="share-count"]')?.getAttribute('data-month') ?? null),
    );
    if (n === null) throw new Error('no share count on the popup');
    return Number(n);
  }

  /** Ids of the suggested posts on screen, in order. */
  postIds(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('article[data-testid^="post-"]')].map((a) =>
        a.getAttribute('data-testid')!.slice(5),
      ),
    );
  }

  async waitForPosts(): Promise<string[]> {
    return waitUntil(async () => {
      const ids = await this.postIds();
      return ids.length ? ids : null;
    }, 'suggested posts');
  }

  post(id: string): string {
    return `[data-testid="post-${id}"]`;
  }

  /** Networks offered as share buttons on a post. */
  shareButtons(id: string): Promise<string[]> {
    return this.page.evaluate(
      (sel) =>
        [...document.querySelectorAll(`${sel} button[data-testid^="share-"]`)].map((b) =>
          b.getAttribute('data-testid')!.slice(6),
        ),
      this.post(id),
    );
  }

  async share(id: string, network: Network): Promise<void> {
    await this.page.click(`${this.post(id)} [data-testid="share-${network}"]`);
  }

  async waitForShared(id: string, network: Network): Promise<string> {
    return waitUntil(
      () => this.page.text(`${this.post(id)} [data-testid="shared-${network}"]`),
      `"Shared" on ${id} (${network})`,
    );
  }

  text(selector: string): Promise<string | null> {
    return this.page.text(selector);
  }

  async filter(label: string): Promise<void> {
    await this.page.click(`.filter input[value="${label}"]`);
  }

  /** Opens "Suggest this page" (a lazily loaded component) and waits for it. */
  async openSuggest(): Promise<void> {
    // At the bottom of the popup, which may still shift while its sections load: a click that landed
    // elsewhere is repeated until the disclosure is open.
    await waitUntil(async () => {
      const open = await this.page.evaluate(() => {
        const d = document.querySelector('[data-testid="suggest-disclosure"]') as HTMLDetailsElement;
        d.scrollIntoView({ block: 'center' });
        return d.open;
      });
      if (!open) await this.page.click('[data-testid="suggest-disclosure"] > summary');
      return open;
    }, '"Suggest this page" to open');
    await this.page.waitFor('[data-testid="suggest-page"]');
  }
}
