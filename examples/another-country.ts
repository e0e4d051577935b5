// Another country from TI's own file: Indonesia and Malaysia from CPI 2025's results, with the
// same gap analysis as Thailand's. The targets are illustrative: 51 for Indonesia (Thailand's aim),
// 60 for Malaysia, which already scores above 51.
// Run: npx tsx examples/another-country.ts [path/to/CPI2025_Results.csv]
// (In your own project: import { readTiResults, datasetFromTi, ... } from 'cpi-gap'.)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpiGap, datasetFromTi, readTiResults, sourceGaps, sourceLabel } from '../src/index.js';

const shared = process.env.CPI_GAP_SHARED ?? join(import.meta.dirname, '..', '..', 'shared');
const file = process.argv[2] ?? join(shared, 'data', 'ti-cpi', 'CPI2025_Results.csv');
if (!existsSync(file)) {
  console.log(`No TI result file at ${file}.`);
  console.log('TI publishes the CPI results (CSV or Excel) at transparency.org, page "Corruption Perceptions Index",');
  console.log('under CC BY-ND 4.0. Download CPI2025_Results, save the sheet as CSV (or read the .xlsx with');
  console.log("readTiWorkbook from 'cpi-gap/xlsx'), and run: npx tsx examples/another-country.ts path/to/CPI2025_Results.csv");
  process.exit(0);
}

const { rows, report } = readTiResults(readFileSync(file, 'utf8'), { file: 'CPI2025_Results.csv' });
console.log(`${file}: ${rows.length} countries (${report.rejected.length} rows rejected).`);

for (const [iso3, target] of [['IDN', 51], ['MYS', 60]] as const) {
  const { dataset, notes } = datasetFromTi(rows, iso3);
  const year = dataset.years[dataset.years.length - 1] ?? 2025;
  const cpi = cpiGap(dataset, { year, target });
  const row = dataset.cpi.find((c) => c.year === year);
  console.log(`\n${dataset.country.name.en} ${year}: CPI ${cpi.published ?? '-'} (rank ${row?.rank ?? '-'} of ${row?.countries ?? '-'}), ${cpi.n} sources, mean ${cpi.mean.toFixed(2)}`);
  console.log(`  to reach ${target}: the mean must reach ${cpi.neededMean}, +${cpi.totalUplift.toFixed(2)} points in all, ${cpi.evenUplift.toFixed(2)} per source`);
  for (const g of sourceGaps(dataset, { year, target })) {
    console.log(`  ${sourceLabel(dataset, g.source, 'en').padEnd(48)} ${g.score.toFixed(2).padStart(6)}  gap ${g.gap.toFixed(2).padStart(6)}`);
  }
  for (const n of notes) console.log(`  note: ${n}`);
}
console.log('\nSource: Transparency International, Corruption Perceptions Index 2025 (CC BY-ND 4.0).');
