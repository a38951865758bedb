import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extensionBuild } from './harness/browsers';

// The content scripts load on every LinkedIn and X page: each stays within 3 KB gzip, so
// no React, no zod and no messaging library in them. Measured on the builds the e2e setup just made,
// like `gzip -9c .output/chrome-mv3/content-scripts/x.js | wc -c`.
const BUDGET = 3 * 1024;

describe.each(['chromium', 'firefox'] as const)('content-script size in the %s build', (name) => {
  it.each(['x', 'linkedin'])('%s.js is within 3 KB gzip', (script) => {
    const code = readFileSync(join(extensionBuild(name), 'content-scripts', `${script}.js`));
    const size = gzipSync(code, { level: 9 }).length;
    expect(size, `${script}.js is ${size} bytes gzip`).toBeLessThanOrEqual(BUDGET);
    // Nothing heavy slipped in: zod, React and @webext-core/messaging leave these marks.
    expect(code.toString()).not.toMatch(/ZodError|react\.element|zero-serialize-error|\[messaging\]/);
  });
});
