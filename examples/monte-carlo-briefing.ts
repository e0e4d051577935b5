// A Monte Carlo briefing: how likely is a CPI of 51 for Thailand by 2030, with no change in trend and
// with workstream 1 lifting its sources by 2 points a year? Writes the fan charts to SVG in out/.
// Run: npx tsx examples/monte-carlo-briefing.ts
// (In your own project: import from 'cpi-gap', 'cpi-gap/simulation', 'cpi-gap/charts', 'cpi-gap/render'.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { thailand } from '../src/index.js';
import { simulate, type SimulationResult } from '../src/simulation/index.js';
import { chartContext, monteCarloFanSpec } from '../src/charts/index.js';
import { toSvg } from '../src/render/index.js';

const out = join(import.meta.dirname, '..', 'out');
mkdirSync(out, { recursive: true });

// The default model learns from every country (docs/forecasting.md); the base year is the latest, 2025.
const common = { horizon: 5, paths: 200_000, seed: 2566, target: 51 } as const;
const noChange = await simulate(thailand, common);
const ws1 = await simulate(thailand, { ...common, scenario: { name: 'WS1 +2 a year', changes: [{ kind: 'lever-gain', workstream: 1, from: 2026, gain: 2 }] } });

/** The share of paths at `score` or above, from a year's histogram of integer scores. */
function share(histogram: readonly number[], score: number): number {
  const total = histogram.reduce((a, b) => a + b, 0);
  return histogram.slice(score).reduce((a, b) => a + b, 0) / total;
}

function brief(title: string, r: SimulationResult): void {
  console.log(`\n${title}: ${r.paths.toLocaleString('en')} paths, model ${r.model}, seed ${r.seed}, base ${r.baseYear}; ${r.calibration}`);
  console.log('  year  median  50% band  90% band   P(CPI >= 51)        P(CPI >= 36, the 2022 score)');
  for (const y of r.years) {
    const q = y.quantiles;
    console.log(`  ${y.year}  ${String(y.median).padStart(6)}  ${`${q.q25}-${q.q75}`.padStart(8)}  ${`${q.q05}-${q.q95}`.padStart(8)}   ${(100 * y.pTarget).toFixed(2).padStart(6)}% ± ${(100 * y.pTargetSe).toFixed(2)}   ${(100 * share(y.histogram, 36)).toFixed(2).padStart(6)}%`);
  }
}
brief('No change in trend', noChange);
brief('Workstream 1: +2 points a year on its sources', ws1);

for (const [name, r, locale] of [['no-change', noChange, 'en'], ['ws1', ws1, 'th']] as const) {
  const spec = monteCarloFanSpec(r.years, { ...chartContext(thailand), locale, target: 51, forecast: { model: r.model, baseYear: r.baseYear, calibration: r.calibration } });
  const file = join(out, `monte-carlo-${name}.${locale}.svg`);
  writeFileSync(file, await toSvg(spec));
  console.log(`wrote ${file}`);
}
console.log('\nLimits: 8 changes a source (2017-2025), a model not a forecast; see docs/simulation.md.');
