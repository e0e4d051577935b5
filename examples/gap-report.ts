// A gap report for Thailand: each source, each workstream and the CPI against the FY2023 target of 51.
// Run: npx tsx examples/gap-report.ts
import { cpiGap, sourceGaps, sourceLabel, thailand, workstreamGaps, workstreamLabel } from '../src/index.js';

const year = 2025;
const target = 51;

console.log(`Thailand ${year}: gaps to ${target}`);
for (const g of sourceGaps(thailand, { year, target })) {
  console.log(`  ${sourceLabel(thailand, g.source, 'en').padEnd(40)} ${g.score.toFixed(2).padStart(6)}  gap ${g.gap.toFixed(2).padStart(6)}  #${g.gapRank}`);
}
for (const w of workstreamGaps(thailand, { year, target })) {
  console.log(`  ${workstreamLabel(thailand, w.workstream, 'en').padEnd(60)} gap sum ${w.gapSum.toFixed(2)} (shared: ${w.sharedSources.join(', ') || 'none'})`);
}
const cpi = cpiGap(thailand, { year, target });
console.log(`  CPI ${cpi.published ?? '-'}: mean ${cpi.mean.toFixed(2)}, needs ${cpi.neededMean}; total uplift ${cpi.totalUplift.toFixed(2)}, ${cpi.evenUplift.toFixed(2)} per source`);
