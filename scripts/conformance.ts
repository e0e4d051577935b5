/**
 * npm run conformance -- <TI file> [--sheet <name>]
 *
 * Reads any TI CPI result file (CSV or .xlsx), recomputes each row's score, standard error and 90%
 * confidence interval from its source scores with aggregate(), and each rank within its year with
 * rank(), and prints the agreement with TI's published figures per edition.
 * Exit codes: 0 done, 1 usage, 2 file missing or unreadable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { CONFORMANCE_LEGEND, conformanceTable, readTiFile, tiReadSummary } from '../src/cli/tiFile.js';
import { CpiGapError } from '../src/errors.js';
import { tiConformance, type TiResults } from '../src/ti/index.js';
import { TI_CRITICAL_Z } from '../src/methodology/changeSignificance.js';
import { significanceAgreement, significanceSheetRows, significantChanges } from '../src/ti/significantChanges.js';

const USAGE = `usage: npm run conformance -- <TI result file (.csv or .xlsx)> [--sheet <sheet name>]
  Recomputes TI's CPI score, standard error, 90% CI and rank from the file's own source scores
  and prints the agreement per edition (SE and CI bounds within 0.001).
  e.g. npm run conformance -- ../shared/data/ti-cpi/cpi_historical_2012_2025.csv`;

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
    results = await readTiFile(file, sheet);
  } catch (error) {
    console.error(`conformance: cannot read ${file}: ${error instanceof CpiGapError ? error.message : String(error)}`);
    return 2;
  }
  for (const line of tiReadSummary(file, results)) console.log(line);
  console.log(CONFORMANCE_LEGEND);
  console.log(conformanceTable(tiConformance(results.rows)));
  if (file.toLowerCase().endsWith('.xlsx')) await significanceTable(file);
  return 0;
}

/**
 * TI's sheet "Significant Changes since 2012 " (CPI 2025 workbook, with a trailing space) against the
 * list each significance test rebuilds from the bundled panel's editions: per test, the countries
 * both list, only TI, only the rule, neither, and the agreement.
 */
async function significanceTable(file: string): Promise<void> {
  const { findSheet, loadWorkbook, worksheetCells } = await import('../src/ti/workbookCells.js');
  const wb = loadWorkbook('conformance', readFileSync(file));
  const sheet = wb.sheets.find((w) => w.name.trim().toLowerCase() === 'significant changes since 2012');
  if (sheet === undefined) return;
  const ti = significanceSheetRows(worksheetCells(wb, findSheet('conformance', wb, sheet.name)));
  const { worldRows } = await import('../src/world/worldPanel.js');
  const rows = worldRows();
  const latest = Math.max(...rows.map((r) => r.year));
  const countries = [...new Set(rows.filter((r) => r.year === latest).map((r) => r.iso3))].filter((iso3) => rows.some((r) => r.iso3 === iso3 && r.year < latest));
  console.log(`\nTI's sheet "${sheet.name}" (${ti.length} countries listed) against the list each test rebuilds from the editions ${Math.min(...rows.map((r) => r.year))}-${latest}, ${countries.length} countries:`);
  console.log('test                        both  TI only  rule only  neither  agreement  same year  disagreements');
  const tests = [
    [`ti (|z| > ${TI_CRITICAL_Z}, default)`, { test: 'ti' }],
    ['normal 10% (|z| > 1.645)', { test: 'normal', alpha: 0.1 }],
    ['normal 5%', { test: 'normal' }],
    ['welch 5%', { test: 'welch' }],
  ] as const;
  for (const [name, options] of tests) {
    const a = significanceAgreement(significantChanges(rows, latest, options), ti, countries);
    console.log(`${name.padEnd(26)} ${String(a.both).padStart(5)}  ${String(a.onlyTi).padStart(7)}  ${String(a.onlyRule).padStart(9)}  ${String(a.neither).padStart(7)}  ${(100 * a.agreement).toFixed(2).padStart(8)}%  ${String(a.sameYear).padStart(9)}  ${a.disagreements.slice(0, 6).join('; ')}${a.disagreements.length > 6 ? '; ...' : ''}`);
  }
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
