import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Pins what the extension asks the browser for. A new permission, host or content-script match is a
 * deliberate, reviewed change: when you add one on purpose, update the snapshot with
 *   npx vitest run tests/unit/manifest.test.ts -u
 * and say why in the commit. The builds go to a temp dir so .output (used by e2e) is untouched.
 */
const ROOT = join(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'sharewise-manifest-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function buildManifest(browser: 'chrome' | 'firefox'): Record<string, any> {
  const dir = join(outDir, browser);
  const script = `import('wxt').then((w) => w.build({ browser: ${JSON.stringify(browser)}, outDir: ${JSON.stringify(dir)}, logger: { ...console, info() {}, success() {}, warn() {}, debug() {}, log() {}, box() {}, level: 0 } }))`;
  // A script file, not `node --input-type=module -e`: the minifier's worker threads inherit node's
  // flags, and that one would make them ES modules, where they cannot `require`.
  // It lives in the project (tests/.artifacts, ignored by git) so that `import('wxt')` resolves.
  const file = join(ROOT, 'tests/.artifacts', `build-manifest-${browser}.mjs`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, script);
  execFileSync(process.execPath, [file], { cwd: ROOT, stdio: 'pipe' });
  const sub = browser === 'chrome' ? 'chrome-mv3' : 'firefox-mv2';
  return JSON.parse(readFileSync(join(dir, sub, 'manifest.json'), 'utf8'));
}

/** The parts of a manifest that decide what the extension may touch. */
function surface(m: Record<string, any>) {
  return {
    manifest_version: m.manifest_version,
    permissions: [...(m.permissions ?? [])].sort(),
    optional_permissions: [...(m.optional_permissions ?? [])].sort(),
    host_permissions: [...(m.host_permissions ?? [])].sort(),
    optional_host_permissions: m.optional_host_permissions ? [...m.optional_host_permissions].sort() : undefined,
    content_scripts: (m.content_scripts ?? []).map((c: any) => ({
      matches: [...c.matches].sort(),
      exclude_matches: c.exclude_matches,
      run_at: c.run_at,
      all_frames: c.all_frames,
      world: c.world,
      js: c.js,
    })),
    web_accessible_resources: m.web_accessible_resources,
    externally_connectable: m.externally_connectable,
    content_security_policy: m.content_security_policy,
    storage: m.storage,
    browser_specific_settings: m.browser_specific_settings,
    icons: m.icons,
  };
}

describe.each(['chrome', 'firefox'] as const)('the %s manifest', (browser) => {
  const manifest = buildManifest(browser);

  it('asks for exactly the pinned permissions, hosts and content-script matches', () => {
    expect(surface(manifest)).toMatchSnapshot();
  });

  it('only runs content scripts on the networks it observes', () => {
    const allowed = new Set(['https://www.linkedin.com/*', 'https://x.com/*', 'https://twitter.com/*']);
    for (const cs of manifest.content_scripts ?? []) for (const m of cs.matches) expect(allowed).toContain(m);
    for (const host of manifest.host_permissions ?? []) expect(host).not.toMatch(/<all_urls>|^\*:|^https?:\/\/\*\//);
  });

  it('sets its own content security policy: scripts only from the extension, no plugins, no <base>', () => {
    const csp: string | undefined =
      browser === 'chrome' ? manifest.content_security_policy?.extension_pages : manifest.content_security_policy;
    expect(typeof csp).toBe('string');
    const directives = new Map(
      csp!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name!, values]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });

  it('has icons at 16, 32, 48 and 128 px', () => {
    expect(Object.keys(manifest.icons ?? {}).sort()).toEqual(['128', '16', '32', '48']);
  });
});
