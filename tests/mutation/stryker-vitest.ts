import type { Plugin } from 'vite';
import type { Reporter, Vitest } from 'vitest/node';
import type { File, Test } from '@vitest/runner';

/**
 * StrykerJS's Vitest runner (9.x and 10.x) starts Vitest with `pool: 'threads'` and no way to change it
 * (stryker-js#5982, #6223). The time-zone tests set `process.env.TZ`, which only the main thread of a
 * process honours, so under threads they test the wrong zone and the dry run fails. Vitest hands every
 * project's resolved config to `configureVitest` after the runner's overrides are applied and before any
 * file runs; setting the pool back to forks there is the one supported hook that sees that config.
 */
export function forksPool(): Plugin {
  return {
    name: 'sharewise:stryker-forks-pool',
    configureVitest({ project }) {
      project.config.pool = 'forks';
    },
  };
}

/**
 * A mutant that makes a module throw while loading (a top-level constant turned into nonsense) leaves the
 * test files importing it with an error and no tests. Stryker's runner builds a mutant's result from the
 * tests it collected, so it would score that mutant "survived" although every test of the file failed
 * (stryker-js#6150). This reporter gives each such file one failed test carrying the load error, which
 * the runner then counts as a kill. Files that loaded are left as they are.
 */
export class LoadFailureAsFailedTest implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  // The runner reads the same state (`vitest.state.getFiles()`) right after the run ends.
  onTestRunEnd(): void {
    for (const file of this.vitest?.state.getFiles() ?? []) addLoadFailureTest(file);
  }
}

/** The transform itself, on Vitest's file task; exported for its unit test. */
export function addLoadFailureTest(file: File): void {
  if (file.result?.state !== 'fail' || file.tasks.length > 0) return;
  // Vitest types a test with a context only it can build; nothing reads one after the run has finished.
  const test = {
    type: 'test',
    id: `${file.id}_load`,
    name: 'test file failed to load',
    fullName: `${file.name} > test file failed to load`,
    mode: 'run',
    file,
    suite: file,
    meta: {},
    annotations: [],
    artifacts: [],
    timeout: 0,
    result: { state: 'fail', errors: file.result.errors ?? [] },
  } as unknown as Test;
  file.tasks.push(test);
}
