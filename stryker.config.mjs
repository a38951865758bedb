// StrykerJS: mutation testing of the modules that hold the product's rules (`npm run mutation`, not part
// of `npm test`). How to run and read it: docs/testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'tests/mutation/vitest.config.ts' },
  mutate: [
    'lib/report/build.ts',
    'lib/progress.ts',
    'lib/stats.ts',
    'lib/share-match.ts',
    'lib/detect/engine.ts',
    'lib/feed/parse.ts',
    'lib/feed/schema.ts',
    'lib/report/schedule.ts',
    'lib/period.ts',
    'lib/settings/schema.ts',
    'lib/data/import.ts',
  ],
  coverageAnalysis: 'perTest',
  // Two test processes for a 2-core machine (about half the wall time of one); on a machine busy with
  // other work, `--concurrency 1` leaves a core free.
  concurrency: 2,
  // No checker: @stryker-mutator/typescript-checker needs TypeScript's JavaScript API (TypeScript 7 has
  // none), and Vitest strips types without checking them, so `// @ts-nocheck` in the
  // sandbox would change nothing. `npx tsc --noEmit` checks types.
  disableTypeChecks: false,
  // Stryker rewrites the tsconfig's relative paths for the sandbox through that same API. Our tsconfig has
  // no path leaving the project, so nothing needs rewriting: point the step at a file that does not exist
  // and it is skipped.
  tsconfigFile: 'no-tsconfig-rewrite.json',
  ignorePatterns: ['.output', 'bench/results', 'tests/e2e', 'reports'],
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 97, low: 90, break: null },
  timeoutMS: 10000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  incremental: false,
};
