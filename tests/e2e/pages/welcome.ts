import type { ExtensionBrowser } from '../harness/browsers';
import type { TestPage } from '../harness/page';

type Api = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

/** The welcome page opened on install. */
export class WelcomePage {
  private constructor(readonly page: TestPage) {}

  static async open(browser: ExtensionBrowser): Promise<WelcomePage> {
    return new WelcomePage(await browser.openExtensionPage('/welcome.html', '[data-testid="welcome"]'));
  }

  async storedSettings(): Promise<Record<string, any> | null> {
    return this.page.evaluate(async () => {
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      return ((await (g.browser ?? g.chrome)!.storage.local.get('settings')).settings ?? null) as Record<
        string,
        any
      > | null;
    });
  }

  async isChecked(testId: string): Promise<boolean> {
    return this.page.evaluate(
      (id) => (document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement).checked,
      testId,
    );
  }
}
