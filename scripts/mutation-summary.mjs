// Writes bench/results/mutation.json from Stryker JSON reports: the score per module and in total, and
// every mutant still alive with where it is. Run after `npm run mutation`:
//   node scripts/mutation-summary.mjs [--minutes N] [--load TEXT] [report.json[@commit@minutes] ...]
// (default reports/mutation/mutation.json, on the current commit). Several reports (one module each, from
// `npx stryker run --mutate <file>`) are added up, a module in a later report replacing its earlier
// measurement; `@commit@minutes` records what each was measured on.
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const args = process.argv.slice(2);
const minutesAt = args.indexOf('--minutes');
const minutes = minutesAt >= 0 ? Number(args.splice(minutesAt, 2)[1]) : null;
// What else ran on the machine during the run (the load at the time of this summary says nothing about it).
const loadAt = args.indexOf('--load');
const loadDuring = loadAt >= 0 ? args.splice(loadAt, 2)[1] : undefined;
const head = execSync('git rev-parse --short HEAD').toString().trim();
const reports = (args.length ? args : ['reports/mutation/mutation.json']).map((arg) => {
  const [file, commit = head, runMinutes] = arg.split('@');
  return { file, commit, minutes: runMinutes === undefined ? null : Number(runMinutes) };
});

// Stryker's score: detected (killed, timed out) over valid mutants (errors and ignored ones excluded).
const DETECTED = ['Killed', 'Timeout'];
const VALID = [...DETECTED, 'Survived', 'NoCoverage'];
const modules = {};
const alive = [];
const disabled = [];
const runs = [];
// A module measured again in a later report (after a fix) counts with its latest measurement only.
const latest = {};
for (const report of reports) {
  const files = JSON.parse(readFileSync(report.file, 'utf8')).files;
  runs.push({ modules: Object.keys(files), commit: report.commit, minutes: report.minutes });
  Object.assign(latest, files);
}
{
  for (const [file, { mutants, source }] of Object.entries(latest)) {
    const counts = (modules[file] ??= { mutants: 0, detected: 0, survived: 0, noCoverage: 0, ignored: 0 });
    const lines = source.split('\n');
    for (const m of mutants) {
      if (m.status === 'Ignored') {
        counts.ignored++;
        disabled.push({
          at: `${file}:${m.location.start.line}:${m.location.start.column}`,
          mutator: m.mutatorName,
          reason: m.statusReason,
        });
      }
      if (!VALID.includes(m.status)) continue;
      counts.mutants++;
      if (DETECTED.includes(m.status)) counts.detected++;
      else {
        counts[m.status === 'Survived' ? 'survived' : 'noCoverage']++;
        const { line, column } = m.location.start;
        alive.push({
          at: `${file}:${line}:${column}`,
          status: m.status,
          mutator: m.mutatorName,
          replacement: m.replacement,
          code: lines[line - 1].trim(),
        });
      }
    }
  }
}
const score = (c) => Math.round((10000 * c.detected) / c.mutants) / 100;
const total = Object.values(modules).reduce(
  (t, c) => ({
    mutants: t.mutants + c.mutants,
    detected: t.detected + c.detected,
    survived: t.survived + c.survived,
    noCoverage: t.noCoverage + c.noCoverage,
    ignored: t.ignored + c.ignored,
  }),
  { mutants: 0, detected: 0, survived: 0, noCoverage: 0, ignored: 0 },
);
const out = {
  at: new Date().toISOString(),
  // The commit measured: the runs' own when they agree (a summary may be written later, on another commit).
  commit: runs.every((r) => r.commit === runs[0].commit) ? runs[0].commit : head,
  machine: { cores: os.cpus().length, node: process.version, ...(loadDuring === undefined ? {} : { loadDuring }) },
  minutes:
    minutes ??
    (runs.every((r) => r.minutes !== null) ? Math.round(runs.reduce((t, r) => t + r.minutes, 0) * 10) / 10 : null),
  score: score(total),
  total,
  modules: Object.fromEntries(Object.entries(modules).map(([f, c]) => [f, { score: score(c), ...c }])),
  runs,
  alive,
  disabled,
};
writeFileSync('bench/results/mutation.json', `${JSON.stringify(out, null, 2)}\n`);
console.log(
  `mutation score ${out.score} % (${total.detected}/${total.mutants}; ${alive.length} alive, ${total.ignored} disabled with a reason) → bench/results/mutation.json`,
);
