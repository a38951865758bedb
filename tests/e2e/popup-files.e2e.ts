import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionBuild } from './harness/browsers';

// Each file an extension page loads is one more request through the browser process; the popup opens
// fastest with few (scripts/popup-chunks.ts, docs/benchmarks.md). Read from the builds the e2e setup made.
describe.each(['chromium', 'firefox'] as const)('the popup in the %s build', (name) => {
  const page = (html: string) => readFileSync(join(extensionBuild(name), html), 'utf8');
  const refs = (html: string, pattern: RegExp) => [...page(html).matchAll(pattern)].map((m) => m[1]!);
  const scripts = (html: string) => refs(html, /<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+)"/g);

  it('loads two scripts and one style sheet', () => {
    expect(scripts('popup.html')).toEqual([
      expect.stringMatching(/^\/chunks\/popup-/),
      expect.stringMatching(/^\/chunks\/popup-core-/),
    ]);
    expect(refs('popup.html', /<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)).toHaveLength(1);
  });

  it("the other pages share its common chunk, not the popup's own script or styles", () => {
    const [own, core] = scripts('popup.html');
    const [popupCss] = refs('popup.html', /<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g);
    for (const html of ['options.html', 'welcome.html']) {
      expect(scripts(html), html).toContain(core);
      expect(scripts(html), html).not.toContain(own);
      expect(page(html), html).not.toContain(popupCss);
    }
  });
});
