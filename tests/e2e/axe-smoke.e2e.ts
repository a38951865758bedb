import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness/axe';
import { BROWSERS, useBrowser } from './helpers';

describe.each(BROWSERS)('accessibility harness in %s', (name) => {
  const ctx = useBrowser(name);

  it('finds a real violation, so a clean result means something', async () => {
    const page = await ctx.browser.openExtensionPage('/popup.html', 'main');
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main')!.append(img);
    });
    expect((await axeViolations(page)).map((v) => v.id)).toContain('image-alt');
    await page.close();
  });

  it('reports no violations on the popup', async () => {
    const page = await ctx.browser.openExtensionPage('/popup.html', 'main');
    expect(await axeViolations(page)).toEqual([]);
  });
});
