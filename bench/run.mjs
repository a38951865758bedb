#!/usr/bin/env node
// `npm run bench`: builds the Chromium extension, measures the figures in bench/figures.ts on it in
// real Chromium, prints a table, writes bench/results/latest.{json,md} and refreshes the table in
// docs/benchmarks.md. A missed target is reported (OVER TARGET), never a failed exit: speed is
// tracked here, not gated in `npm test`. A broken measurement does fail (exit 1).
//
//   BENCH_SKIP_BUILD=1  reuse .output/chrome-mv3     BENCH_QUICK=1  fewer runs (smoke check)
//   BENCH_DEBUG=1       print every run of the host-overhead figure
//   BENCH_NETNS=0       do not isolate the fixture server in a private network namespace
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const resultsDir = join(root, 'bench/results');
mkdirSync(resultsDir, { recursive: true });

if (process.env.BENCH_SKIP_BUILD !== '1') {
  console.log('bench: building the Chromium extension (wxt build)…');
  // NODE_ENV=production: a build started from a test runner (NODE_ENV=test) bundles React's
  // development build, half again as large and slower; the figures are about what ships.
  execFileSync('npx', ['wxt', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
{
  // A reused build (BENCH_SKIP_BUILD=1) must be a production one: the e2e suite's builds are not.
  const chunks = join(root, '.output/chrome-mv3/chunks');
  const dev =
    existsSync(chunks) &&
    readdirSync(chunks).some((f) =>
      readFileSync(join(chunks, f), 'utf8').includes('Each child in a list should have a unique'),
    );
  if (dev) {
    console.error(
      'bench: .output/chrome-mv3 holds a development build (React dev warnings inside); run without BENCH_SKIP_BUILD',
    );
    process.exit(1);
  }
}

// As root (CI) a private network namespace keeps the fixture server's port and the browsers' traffic
// from meeting anything else on the machine; otherwise run as is.
const canIsolate =
  process.getuid?.() === 0 && process.env.BENCH_NETNS !== '0' && spawnSync('unshare', ['-n', 'true']).status === 0;
const cmd = 'npx tsx bench/figures.ts';
const run = canIsolate
  ? spawnSync('unshare', ['-n', 'sh', '-c', `ip link set lo up && ${cmd}`], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 << 20,
    })
  : spawnSync('sh', ['-c', cmd], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 << 20,
    });
const line = (run.stdout ?? '').split('\n').find((l) => l.startsWith('@@BENCH@@'));
if (run.status !== 0 || !line) {
  process.stdout.write(run.stdout ?? '');
  console.error(`bench: measuring failed (exit ${run.status})`);
  process.exit(1);
}
const result = JSON.parse(line.slice('@@BENCH@@'.length));

const verdict = (f) =>
  f.value === null ? 'PENDING' : f.target === null ? 'measured' : f.value <= f.target ? 'PASS' : 'OVER TARGET';
const fmt = (f) => (f.value === null ? '—' : `${f.value} ${f.unit}`);
const target = (f) => (f.target === null ? '—' : `≤ ${f.target} ${f.unit}`);

const m = result.machine;
const machineLine = `${m.cores} cores, ${m.cpu}, ${m.chromium}, Node ${m.node}, ${m.platform}${m.load ? `, load average ${m.load.join(' / ')} at start` : ''}`;
const md = [
  `Measured ${result.at.replace('T', ' ').slice(0, 16)} UTC on commit ${result.commit}${result.quick ? ' (quick run: fewer repetitions)' : ''}.`,
  `Machine: ${machineLine}.`,
  '',
  '| Figure | Value | Target | Result | How |',
  '| --- | --- | --- | --- | --- |',
  ...result.figures.map((f) => `| ${f.name} | ${fmt(f)} | ${target(f)} | ${verdict(f)} | ${f.detail} |`),
  '',
].join('\n');

// A subset (BENCH_ONLY) is a working measurement: it never replaces the full table.
const partial = !!process.env.BENCH_ONLY;
const base = partial ? 'partial' : 'latest';
writeFileSync(join(resultsDir, `${base}.json`), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(resultsDir, `${base}.md`), md);

// docs/benchmarks.md keeps the latest table between these markers.
const readmePath = join(root, 'docs/benchmarks.md');
const readme = readFileSync(readmePath, 'utf8');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
if (!partial && readme.includes(START) && readme.includes(END)) {
  const next = `${readme.slice(0, readme.indexOf(START) + START.length)}\n${md}${readme.slice(readme.indexOf(END))}`;
  if (next !== readme) writeFileSync(readmePath, next);
}

const w = Math.max(...result.figures.map((f) => f.name.length));
console.log(`\nSharewise benchmarks — ${machineLine}`);
for (const f of result.figures) {
  console.log(`  ${f.name.padEnd(w)}  ${fmt(f).padStart(12)}  ${target(f).padStart(12)}  ${verdict(f)}`);
}
const over = result.figures.filter((f) => verdict(f) === 'OVER TARGET');
console.log(
  over.length
    ? `\n${over.length} figure(s) over target: ${over.map((f) => f.name).join('; ')}`
    : '\nAll measured figures within target.',
);
console.log(
  `Written: bench/results/${base}.json, bench/results/${base}.md${!partial && existsSync(readmePath) ? ', docs/benchmarks.md' : ''}`,
);
