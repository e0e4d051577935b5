import { describe, expect, it } from 'vitest';
import { composeScenarios } from '../analysis/composeScenarios.js';
import { scenario } from '../analysis/scenario.js';
import { thailand } from '../dataset/thailand.js';
import { chartContext } from './records.js';
import { scenarioPathsSpec } from './scenarioPaths.js';
import { checkSpec, expectRejections, rows, snapshotable } from './specChecks.test-data.js';

const BASE = { baseYear: 2025, until: 2027 } as const;
const NONE = { ...BASE, name: 'No change', changes: [] };
const VDEM = { ...BASE, name: 'V-Dem +9 in 2026', changes: [{ kind: 'delta', source: 'VDEM', year: 2026, delta: 9 }] } as const;
const WS1 = { name: 'WS1 +3 a year', changes: [{ kind: 'lever-gain', workstream: 1, from: 2026, gain: 3 }] } as const;
const lines = () => [scenario(thailand, NONE), scenario(thailand, VDEM), scenario(thailand, composeScenarios(VDEM, WS1))];

interface Row {
  scenario: string;
  year: number;
  score: number;
  mean: number;
  se: number;
  lower: number;
  upper: number;
}

// Independent of scenario(): Thailand's 2025 source scores, V-Dem raised by 9 from 2026 on, and
// TI's arithmetic written out (mean, half-up rounding, SD n-1, SE with the finite-population
// correction over 13 sources, 90% interval with z = 1.64 around the rounded score).
function expectedVdem(year: number): { score: number; mean: number; lower: number; upper: number } {
  const scores = thailand.scores.filter((s) => s.year === 2025).map((s) => s.value + (year >= 2026 && s.source === 'VDEM' ? 9 : 0));
  const n = scores.length;
  const mean = scores.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const se = (sd / Math.sqrt(n)) * Math.sqrt((13 - n) / 12);
  const score = Math.floor(mean + 0.5);
  return { score, mean, lower: score - 1.64 * se, upper: score + 1.64 * se };
}

describe('scenarioPathsSpec', () => {
  it.each(['en', 'th'] as const)('validates, compiles and draws without warnings, with the Thai or English labels (%s)', async (locale) => {
    const spec = scenarioPathsSpec(lines(), { ...chartContext(thailand, { year: 2025 }), locale, era: locale === 'th' ? 'be' : 'ce', targetYear: 2027 });
    const { svg, schemaErrors, warnings } = await checkSpec(spec);
    expect(schemaErrors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(svg).toContain('V-Dem +9 in 2026 + WS1 +3 a year');
    if (locale === 'th') {
      expect(svg).toContain('เส้นทางคะแนน CPI ตามสถานการณ์จำลอง เทียบกับค่าเป้าหมาย 51 คะแนน');
      expect(svg).toContain('ค่าเป้าหมาย 51 คะแนน (2570)');
      expect(svg).toContain('2568');
    } else {
      expect(svg).toContain('scenario paths of the CPI against a target of 51');
      expect(svg).toContain('Target 51 (2027)');
      expect(svg).not.toMatch(/[\u0E00-\u0E7F]{4}/);
    }
    expect(snapshotable(spec)).toMatchSnapshot();
  });

  it('draws each scenario year as scenario() computes it, checked against TI arithmetic written out here', () => {
    const data = rows<Row>(scenarioPathsSpec(lines()));
    expect(data).toHaveLength(9);
    for (const year of [2025, 2026, 2027]) {
      const row = data.find((r) => r.scenario === 'V-Dem +9 in 2026' && r.year === year);
      const e = expectedVdem(year);
      expect(row?.score).toBe(e.score);
      expect(row?.mean).toBeCloseTo(e.mean, 10);
      expect(row?.lower).toBeCloseTo(e.lower, 10);
      expect(row?.upper).toBeCloseTo(e.upper, 10);
    }
    expect(data.filter((r) => r.scenario === 'No change').map((r) => r.score)).toEqual([33, 33, 33]); // TI's CPI 2025 for Thailand: 33
  });

  it('band: false leaves the confidence bands out; target and B.E. years reach the spec', () => {
    const withBand = JSON.stringify(scenarioPathsSpec(lines()));
    const without = scenarioPathsSpec(lines(), { band: false, target: 40, era: 'be' });
    expect(withBand).toContain('"type":"area"');
    expect(JSON.stringify(without)).not.toContain('"type":"area"');
    expect(JSON.stringify(without)).toContain('"target":40');
    expect(JSON.stringify(without)).toContain('"label":"Target 40"');
    expect(rows<Row>(without)[0]?.year).toBe(2568);
  });

  it('rejects an empty list, a scenario without a name, a repeated name and a bad option, naming the field', () => {
    const unnamed = scenario(thailand, { ...BASE, changes: [] });
    const cases: [() => unknown, RegExp][] = [
      [() => scenarioPathsSpec([]), /scenarioPathsSpec: scenarios: .*at least one scenario/],
      [() => scenarioPathsSpec([unnamed]), /scenarioPathsSpec: scenarios\[0\]\.name: expected a name/],
      [() => scenarioPathsSpec([scenario(thailand, NONE), scenario(thailand, NONE)]), /scenarioPathsSpec: scenarios\[1\]\.name: expected a name no other/],
      [() => scenarioPathsSpec([{ name: 'x', years: [] }]), /scenarioPathsSpec: scenarios\[0\]\.years/],
      [() => scenarioPathsSpec([{ name: 'x', years: [{ year: 2025, mean: Number.NaN, score: 1, standardError: 1, lower: 0, upper: 2 }] }]), /scenarioPathsSpec: scenarios\[0\]\.years\[0\]\.mean/],
      [() => scenarioPathsSpec(lines(), { target: 51.5 }), /scenarioPathsSpec: options\.target/],
      [() => scenarioPathsSpec(lines(), { band: 'yes' as never }), /scenarioPathsSpec: options\.band/],
    ];
    expectRejections(cases);
  });

  it('does not mutate its input', () => {
    const input = lines();
    const copy = structuredClone(input);
    scenarioPathsSpec(input, { locale: 'th' });
    expect(input).toEqual(copy);
  });
});
