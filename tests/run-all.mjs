#!/usr/bin/env node
// `npm test`: unit tests, then the e2e suite in real Chromium and Firefox, then one summary a
// reader can trust (counts read from the runners' JSON reports, not from their logs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, 'tests/.artifacts');
mkdirSync(out, { recursive: true });

const browsers = [
  [process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', 'chromium'],
  [process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', 'firefox-esr'],
];
const missing = browsers.filter(([path]) => !existsSync(path));
if (missing.length) {
  console.error(
    `npm test needs real browsers: missing ${missing.map(([p, pkg]) => `${p} (apt-get install -y ${pkg})`).join(', ')}`,
  );
  process.exit(1);
}

// Type errors fail the suite too: the code under test is the code that compiles.
const typecheck = spawnSync('npx', ['tsc', '--noEmit'], { cwd: root, stdio: 'inherit' });
if (typecheck.status !== 0) {
  console.error('FAIL: type check (npm run compile) failed');
  process.exit(1);
}

// Lint (ESLint with typescript-eslint and React's hook rules): a finding fails the suite like a type error.
const lint = spawnSync('npx', ['eslint', '.', '--max-warnings', '0'], { cwd: root, stdio: 'inherit' });
if (lint.status !== 0) {
  console.error('FAIL: lint (npx eslint .) found problems');
  process.exit(1);
}

// Format (Prettier, .prettierrc.json): a file not in the house format fails the suite; `npm run format` fixes it.
const format = spawnSync('npx', ['prettier', '--check', '.', '--log-level', 'warn'], { cwd: root, stdio: 'inherit' });
if (format.status !== 0) {
  console.error('FAIL: format (npx prettier --check .) found files to format; run npm run format');
  process.exit(1);
}

const suites = [
  { name: 'unit', args: [] },
  { name: 'e2e (Chromium + Firefox)', args: ['-c', 'vitest.e2e.config.ts'] },
];

const results = [];
for (const [i, suite] of suites.entries()) {
  const report = join(out, `report-${i}.json`);
  rmSync(report, { force: true });
  const started = Date.now();
  const run = spawnSync(
    'npx',
    ['vitest', 'run', ...suite.args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { cwd: root, stdio: 'inherit', env: process.env },
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (!existsSync(report)) {
    results.push({
      name: suite.name,
      passed: 0,
      failed: 0,
      skipped: 0,
      seconds,
      broken: `runner exited ${run.status} without a report`,
    });
    continue;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  results.push({
    name: suite.name,
    passed: json.numPassedTests,
    failed: json.numFailedTests + (json.numFailedTestSuites && !json.numFailedTests ? json.numFailedTestSuites : 0),
    skipped: json.numPendingTests + json.numTodoTests,
    seconds,
    broken: run.status !== 0 && json.numFailedTests === 0 ? `runner exited ${run.status}` : null,
  });
}

// Store readiness: addons.mozilla.org's linter on the Firefox build (fresh from the e2e global setup;
// built here if that did not run). Counted as one test: 0 errors passes, warnings are printed.
{
  const started = Date.now();
  const ff = join(root, '.output/firefox-mv2');
  let broken = null;
  let passed = 0;
  let failed = 0;
  if (!existsSync(join(ff, 'manifest.json')))
    spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: root, stdio: 'inherit' });
  const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', ff, '--output', 'json', '--no-config-discovery'], {
    cwd: root,
    encoding: 'utf8',
  });
  try {
    const json = JSON.parse(lint.stdout);
    for (const m of [...json.errors, ...json.warnings])
      console.log(`  web-ext lint ${m._type}: ${m.code} ${m.file ?? ''} ${m.message}`);
    console.log(
      `web-ext lint: ${json.summary.errors} errors, ${json.summary.warnings} warnings, ${json.summary.notices} notices`,
    );
    if (json.summary.errors === 0) passed = 1;
    else failed = 1;
  } catch {
    broken = `web-ext lint gave no report (exit ${lint.status}): ${(lint.stderr ?? '').slice(0, 300)}`;
  }
  results.push({
    name: 'web-ext lint (Firefox)',
    passed,
    failed,
    skipped: 0,
    seconds: ((Date.now() - started) / 1000).toFixed(0),
    broken,
  });
}

const total = (k) => results.reduce((n, r) => n + r[k], 0);
console.log('\nSharewise test summary');
for (const r of results) {
  console.log(
    `  ${r.name.padEnd(26)} ${String(r.passed).padStart(4)} passed  ${String(r.failed).padStart(3)} failed  ${String(r.skipped).padStart(3)} skipped  ${r.seconds}s${r.broken ? `  (${r.broken})` : ''}`,
  );
}
const ok = total('failed') === 0 && total('skipped') === 0 && results.every((r) => !r.broken && r.passed > 0);
console.log(
  `${ok ? 'PASS' : 'FAIL'}: ${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`,
);
process.exit(ok ? 0 : 1);
