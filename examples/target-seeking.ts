// What would it take to reach a CPI of 51? solveTarget's four ways of sharing the uplift between
// Thailand's sources, from the 2025 scores to 2027, and a bounded plan that cannot get there.
// Run: npx tsx examples/target-seeking.ts
// (In your own project: import { solveTarget } from 'cpi-gap'.)
import { solveTarget, sourceLabel, thailand, type SourceId, type TargetSolution } from '../src/index.js';

const target = 51;
const year = 2025;
const by = 2027;

function show(s: TargetSolution): void {
  console.log(`\n${s.strategy}: total +${s.totalUplift.toFixed(2)} points, new mean ${s.newMean.toFixed(2)} -> CPI ${s.newScore}${s.feasible ? '' : ' (NOT reached)'}${s.totalCost === null ? '' : `, cost ${s.totalCost.toFixed(1)}`}`);
  for (const a of s.allocation) {
    console.log(`  ${sourceLabel(thailand, a.source, 'en').padEnd(44)} ${a.score.toFixed(2).padStart(6)} +${a.uplift.toFixed(2).padStart(6)} (${a.perYear.toFixed(2)}/yr)${a.atCap ? '  at cap' : ''}`);
  }
  if (!s.feasible) console.log(`  shortfall: ${s.shortfall.points.toFixed(2)} points of sum, ${s.shortfall.mean.toFixed(2)} of mean, ${s.shortfall.score} of score`);
}

const even = solveTarget(thailand, { target, year, by, strategy: 'even' });
console.log(`Thailand ${year}: ${even.n} sources, mean ${even.mean.toFixed(2)} (CPI ${even.score}).`);
console.log(`A CPI of ${target} needs an unrounded mean of ${even.neededMean} (TI rounds half up), so +${even.neededTotal.toFixed(2)} points in all.`);
show(even);
show(solveTarget(thailand, { target, year, by, strategy: 'proportional' }));

// Costs per point: illustrative relative costs (put your own estimates here): a V-Dem or EIU point
// is taken to cost three times any other source's.
const sources = even.allocation.map((a) => a.source);
const costs: Partial<Record<SourceId, number>> = Object.fromEntries(sources.map((s) => [s, s === 'VDEM' || s === 'EIU' ? 3 : 1]));
show(solveTarget(thailand, { target, year, by, strategy: 'cheapest', costs }));

// A plan that caps every source's gain at 10 points: the caps hold 90 points, not enough.
const bounded = solveTarget(thailand, { target, year, by, strategy: 'bounded', bounds: 10 });
show(bounded);
console.log(`\nBounded at 10 points a source, the best reachable CPI is ${bounded.newScore}: the plan cannot reach ${target}.`);
