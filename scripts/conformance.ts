/**
 * npm run conformance -- <TI file> [--sheet <name>]
 *
 * Reads any TI CPI result file (CSV or .xlsx), recomputes each row's score, standard error and 90%
 * confidence interval from its source scores with aggregate(), and each rank within its year with
 * rank(), and prints the agreement with TI's published figures per edition.
 * Exit codes: 0 done, 1 usage, 2 file missing or unreadable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CpiGapError } from '../src/errors.js';
import { readTiResults, tiConformance, type EditionConformance, type TiResults } from '../src/ti/index.js';

const USAGE = `usage: npm run conformance -- <TI result file (.csv or .xlsx)> [--sheet <sheet name>]
  Recomputes TI's CPI score, standard error, 90% CI and rank from the file's own source scores
  and prints the agreement per edition (SE and CI bounds within 0.001).
  e.g. npm run conformance -- ../shared/data/ti-cpi/cpi_historical_2012_2025.csv`;

function pct(n: number, of: number): string {
  return of === 0 ? '-' : `${n}/${of}`;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(4);
}

/** The agreement table as fixed-width text. */
function conformanceTable(editions: readonly EditionConformance[]): string {
  const head = ['edition', 'rows', 'score', 'SE<=0.001', 'lower<=0.001', 'upper<=0.001', 'rank', 'max|d| score', 'SE', 'lower', 'upper', 'rank'];
  const body = editions.map((e) => [
    String(e.edition),
    String(e.rows),
    pct(e.scoreAgree, e.computable),
    pct(e.seWithin, e.seCompared),
    pct(e.lowerWithin, e.boundsCompared),
    pct(e.upperWithin, e.boundsCompared),
    pct(e.rankAgree, e.rankCompared),
    fmt(e.maxAbs.score),
    fmt(e.maxAbs.standardError),
    fmt(e.maxAbs.lower),
    fmt(e.maxAbs.upper),
    fmt(e.maxAbs.rank),
  ]);
  const sum = (f: (e: EditionConformance) => number): number => editions.reduce((n, e) => n + f(e), 0);
  const max = (f: (e: EditionConformance) => number): number => editions.reduce((m, e) => Math.max(m, f(e)), 0);
  if (editions.length > 1) {
    body.push([
      'all',
      String(sum((e) => e.rows)),
      pct(sum((e) => e.scoreAgree), sum((e) => e.computable)),
      pct(sum((e) => e.seWithin), sum((e) => e.seCompared)),
      pct(sum((e) => e.lowerWithin), sum((e) => e.boundsCompared)),
      pct(sum((e) => e.upperWithin), sum((e) => e.boundsCompared)),
      pct(sum((e) => e.rankAgree), sum((e) => e.rankCompared)),
      fmt(max((e) => e.maxAbs.score)),
      fmt(max((e) => e.maxAbs.standardError)),
      fmt(max((e) => e.maxAbs.lower)),
      fmt(max((e) => e.maxAbs.upper)),
      fmt(max((e) => e.maxAbs.rank)),
    ]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const args = [...argv];
  let sheet: string | undefined;
  const at = args.indexOf('--sheet');
  if (at >= 0) {
    sheet = args[at + 1];
    args.splice(at, 2);
  }
  const file = args[0];
  if (file === undefined || file === '--help' || file === '-h' || args.length > 1 || (at >= 0 && sheet === undefined)) {
    console.log(USAGE);
    return file === '--help' || file === '-h' ? 0 : 1;
  }
  if (!existsSync(file)) {
    console.error(`conformance: no such file: ${file}`);
    return 2;
  }
  let results: TiResults;
  try {
    if (/\.xlsx$/i.test(file)) {
      const { readTiWorkbook } = await import('../src/ti/xlsx.js');
      results = await readTiWorkbook(readFileSync(file), { file: basename(file), ...(sheet === undefined ? {} : { sheet }) });
    } else {
      results = readTiResults(readFileSync(file, 'utf8'), { file: basename(file) });
    }
  } catch (error) {
    console.error(`conformance: cannot read ${file}: ${error instanceof CpiGapError ? error.message : String(error)}`);
    return 2;
  }
  const { rows, report } = results;
  console.log(`${basename(file)}: ${report.rowsRead} rows read, ${report.rowsAccepted} accepted, ${report.rejected.length} rejected; ${report.recognised.length} columns recognised, ${report.ignored.length} ignored${report.ignored.length > 0 ? ` (${report.ignored.join(', ')})` : ''}`);
  for (const r of report.rejected.slice(0, 10)) console.log(`  rejected line ${r.line}: ${r.reason}`);
  console.log('score: recomputed (rounded) score = TI score; SE, lower, upper: within 0.001 of TI; rank: 1 + #higher scores that year = TI rank');
  console.log(conformanceTable(tiConformance(rows)));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`conformance: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
