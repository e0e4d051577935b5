/**
 * The table of issue 21's closing note, measured: each hostile case of tests/hostile run in its own
 * process (the built bin for the command lines, this script again for the library calls), with its
 * wall time, peak resident memory and outcome, beside the figures the issue measured before.
 *
 *   npm run build && npm run hostile-table
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CpiGapError, aggregate, readTiResults, scenario, thailand } from '../src/index.js';
import { PROGRESS_STATES, readProgressCsv } from '../src/plan/index.js';
import { simulate } from '../src/simulation/index.js';
import { compileExpression } from '../src/expr/index.js';
import { toSvg } from '../src/render/index.js';
import { readTiWorkbook } from '../src/ti/xlsx.js';
import { CLI_CASES, badProgressCsv, caseFolder, sparseXfdWorkbook, tiCsv, whitespaceBombWorkbook } from '../tests/hostile/cliCases.js';
import { HEAP_LIMIT_MB, runBin } from '../tests/hostile/harness.js';

/** A library call of the issue, its old figures, and the call. */
const LIBRARY_CASES: readonly { id: string; title: string; before: string; run: () => unknown }[] = [
  { id: '1a', title: 'readTiWorkbook of the sparse XFD workbook', before: '50 s, 4 GB, killed', run: () => readTiWorkbook(sparseXfdWorkbook()) },
  { id: '1b', title: 'readTiWorkbook of a 100 MB whitespace bomb', before: '2 MB bomb: 2.3 GB', run: () => readTiWorkbook(whitespaceBombWorkbook(100)) },
  { id: '4a', title: 'readProgressCsv of 100,000 bad rows', before: '> 15 min', run: () => readProgressCsv(badProgressCsv(100_000)) },
  { id: '4b', title: 'aggregate(new Array(1e6).fill(NaN))', before: '72 MB message, 1.7 GB', run: () => aggregate(new Array<number>(1e6).fill(Number.NaN), { edition: 2025 }) },
  { id: '4c', title: 'aggregate(new Array(1e7))', before: 'out of memory', run: () => aggregate(new Array<number>(1e7), { edition: 2025 }) },
  {
    id: '7',
    title: "toSvg of a spec with data.url 'file:///etc/passwd'",
    before: 'the file embedded in the SVG',
    run: () => toSvg({ data: { url: 'file:///etc/passwd', format: { type: 'csv' } }, mark: 'text', encoding: { text: { field: 'root' } } } as never),
  },
  {
    id: '8',
    title: 'scenario() with 125,000 changes',
    before: 'RangeError (Math.max spread)',
    run: () => scenario(thailand, { baseYear: 2025, changes: Array.from({ length: 125_000 }, () => ({ kind: 'delta' as const, source: 'VDEM' as const, year: 2026, delta: 0.0001 })) }),
  },
  {
    id: '10',
    title: 'readTiResults with 1e999 as a standard error',
    before: 'Infinity accepted',
    run: () => {
      const { report } = readTiResults(tiCsv('50', '1e999'), { file: 'inf.csv' });
      return `rejected line ${String(report.rejected[0]?.line)}: ${String(report.rejected[0]?.reason)}`;
    },
  },
  {
    id: '11',
    title: 'simulate with an async onProgress that rejects',
    before: 'unhandled rejection kills the host',
    run: () => simulate(thailand, { paths: 300_000, horizon: 1, threads: 1, onProgress: () => Promise.reject(new Error('rejected')) }),
  },
  { id: '12', title: 'PROGRESS_STATES.reverse()', before: 'silently reorders every later report', run: () => (PROGRESS_STATES as unknown as string[]).reverse() },
  { id: '13', title: 'compiled.evaluate(null)', before: 'TypeError', run: async () => (await compileExpression('baseline + 1', { variables: ['baseline'] })).evaluate(null as never) },
];

/** In the child: run one library case and print its outcome, time and peak memory as JSON. */
async function runLibraryCase(id: string): Promise<void> {
  const c = LIBRARY_CASES.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no library case ${id}`);
  const started = process.hrtime.bigint();
  let outcome: string;
  try {
    const value = await c.run();
    outcome = `returned ${typeof value === 'string' ? value : 'a value'}`;
  } catch (error) {
    outcome = error instanceof CpiGapError ? `CpiGapError ${String(error.issues[0]?.code)} (${String(error.message.length)} chars)` : `${error instanceof Error ? error.name : 'throw'}: ${String(error)}`;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, outcome }));
}

const mb = (kb: number | undefined) => (kb === undefined ? '-' : `${String(Math.round(kb / 1024))} MB`);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const lib = process.argv.indexOf('--lib');
  if (lib >= 0) return runLibraryCase(String(process.argv[lib + 1]));
  const lines = ['| case | input | before (issue) | after: time | after: peak RSS | after: outcome |', '|---|---|---|---|---|---|'];
  for (const c of CLI_CASES) {
    const dir = caseFolder(c.id);
    const { argv, run } = c.setup(dir);
    const r = await runBin(argv, { cwd: dir, ...run });
    rmSync(dir, { recursive: true, force: true });
    const said = r.stderr.trim().slice(0, 90).replace(/\|/g, '\\|');
    lines.push(`| CLI ${c.id} | ${c.title} | ${c.before} | ${s(r.ms)} | ${mb(r.maxRssKb)} | exit ${String(r.code ?? r.signal)}: ${said}${r.stderr.trim().length > 90 ? '...' : ''} |`);
  }
  const self = fileURLToPath(import.meta.url);
  for (const c of LIBRARY_CASES) {
    const out = execFileSync(process.execPath, [`--max-old-space-size=${String(HEAP_LIMIT_MB)}`, '--import', 'tsx', self, '--lib', c.id], { encoding: 'utf8' });
    const r = JSON.parse(out) as { ms: number; maxRssKb: number; outcome: string };
    lines.push(`| lib ${c.id} | ${c.title} | ${c.before} | ${s(r.ms)} | ${mb(r.maxRssKb)} | ${r.outcome.slice(0, 100).replace(/\|/g, '\\|')} |`);
  }
  console.log(`Hostile cases (issue 21), each in its own process with a ${String(HEAP_LIMIT_MB)} MB heap; time: wall time of the process (CLI) or of the call (lib); peak RSS of the process.\n`);
  console.log(lines.join('\n'));
}

await main();
