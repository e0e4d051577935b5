// What does each workstream need to deliver for a CPI of 51 by 2027? Thailand, from the 2025 scores.
// Run: npx tsx examples/workstream-target.ts
import { onTrack, scenario, solveTarget, solveWorkstreams, sourceLabel, thailand, workstreamLabel } from '../src/index.js';

const year = 2025;
const by = 2027;
const target = 51;
const f = (x: number, d = 2): string => x.toFixed(d).padStart(7);

const even = solveTarget(thailand, { target, year, by, strategy: 'even' });
console.log(`Thailand ${year}: mean of ${even.n} sources ${even.mean.toFixed(2)} (CPI ${even.score}).`);
console.log(`A CPI of ${target} needs a mean of ${even.neededMean}: +${even.neededTotal.toFixed(2)} points across the sources,`);
console.log(`${(even.neededTotal / even.n).toFixed(2)} per source if all gained the same, by ${by} (${by - year} editions).\n`);

// 1. All four workstreams together, one common lever; a shared source takes each lever it is fed by.
const joint = solveWorkstreams(thailand, { target, year, by });
console.log(`All workstreams together (shared sources take both levers): each workstream lifts each of its sources by ${joint.lever?.toFixed(2)} points`);
console.log(`(${((joint.lever ?? 0) / (by - year)).toFixed(2)} a year). Contribution to the CPI mean:`);
for (const w of joint.workstreams) {
  const shared = w.sources.filter((s) => (joint.sources.find((t) => t.source === s.source)?.workstreams.length ?? 0) > 1).map((s) => s.source);
  console.log(`  ${workstreamLabel(thailand, w.workstream, 'en').padEnd(62)} ${f(w.contribution)}  (sources ${w.sources.map((s) => s.source).join(', ')}; shared ${shared.join(', ') || 'none'})`);
}
console.log('  Source totals:');
for (const s of joint.sources) {
  console.log(`    ${sourceLabel(thailand, s.source, 'en').padEnd(44)} ${f(s.score)} -> ${f(s.newScore)}  (+${s.uplift.toFixed(2)}, WS ${s.workstreams.join('+')})`);
}
const check = scenario(thailand, joint.spec ?? { changes: [] });
for (const y of check.years) {
  console.log(`  ${y.year}: mean ${y.mean.toFixed(2)}, CPI ${y.score}, 90% CI ${y.lower.toFixed(1)}..${y.upper.toFixed(1)}`);
}

// 2. The same with shared sources moved once, each workstream credited half.
const split = solveWorkstreams(thailand, { target, year, by, shared: 'split' });
console.log(`\nShared sources moved once (credit split): lever ${split.lever?.toFixed(2)} points per source (${((split.lever ?? 0) / (by - year)).toFixed(2)} a year).`);
for (const w of split.workstreams) console.log(`  WS${w.workstream} contributes ${w.contribution.toFixed(2)} points of mean`);

// 3. Each workstream alone.
const alone = solveWorkstreams(thailand, { target, year, by, mode: 'alone' });
console.log('\nEach workstream alone (the others deliver nothing):');
for (const w of alone.workstreams) {
  const verdict = w.feasible ? `lever ${w.lever.toFixed(2)} per source (${w.perYear.toFixed(2)} a year)` : `cannot: even with its sources at 100 the CPI falls ${w.shortfall.score} short (${w.shortfall.mean.toFixed(2)} points of mean)`;
  console.log(`  WS${w.workstream}: ${verdict}`);
}

// 4. Against the trend.
console.log(`\nOn track for ${target} by ${by}? (needed gain a year vs the ${year - 2017 + 1}-year linear trend)`);
for (const r of onTrack(thailand, { target, by }).filter((x) => x.kind !== 'source')) {
  const label = r.kind === 'cpi' ? 'CPI' : workstreamLabel(thailand, Number(r.id), 'en');
  const warn = r.warnings.length > 0 ? `  [${r.warnings.map((w) => w.code).join(', ')}]` : '';
  console.log(`  ${label.padEnd(62)} needs ${f(r.requiredGain)}/yr, trend ${f(r.slope)}/yr: ${r.flag}${warn}`);
}
console.log('\nCaveat: 9 points of history per series; slopes and levers are arithmetic, not forecasts.');
