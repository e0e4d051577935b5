// cpi-gap from a notebook or a plain Node REPL session: an ES module with top-level await that
// imports the built package by name, as a notebook cell (Jupyter with a JavaScript kernel, say) would.
// Run after `npm run build`: node examples/notebook.mjs
// (Inside this repository the name resolves to the build through the package's own exports map;
// in your project it resolves to node_modules/cpi-gap after `npm install cpi-gap`.)
import { cpiGap, sourceGaps, sourceLabel, thailand } from 'cpi-gap';
import { simulate } from 'cpi-gap/simulation';

// Cell 1: the gaps of 2025, as a table.
console.table(
  sourceGaps(thailand, { year: 2025, target: 51 }).map((g) => ({ source: sourceLabel(thailand, g.source, 'en'), score: Number(g.score.toFixed(2)), gap: Number(g.gap.toFixed(2)) })),
);

// Cell 2: the CPI's gap.
const cpi = cpiGap(thailand, { year: 2025, target: 51 });
console.log(`CPI ${cpi.published}: mean ${cpi.mean.toFixed(2)}, needs ${cpi.neededMean}: +${cpi.evenUplift.toFixed(2)} points a source`);

// Cell 3: a Monte Carlo run, awaited at the top level.
const mc = await simulate(thailand, { baseYear: 2025, horizon: 3, paths: 50_000, seed: 1 });
console.log(mc.years.map((y) => `${y.year}: median ${y.median}, 90% ${y.quantiles.q05}-${y.quantiles.q95}`).join('\n'));
