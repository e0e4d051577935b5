// What if ...? Two planned changes for Thailand from its 2025 scores, alone and together, year by
// year to 2028, with the rank each year's score would have had among CPI 2025's other countries.
// Run: npx tsx examples/what-if.ts
// (In your own project: import { scenario, ... } from 'cpi-gap'.)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeScenarios, readTiResults, scenario, scenarioRank, sourceLabel, thailand, type ScenarioSpec } from '../src/index.js';

// 1. Workstream 1 (bribery prevention) lifts each of its sources by 2 points a year from 2026.
const ws1: ScenarioSpec = { name: 'WS1 +2 a year', baseYear: 2025, until: 2028, changes: [{ kind: 'lever-gain', workstream: 1, from: 2026, gain: 2 }] };
// 2. Varieties of Democracy returns to 35 in 2027 (a one-off step: a new government, say).
const vdem: ScenarioSpec = { name: 'V-Dem back to 35', baseYear: 2025, until: 2028, changes: [{ kind: 'set', source: 'VDEM', year: 2027, value: 35 }] };
const both = composeScenarios(ws1, vdem);

// Ranks need every country's CPI 2025 score: from TI's result file, when it is beside the clone
// (../shared/data/ti-cpi/, or CPI_GAP_SHARED=/path/to/shared); without it the ranks are left out.
const tiFile = join(process.env.CPI_GAP_SHARED ?? join(import.meta.dirname, '..', '..', 'shared'), 'data', 'ti-cpi', 'CPI2025_Results.csv');
const others = existsSync(tiFile) ? readTiResults(readFileSync(tiFile, 'utf8')).rows.filter((row) => row.iso3 !== 'THA').map((row) => row.score) : [];
if (others.length === 0) console.log(`(no ${tiFile}: ranks left out; TI publishes the file at transparency.org, CPI 2025 results)`);

for (const spec of [ws1, vdem, both]) {
  const r = scenario(thailand, spec);
  const ranks = others.length > 0 ? scenarioRank(r, others) : [];
  console.log(`\n${r.name ?? 'scenario'} (from ${r.baseYear})`);
  for (const [i, y] of r.years.entries()) {
    console.log(`  ${y.year}: mean ${y.mean.toFixed(2)}  CPI ${y.score} (${y.change >= 0 ? '+' : ''}${y.change})  90% CI ${y.lower.toFixed(1)}..${y.upper.toFixed(1)}  ${ranks[i] === undefined ? '' : `rank ${ranks[i].rank} of ${ranks[i].countries}`}`);
  }
  if (r.clipped.length > 0) console.log(`  clipped at 0..100: ${r.clipped.map((c) => `${c.source} ${c.year}`).join(', ')}`);
}

// Which sources moved, in the combined scenario, by 2028?
const r = scenario(thailand, both);
console.log('\nCombined, by source (2025 -> 2028):');
for (const p of r.paths) {
  const first = p.points[0]?.value ?? 0;
  const last = p.points[p.points.length - 1]?.value ?? 0;
  if (last !== first) console.log(`  ${sourceLabel(thailand, p.source, 'en').padEnd(44)} ${first.toFixed(2)} -> ${last.toFixed(2)}`);
}
console.log('\nA scenario is arithmetic on planned changes, not a forecast: see docs/scenarios.md.');
