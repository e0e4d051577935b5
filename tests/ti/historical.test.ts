import { expect, it } from 'vitest';
import { aggregate } from '../../src/methodology/aggregate.js';
import { rank } from '../../src/methodology/rank.js';
import { readTiResults } from '../../src/ti/readTiResults.js';
import type { TiRow } from '../../src/ti/readTiTable.js';
import { describeWithShared, readShared, TI_HISTORICAL } from '../helpers/shared.js';

/** Editions whose source scores TI stores unrounded in the historical sheet: there cpi-gap must reproduce TI exactly. */
const UNROUNDED = new Set([2021, 2023, 2024, 2025]);

describeWithShared('TI conformance: cpi_historical_2012_2025.csv', [TI_HISTORICAL], () => {
  const { rows, report } = readTiResults(readShared(TI_HISTORICAL), { file: 'cpi_historical_2012_2025.csv' });
  const sourcesOf = (r: TiRow): number[] => Object.values(r.sourceScores);

  it('reads all 2,494 country-years, 24 columns recognised, nothing rejected or ignored', () => {
    expect(rows).toHaveLength(2494);
    expect(report.rejected).toEqual([]);
    expect(report.ignored).toEqual([]);
    expect(report.recognised).toHaveLength(24);
    // Every row's count of source scores equals TI's "Number of sources".
    expect(rows.filter((r) => sourcesOf(r).length !== r.sources)).toEqual([]);
  });

  it('reproduces score, SE and both CI bounds (within 0.001) in every row of 2021, 2023, 2024 and 2025', () => {
    const exact = rows.filter((r) => UNROUNDED.has(r.year));
    expect(exact).toHaveLength(180 + 180 + 180 + 182);
    const off = exact.flatMap((r) => {
      const a = aggregate(sourcesOf(r), { edition: r.year });
      const bad =
        a.score !== r.score ||
        Math.abs(a.standardError - (r.standardError ?? Number.NaN)) > 0.001 ||
        Math.abs(a.lower - (r.lower ?? Number.NaN)) > 0.001 ||
        Math.abs(a.upper - (r.upper ?? Number.NaN)) > 0.001;
      return bad ? [`${r.iso3} ${r.year}`] : [];
    });
    expect(off).toEqual([]);
  });

  it('measures (and prints) the agreement in the editions with rounded sources', () => {
    const table = [...new Set(rows.map((r) => r.year))]
      .filter((y) => !UNROUNDED.has(y))
      .sort((a, b) => a - b)
      .map((year) => {
        const mine = rows.filter((r) => r.year === year);
        let score = 0;
        let se = 0;
        let lower = 0;
        let maxSe = 0;
        for (const r of mine) {
          const a = aggregate(sourcesOf(r), { edition: year });
          if (a.score === r.score) score += 1;
          const d = Math.abs(a.standardError - (r.standardError ?? 0));
          if (d <= 0.001) se += 1;
          maxSe = Math.max(maxSe, d);
          if (Math.abs(a.lower - (r.lower ?? 0)) <= 0.001) lower += 1;
        }
        return { year, rows: mine.length, score: `${score}/${mine.length}`, seWithin0_001: `${se}/${mine.length}`, lowerWithin0_001: `${lower}/${mine.length}`, maxSeDiff: Number(maxSe.toFixed(4)) };
      });
    console.log('[cpi-gap] agreement with TI where the published source scores are rounded (2012-2020, 2022):');
    console.table(table);
    expect(table).toHaveLength(10);
    // Rounded sources move the mean by at most 0.5; the score never differs by more than 1.
    for (const r of rows) expect(Math.abs(aggregate(sourcesOf(r), { edition: r.year }).score - r.score)).toBeLessThanOrEqual(1);
  });

  it('reproduces TI\'s rank in every row: 1 + the number of countries of that year with a higher score', () => {
    const byYear = new Map<number, number[]>();
    for (const r of rows) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r.score]);
    const off = rows.filter((r) => rank(r.score, byYear.get(r.year) ?? []) !== r.rank).map((r) => `${r.iso3} ${r.year}`);
    expect(off).toEqual([]);
    expect([...byYear.values()].reduce((n, xs) => n + xs.length, 0)).toBe(2494);
  });
});
