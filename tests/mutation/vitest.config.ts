import { defineConfig, mergeConfig } from 'vitest/config';
import unit from '../../vitest.config';
import { forksPool, LoadFailureAsFailedTest } from './stryker-vitest';

// The unit-test config as StrykerJS runs it (`npm run mutation`, see stryker.config.mjs); the everyday
// suite never loads this file.
export default mergeConfig(
  unit,
  defineConfig({
    plugins: [forksPool()],
    test: { reporters: [new LoadFailureAsFailedTest()] },
  }),
);
