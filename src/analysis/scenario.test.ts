import { describe, expect, it } from 'vitest';
import cpi from '../../data/thailand/cpi.json';
import scores from '../../data/thailand/scores.json';
import { thailand } from '../dataset/thailand.js';
import { CpiGapError } from '../errors.js';
import { composeScenarios } from './composeScenarios.js';
import { scenario } from './scenario.js';
import { ScenarioSpec } from './scenarioSpec.js';
import { scenarioUplifts } from './scenarioUplifts.js';

const of = (year: number) => Object.fromEntries(scores.filter((s) => s.year === year).map((s) => [s.source, s.value]));

describe('scenario', () => {
  it('starts from the base year as TI published it (2025: score 33, SE 0.997, CI 31.36..34.64)', () => {
    const r = scenario(thailand, { baseYear: 2025, until: 2026, changes: [] });
    const ti = cpi.find((c) => c.year === 2025)?.ti;
    expect(r.years[0]).toMatchObject({ year: 2025, edition: 2025, n: 9, score: 33, z: 1.64, change: 0 });
    expect(r.years[0]?.mean).toBeCloseTo(Object.values(of(2025)).reduce((a, b) => a + b, 0) / 9, 12);
    expect(r.years[0]?.standardError).toBeCloseTo(ti?.standardError ?? 0, 3);
    expect(r.years[0]?.lower).toBeCloseTo(ti?.lower ?? 0, 3);
    expect(r.years[0]?.upper).toBeCloseTo(ti?.upper ?? 0, 3);
    // No change: 2026 repeats 2025.
    expect(r.years[1]).toMatchObject({ year: 2026, score: 33, mean: r.years[0]?.mean });
  });

  it('applies a one-off delta: 2022 + 9 points on V-Dem lifts the sum from 324 to 333, the score to 37', () => {
    const r = scenario(thailand, { baseYear: 2022, until: 2024, changes: [{ kind: 'delta', source: 'VDEM', year: 2023, delta: 9 }] });
    expect(r.years.map((y) => y.mean)).toEqual([36, 37, 37]);
    expect(r.years.map((y) => y.change)).toEqual([0, 1, 1]);
    expect(r.paths.find((p) => p.source === 'VDEM')?.points.map((p) => p.value)).toEqual([26, 35, 35]);
    expect(r.paths.find((p) => p.source === 'VDEM')?.workstreams).toEqual([4]);
  });

  it('accumulates annual gains, sets absolute values, and applies changes of a year in order', () => {
    const r = scenario(thailand, {
      baseYear: 2022,
      until: 2025,
      changes: [
        { kind: 'gain', source: 'PRS', from: 2023, to: 2024, gain: 2 },
        { kind: 'set', source: 'IMD', year: 2024, value: 50 },
        { kind: 'delta', source: 'IMD', year: 2024, delta: 1 },
      ],
    });
    expect(r.paths.find((p) => p.source === 'PRS')?.points.map((p) => p.value)).toEqual([32, 34, 36, 36]);
    expect(r.paths.find((p) => p.source === 'IMD')?.points.map((p) => p.value)).toEqual([43, 43, 51, 51]);
    // 2024: 324 + 4 (PRS) + 8 (IMD 43 -> 51) = 336, / 9.
    expect(r.years[2]?.mean).toBeCloseTo(336 / 9, 12);
  });

  it('lifts every source a workstream feeds, with per-source weights', () => {
    const r = scenario(thailand, { baseYear: 2022, changes: [{ kind: 'lever', workstream: 1, year: 2023, uplift: 4, weights: { PRS: 0.5 } }] });
    expect(r.until).toBe(2023);
    const at = (s: string) => r.paths.find((p) => p.source === s)?.points[1]?.value;
    // WS1 = GI, IMD, PRS, WEF.
    expect([at('GI'), at('IMD'), at('PRS'), at('WEF'), at('EIU')]).toEqual([39, 47, 34, 49, 37]);
    expect(r.years[1]?.mean).toBeCloseTo((324 + 14) / 9, 12);
  });

  it('clips to 0..100 and lists what it clipped', () => {
    const r = scenario(thailand, { baseYear: 2022, until: 2023, changes: [{ kind: 'delta', source: 'WEF', year: 2023, delta: 60 }, { kind: 'delta', source: 'VDEM', year: 2023, delta: -30 }] });
    expect(r.clipped).toEqual([
      { source: 'WEF', year: 2023, planned: 105, value: 100 },
      { source: 'VDEM', year: 2023, planned: -4, value: 0 },
    ]);
    expect(r.years[1]?.mean).toBeCloseTo((324 + 55 - 26) / 9, 12);
    expect(r.paths.find((p) => p.source === 'WEF')?.points[1]).toEqual({ year: 2023, value: 100, planned: 105, clipped: true });
  });

  it('uses the edition rules of each year (2021: z 1.645)', () => {
    const r = scenario(thailand, { baseYear: 2020, until: 2021, changes: [] });
    expect(r.years.map((y) => y.z)).toEqual([1.64, 1.645]);
  });

  it('names the function, the field and the value on a bad spec', () => {
    expect(() => scenario(thailand, { baseYear: 2025, changes: [{ kind: 'delta', source: 'VDEM', year: 2025, delta: 1 }] })).toThrow(/scenario: spec.changes\[0\].year: .*\(got 2025\)/);
    expect(() => scenario(thailand, { baseYear: 2025, changes: [{ kind: 'delta', source: 'AFDB', year: 2026, delta: 1 }] })).toThrow(/spec.changes\[0\].source: .*\(got "AFDB"\)/);
    expect(() => scenario(thailand, { baseYear: 2025, changes: [{ kind: 'lever', workstream: 9, year: 2026, uplift: 1 }] })).toThrow(/spec.changes\[0\].workstream: .*\(got 9\)/);
    expect(() => scenario(thailand, { baseYear: 2025, changes: [{ kind: 'lever', workstream: 3, year: 2026, uplift: 1, weights: { GI: 1 } }] })).toThrow(/spec.changes\[0\].weights.GI/);
    expect(() => scenario(thailand, { baseYear: 2025, until: 2026, changes: [{ kind: 'gain', source: 'GI', from: 2026, to: 2028, gain: 1 }] })).toThrow(/spec.changes\[0\].to/);
    expect(() => scenario(thailand, { baseYear: 2030, changes: [] })).toThrow(/spec.baseYear: .*\(got 2030\)/);
    expect(() => scenario(thailand, { changes: [{ kind: 'delta', source: 'GI', year: 2026, delta: Number.NaN }] })).toThrow(CpiGapError);
    expect(() => scenario(thailand, { changes: [{ kind: 'jump' }] } as never)).toThrow(/scenario: spec.changes\[0\]/);
  });

  it('accepts a spec read from JSON text', () => {
    const spec = ScenarioSpec.parse(JSON.parse('{"baseYear":2022,"until":2023,"changes":[{"kind":"lever-gain","workstream":3,"from":2023,"gain":1}]}'));
    expect(scenario(thailand, spec).years[1]?.mean).toBeCloseTo(326 / 9, 12);
  });
});

describe('composeScenarios', () => {
  it('concatenates changes, joins names and takes the latest until', () => {
    const a = { name: 'WS1', baseYear: 2025, changes: [{ kind: 'lever' as const, workstream: 1, year: 2026, uplift: 5 }] };
    const b = { name: 'V-Dem', until: 2027, changes: [{ kind: 'gain' as const, source: 'VDEM' as const, from: 2026, gain: 1 }] };
    expect(composeScenarios(a, b)).toEqual({ name: 'WS1 + V-Dem', baseYear: 2025, until: 2027, changes: [...a.changes, ...b.changes] });
    const r = scenario(thailand, composeScenarios(a, b));
    expect(r.years.map((y) => y.year)).toEqual([2025, 2026, 2027]);
  });

  it('refuses specs with different base years', () => {
    expect(() => composeScenarios({ baseYear: 2024, changes: [] }, { baseYear: 2025, changes: [] })).toThrow(/composeScenarios: specs\[1\].baseYear: .*\(got 2025\)/);
    expect(() => composeScenarios()).toThrow(/composeScenarios: specs/);
  });
});

describe('scenarioUplifts', () => {
  it('gives each source-year uplift against the no-change path', () => {
    const u = scenarioUplifts(thailand, { baseYear: 2025, changes: [{ kind: 'lever-gain', workstream: 3, from: 2026, to: 2027, gain: 2 }, { kind: 'set', source: 'VDEM', year: 2027, value: 40 }] });
    expect(u).toHaveLength(2 * 9);
    expect(u.filter((x) => x.source === 'EIU')).toEqual([
      { year: 2026, source: 'EIU', uplift: 2 },
      { year: 2027, source: 'EIU', uplift: 4 },
    ]);
    expect(u.find((x) => x.source === 'VDEM' && x.year === 2027)?.uplift).toBeCloseTo(40 - 29.94624, 10);
    expect(u.find((x) => x.source === 'GI' && x.year === 2027)?.uplift).toBe(0);
  });

  it('keeps uplifts unclipped', () => {
    const u = scenarioUplifts(thailand, { baseYear: 2022, changes: [{ kind: 'delta', source: 'WEF', year: 2023, delta: 60 }] });
    expect(u.find((x) => x.source === 'WEF')?.uplift).toBe(60);
  });
});
