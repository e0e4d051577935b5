import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../util/freeze.js';
import { thailand } from '../dataset/thailand.js';
import { scenario } from './scenario.js';
import { scenarioRank } from './scenarioRank.js';
import { describeWithShared, readShared, TI_2022 } from '../../tests/helpers/shared.js';

describe('scenarioRank', () => {
  it('ranks each scenario year in a distribution, ties sharing the best rank', () => {
    const r = scenario(thailand, { baseYear: 2022, until: 2023, changes: [{ kind: 'delta', source: 'VDEM', year: 2023, delta: 9 }] });
    // 36: above it 90, 60, 51, 37 -> rank 5. 37: 90, 60, 51 -> rank 4 (tied with the 37).
    expect(scenarioRank(r, [90, 60, 51, 37, 36, 20])).toEqual([
      { year: 2022, score: 36, rank: 5, countries: 6 },
      { year: 2023, score: 37, rank: 4, countries: 6 },
    ]);
  });

  it('names the function, the field and the value on bad input', () => {
    const r = scenario(thailand, { changes: [] });
    expect(() => scenarioRank(r, [])).toThrow(/scenarioRank: scores/);
    expect(() => scenarioRank(r, [101])).toThrow(/scenarioRank: scores\[0\]: .*\(got 101\)/);
    expect(() => scenarioRank({ years: [] } as never, [50])).toThrow(/scenarioRank: result.years/);
  });
});

describeWithShared('scenarioRank against CPI 2022', [TI_2022], () => {
  it('51 would have ranked 54th and 52 51st (rank 53 needed 52)', () => {
    // Column 4 of TI's CSV ("CPI score 2022"), rows after the two title lines and the header.
    const dist = readShared(TI_2022)
      .split(/\r?\n/)
      .slice(3)
      // Quoted names ("Korea, South") hold commas: drop quoted fields before splitting.
      .map((line) => Number(line.replace(/"[^"]*"/g, 'name').split(',')[3]))
      .filter((x) => Number.isFinite(x) && x > 0);
    expect(dist).toHaveLength(180);
    const fake = { years: [{ year: 2023, score: 51 }, { year: 2024, score: 52 }] };
    expect(scenarioRank(fake as never, dist).map((r) => r.rank)).toEqual([54, 51]);
  });
});

describe('scenarioRank inputs', () => {
  it('are never mutated', () => {
    const result = deepFreeze(scenario(thailand, { changes: [{ kind: 'lever', workstream: 2, year: 2026, uplift: 3 }] }));
    const scores = deepFreeze([80, 33, 35, 12]);
    const json = JSON.stringify([result, scores]);
    scenarioRank(result, scores);
    expect(JSON.stringify([result, scores])).toBe(json);
  });
});
