import type { ExtensionBrowser } from '../harness/browsers';
import { waitUntil, type TestPage } from '../harness/page';

/** The company tools page (entrypoints/company): feed studio and participation. */
export class CompanyPage {
  private constructor(readonly page: TestPage) {}

  static async open(browser: ExtensionBrowser): Promise<CompanyPage> {
    const company = new CompanyPage(await browser.openExtensionPage('/company.html', '[data-testid="company"]'));
    await company.captureDownloads();
    return company;
  }

  /** Keeps the text of every file the page hands to a download (the page builds a Blob URL for it). */
  private async captureDownloads(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __downloads: Promise<string>[] };
      w.__downloads = [];
      const original = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (obj: Blob | MediaSource) => {
        if (obj instanceof Blob) w.__downloads.push(obj.text());
        return original(obj);
      };
    });
  }

  /** Clicks `testId` and returns the text of the file it downloads. */
  async downloadFrom(testId: string): Promise<string> {
    const before = await this.page.evaluate(() => (window as unknown as { __downloads: unknown[] }).__downloads.length);
    await this.page.click(`[data-testid="${testId}"]`);
    await waitUntil(
      () => this.page.evaluate((n) => (window as unknown as { __downloads: unknown[] }).__downloads.length > n, before),
      `a download from ${testId}`,
    );
    return this.page.evaluate((n) => (window as unknown as { __downloads: Promise<string>[] }).__downloads[n]!, before);
  }

  /** Chooses files in a file input, as the employee's file picker would hand them to the page. */
  async chooseFiles(testId: string, files: { name: string; text: string }[]): Promise<void> {
    await this.page.evaluate(
      ({ testId, files }) => {
        const input = document.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
        const dt = new DataTransfer();
        for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
        input.files = dt.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      { testId, files },
    );
  }

  /** Replaces the value of a form field with real typing. */
  async typeInto(testId: string, text: string): Promise<void> {
    await this.page.click(`[data-testid="${testId}"]`);
    await this.page.press('Control+a');
    await this.page.press('Backspace');
    if (text) await this.page.type(text);
  }

  async studioJson(): Promise<string> {
    return this.page.evaluate(
      () => (document.querySelector('[data-testid="studio-json"]') as HTMLTextAreaElement).value,
    );
  }

  /** The participation table as { person, period, cells by column }. */
  async participation(): Promise<{ person: string; period: string; cells: Record<string, string> }[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="participation-row"]')].map((tr) => ({
        person: (tr as HTMLElement).dataset.person!,
        period: (tr as HTMLElement).dataset.period!,
        cells: Object.fromEntries(
          [...tr.querySelectorAll('td[data-col]')].map((td) => [
            (td as HTMLElement).dataset.col!,
            (td as HTMLElement).dataset.value ?? '',
          ]),
        ),
      })),
    );
  }
}
