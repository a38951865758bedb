import type { ExtensionBrowser } from '../harness/browsers';
import type { TestPage } from '../harness/page';

/** The welcome page opened on install. */
export class WelcomePage {
  private constructor(readonly page: TestPage) {}

  static async open(browser: ExtensionBrowser): Promise<WelcomePage> {
    return new WelcomePage(await browser.openExtensionPage('/welcome.html', '[data-testid="welcome"]'));
  }

  async isChecked(testId: string): Promise<boolean> {
    return this.page.evaluate((id) => (document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement).checked, testId);
  }
}
