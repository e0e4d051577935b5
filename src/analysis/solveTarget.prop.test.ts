import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../tests/arbitraries/dataset.js';
import { thailand } from '../dataset/thailand.js';
import { deepFreeze } from '../util/freeze.js';
import { scenario } from './scenario.js';
import type { ScenarioSpec } from './scenarioSpec.js';
import { solveTarget, type TargetSolution } from './solveTarget.js';
import { solveWorkstreams } from './solveWorkstreams.js';

const target = fc.integer({ min: 0, max: 100 });
const strategy = fc.constantFrom('even', 'proportional', 'cheapest', 'bounded' as const);
const bounds = fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(100));

/** The allocation as one-off deltas in the year after. */
function asSpec(s: TargetSolution, minus = 0): ScenarioSpec {
  return {
    baseYear: s.year,
    until: s.year + 1,
    changes: s.allocation.filter((a) => a.uplift > 0).map((a) => ({ kind: 'delta' as const, source: a.source, year: s.year + 1, delta: a.uplift - minus })),
  };
}

const finalScore = (ds: typeof thailand, spec: ScenarioSpec): number => scenario(ds, spec).years.at(-1)?.score ?? Number.NaN;

describe('solveTarget properties', () => {
  it('applied as a scenario, a feasible allocation reaches exactly the target score', () => {
    fc.assert(
      fc.property(dataset, target, strategy, bounds, (ds, t, st, b) => {
        const year = ds.years[ds.years.length - 1] ?? 0;
        const s = solveTarget(ds, { target: t, year, strategy: st, bounds: b });
        const score = finalScore(ds, asSpec(s));
        if (s.reached) expect(score).toBe(s.score);
        else if (s.feasible) expect(score).toBe(t);
        else expect(score).toBe(t - s.shortfall.score);
        // The scenario spec it returns gets there too.
        expect(scenario(ds, s.spec).years.at(-1)?.score).toBe(score);
      }),
    );
  });

  it('even: no allocation with a smaller total reaches the target (each uplift less 1e-6 falls short)', () => {
    fc.assert(
      fc.property(dataset, target, (ds, t) => {
        const year = ds.years[ds.years.length - 1] ?? 0;
        const s = solveTarget(ds, { target: t, year, strategy: 'even' });
        fc.pre(!s.reached && s.feasible && s.totalUplift > 1e-3);
        expect(finalScore(ds, asSpec(s, 1e-6))).toBe(t - 1);
        // And the needed total is the least that works: n x (t - 0.5) - sum, whatever the split.
        const sum = ds.scores.filter((x) => x.year === year).reduce((a, x) => a + x.value, 0);
        expect(s.totalUplift).toBeCloseTo(s.n * (t - 0.5) - sum, 9);
      }),
    );
  });

  it('bounds are never exceeded and no source passes 100', () => {
    fc.assert(
      fc.property(dataset, target, strategy, bounds, (ds, t, st, b) => {
        const s = solveTarget(ds, { target: t, strategy: st, bounds: b });
        for (const a of s.allocation) {
          expect(a.uplift).toBeGreaterThanOrEqual(0);
          expect(a.uplift).toBeLessThanOrEqual(b + 1e-9);
          expect(a.newScore).toBeLessThanOrEqual(100 + 1e-9);
          expect(Number.isFinite(a.perYear)).toBe(true);
        }
        if (!s.feasible) expect(s.allocation.every((a) => Math.abs(a.uplift - a.cap) < 1e-9)).toBe(true);
        expect([s.newMean, s.totalUplift, s.shortfall.mean, s.shortfall.points].every(Number.isFinite)).toBe(true);
      }),
    );
  });

  it('a looser bound never needs a larger shortfall', () => {
    fc.assert(
      fc.property(dataset, target, fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (ds, t, b1, extra) => {
        const tight = solveTarget(ds, { target: t, strategy: 'bounded', bounds: b1 });
        const loose = solveTarget(ds, { target: t, strategy: 'bounded', bounds: b1 + extra });
        expect(loose.shortfall.mean).toBeLessThanOrEqual(tight.shortfall.mean + 1e-9);
      }),
    );
  });

  it('never mutates its inputs', () => {
    fc.assert(
      fc.property(target, strategy, fc.dictionary(fc.constantFrom('IMD', 'WEF', 'VDEM'), fc.double({ min: 0, max: 30, noNaN: true })), (t, st, b) => {
        const costs = { IMD: 1, WEF: 2, PERC: 3, WJP: 1, GI: 2, PRS: 3, EIU: 1, VDEM: 2, BTI: 3 };
        const options = { target: t, strategy: st, bounds: b, costs };
        const json = JSON.stringify(options);
        const frozen = deepFreeze(structuredClone(options));
        solveTarget(thailand, frozen);
        solveWorkstreams(thailand, deepFreeze({ target: t, workstreams: [1, 3], shared: 'split' as const }));
        expect(JSON.stringify(frozen)).toBe(json);
      }),
    );
  });
});

describe('solveWorkstreams properties', () => {
  it('joint levers, applied as a scenario, reach exactly the target when feasible', () => {
    fc.assert(
      fc.property(dataset, target, fc.constantFrom('add', 'split' as const), (ds, t, shared) => {
        fc.pre(ds.workstreams.length > 0);
        const s = solveWorkstreams(ds, { target: t, shared });
        const score = scenario(ds, s.spec ?? { changes: [] }).years.at(-1)?.score;
        const base = scenario(ds, { changes: [] }).years[0]?.score ?? 0;
        if (base >= t) expect(score).toBe(base);
        else if (s.feasible) expect(score).toBe(t);
        else expect(score).toBeLessThan(t);
      }),
    );
  });
});
