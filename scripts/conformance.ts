/**
 * npm run conformance -- <TI file> [--sheet <name>]
 *
 * Reads any TI CPI result file (CSV or .xlsx), recomputes each row's score, standard error and 90%
 * confidence interval from its source scores with aggregate(), and each rank within its year with
 * rank(), and prints the agreement with TI's published figures per edition.
 * Exit codes: 0 done, 1 usage, 2 file missing or unreadable.
 */
import { existsSync } from 'node:fs';
import { CONFORMANCE_LEGEND, conformanceTable, readTiFile, tiReadSummary } from '../src/cli/tiFile.js';
import { CpiGapError } from '../src/errors.js';
import { tiConformance, type TiResults } from '../src/ti/index.js';

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
