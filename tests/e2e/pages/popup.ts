import type { ExtensionBrowser } from '../harness/browsers';
import { waitUntil, type TestPage } from '../harness/page';

/** The popup, opened as a tab (the toolbar popup cannot be driven headless). */
export class PopupPage {
  private constructor(readonly page: TestPage) {}

  static async open(browser: ExtensionBrowser): Promise<PopupPage> {
    return new PopupPage(await browser.openExtensionPage('/popup.html', 'main'));
  }

  async waitForHeadline(text: string): Promise<void> {
    await waitUntil(async () => (await this.page.text('[data-testid="vision-headline"]')) === text, `headline "${text}"`);
  }

  /** The number in "Shares logged on this device: N". */
  async shareCount(): Promise<number> {
    const text = (await this.page.text('[data-testid="share-count"]')) ?? '';
    const match = /(\d+)\s*$/.exec(text);
    if (!match) throw new Error(`no share count in "${text}"`);
    return Number(match[1]);
  }
}
