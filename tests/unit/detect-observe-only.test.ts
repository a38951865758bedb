import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Observe only: the code that runs on LinkedIn and X must never change those pages (no elements,
// styles, overlays or attributes) nor patch their JavaScript. A cheap guard on the source: any such
// API in these files fails the test, so adding one is a deliberate, reviewed change.
const files = [
  ...readdirSync('lib/detect').map((f) => `lib/detect/${f}`),
  'lib/messaging/send.ts',
  'entrypoints/x.content.ts',
  'entrypoints/linkedin.content.ts',
];

const FORBIDDEN = [
  /\.(append|appendChild|prepend|insertBefore|insertAdjacent\w*|replaceWith|replaceChildren|remove|removeChild|before|after)\(/,
  /\.(innerHTML|outerHTML|textContent|innerText|value|className|style|id)\s*=[^=]/,
  /\.(setAttribute|removeAttribute|toggleAttribute|attachShadow|adoptedStyleSheets)\b/,
  /\bcreateElement\b|\bcreateShadowRootUi\b|\bcreateIntegratedUi\b|\binjectScript\b/,
  /\b(window|globalThis|history|XMLHttpRequest|fetch)\.\w+\s*=[^=]/, // patching page globals
  /\.prototype\.\w+\s*=/,
  /\b(preventDefault|stopPropagation|stopImmediatePropagation)\(/, // a gesture must reach the site untouched
];

describe('content-script code only observes', () => {
  it.each(files)('%s', (file) => {
    const code = readFileSync(file, 'utf8').replace(/(^|\s)\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    for (const pattern of FORBIDDEN) expect(code, `${file} matches ${pattern}`).not.toMatch(pattern);
  });

  it('the guard catches an injection', () => {
    expect(FORBIDDEN.some((p) => p.test('document.body.append(banner)'))).toBe(true);
    expect(FORBIDDEN.some((p) => p.test("el.style = 'outline: red'"))).toBe(true);
  });
});
