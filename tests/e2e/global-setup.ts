import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, FIREFOX_PATH, ROOT } from './harness/browsers';

/** Fails in one line naming what to install; e2e never silently skips a browser. */
export function checkBrowsers(): void {
  const missing = [
    [CHROMIUM_PATH, 'chromium'],
    [FIREFOX_PATH, 'firefox-esr'],
  ].filter(([path]) => !existsSync(path!));
  if (missing.length) {
    throw new Error(
      `Missing browser: ${missing.map(([p, pkg]) => `${p} (install with: apt-get install -y ${pkg})`).join('; ')}`,
    );
  }
}

export default function setup(): void {
  checkBrowsers();
  // The e2e suite always tests the code in the tree: build both targets unless told it is fresh.
  if (process.env.SHAREWISE_SKIP_BUILD !== '1') {
    for (const args of [['build'], ['build', '-b', 'firefox']]) {
      try {
        // NODE_ENV=production: vitest sets NODE_ENV=test, which would bundle React's development build,
        // and the suite must test what ships.
        execFileSync('npx', ['wxt', ...args], {
          cwd: ROOT,
          stdio: 'pipe',
          env: { ...process.env, NODE_ENV: 'production' },
        });
      } catch (err) {
        const { stdout, stderr } = err as { stdout?: Buffer; stderr?: Buffer };
        throw new Error(`wxt ${args.join(' ')} failed:\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`);
      }
    }
  }
}
