import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../tests/arbitraries/dataset.js';
import type { Dataset } from '../dataset/createDataset.js';
import type { SourceId } from '../dataset/sourceCatalog.js';
import { aggregate } from '../methodology/aggregate.js';
import { deepFreeze } from '../util/freeze.js';
import { composeScenarios } from './composeScenarios.js';
import { scenario } from './scenario.js';
import type { ScenarioChange, ScenarioSpec } from './scenarioSpec.js';
import { scenarioUplifts } from './scenarioUplifts.js';

const points = fc.double({ min: -30, max: 30, noNaN: true });

/** A dataset with a valid spec for it: a base year, 1-3 years ahead, 0-6 changes. */
const withSpec = dataset.chain((ds) => {
  const sources = ds.sources.map((s) => s.id);
  const wss = ds.workstreams.map((w) => w.number);
  return fc
    .record({ baseYear: fc.constantFrom(...ds.years), ahead: fc.integer({ min: 1, max: 3 }) })
    .chain(({ baseYear, ahead }) => {
      const until = baseYear + ahead;
      const year = fc.integer({ min: baseYear + 1, max: until });
      const source = fc.constantFrom<SourceId>(...sources);
      const kinds: fc.Arbitrary<ScenarioChange>[] = [
        fc.record({ kind: fc.constant('set' as const), source, year, value: fc.double({ min: 0, max: 100, noNaN: true }) }),
        fc.record({ kind: fc.constant('delta' as const), source, year, delta: points }),
        fc.record({ kind: fc.constant('gain' as const), source, from: year, gain: points }),
      ];
      if (wss.length > 0) {
        const workstream = fc.constantFrom(...wss);
        kinds.push(fc.record({ kind: fc.constant('lever' as const), workstream, year, uplift: points }));
        kinds.push(fc.record({ kind: fc.constant('lever-gain' as const), workstream, from: year, gain: points }));
      }
      const changes = fc.array(fc.oneof(...kinds), { maxLength: 6 });
      return changes.map((cs): [Dataset, ScenarioSpec] => [ds, { baseYear, until, changes: cs }]);
    });
});

describe('scenario properties', () => {
  it('a scenario with no changes reproduces the base year every year', () => {
    fc.assert(
      fc.property(dataset, fc.integer({ min: 0, max: 3 }), (ds, ahead) => {
        const baseYear = ds.years[ds.years.length - 1] ?? 0;
        const r = scenario(ds, { baseYear, until: baseYear + ahead, changes: [] });
        const base = ds.scores.filter((s) => s.year === baseYear).map((s) => s.value);
        const expected = aggregate(base, { edition: baseYear });
        expect(r.years).toHaveLength(ahead + 1);
        for (const y of r.years) {
          expect(y.mean).toBe(expected.mean);
          expect(y.score).toBe(expected.score);
          expect(y.change).toBe(0);
        }
        expect(r.clipped).toEqual([]);
      }),
    );
  });

  it('more uplift never lowers the score', () => {
    fc.assert(
      fc.property(withSpec, fc.nat(), fc.double({ min: 0, max: 50, noNaN: true }), ([ds, spec], pick, more) => {
        const sources = ds.scores.filter((s) => s.year === spec.baseYear).map((s) => s.source);
        const source = sources[pick % sources.length]!;
        const extra: ScenarioSpec = { changes: [{ kind: 'delta', source, year: (spec.baseYear ?? 0) + 1, delta: more }] };
        const before = scenario(ds, spec);
        const after = scenario(ds, composeScenarios(spec, extra));
        before.years.forEach((y, i) => {
          expect(after.years[i]?.mean ?? 0).toBeGreaterThanOrEqual(y.mean - 1e-9);
          expect(after.years[i]?.score ?? 0).toBeGreaterThanOrEqual(y.score);
        });
      }),
    );
  });

  it('every value stays in 0..100, and path = clip(base + uplift)', () => {
    fc.assert(
      fc.property(withSpec, ([ds, spec]) => {
        const r = scenario(ds, spec);
        const uplifts = scenarioUplifts(ds, spec);
        for (const path of r.paths) {
          const base = path.points[0]?.value ?? 0;
          for (const p of path.points.slice(1)) {
            expect(p.value).toBeGreaterThanOrEqual(0);
            expect(p.value).toBeLessThanOrEqual(100);
            const u = uplifts.find((x) => x.source === path.source && x.year === p.year)?.uplift ?? Number.NaN;
            expect(p.value).toBeCloseTo(Math.min(100, Math.max(0, base + u)), 9);
          }
        }
        for (const y of r.years) expect([y.mean, y.standardError, y.lower, y.upper].every(Number.isFinite)).toBe(true);
      }),
    );
  });

  it('never mutates its inputs', () => {
    fc.assert(
      fc.property(withSpec, ([ds, spec]) => {
        const json = JSON.stringify(spec);
        const frozen = deepFreeze(structuredClone(spec)) as ScenarioSpec;
        scenario(ds, frozen);
        scenarioUplifts(ds, frozen);
        composeScenarios(frozen, frozen);
        expect(JSON.stringify(frozen)).toBe(json);
      }),
    );
  });
});
