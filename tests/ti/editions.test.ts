import { expect, it } from 'vitest';
import { rank, scoreForRank } from '../../src/methodology/rank.js';
import { targetConsistency } from '../../src/methodology/targetConsistency.js';
import { datasetFromTi } from '../../src/ti/datasetFromTi.js';
import { readTiResults } from '../../src/ti/readTiResults.js';
import { describeWithShared, readShared, TI_2022, TI_2025, TI_HISTORICAL } from '../helpers/shared.js';

describeWithShared('TI per-edition files', [TI_2022, TI_2025], () => {
  const r22 = readTiResults(readShared(TI_2022), { file: 'CPI2022_Results.csv' });
  const r25 = readTiResults(readShared(TI_2025), { file: 'CPI2025_Results.csv' });
  // Independent count of data lines: every non-empty line after the header, from the raw text.
  const dataLines = (text: string, headerLine: number): number => text.split(/\r?\n/).slice(headerLine).filter((l) => l.replace(/,/g, '').trim() !== '').length;

  it('CPI2022_Results.csv reads without loss: 180 countries, Thailand 36 / rank 101', () => {
    expect(r22.rows).toHaveLength(180);
    expect(dataLines(readShared(TI_2022), 3)).toBe(180);
    expect(r22.report).toMatchObject({ rowsRead: 180, rowsAccepted: 180, rejected: [], ignored: [], headerLine: 3, year: 2022, yearFrom: 'header' });
    expect(r22.report.recognised).toHaveLength(22);
    expect(r22.rows.find((r) => r.iso3 === 'THA')).toMatchObject({ score: 36, rank: 101, sources: 9 });
    expect(r22.rows.find((r) => r.iso3 === 'KOR')?.country).toBe('Korea, South');
  });

  it('CPI2025_Results.csv reads without loss: 182 countries, Thailand 33 / rank 116, full precision', () => {
    expect(r25.rows).toHaveLength(182);
    expect(dataLines(readShared(TI_2025), 1)).toBe(182);
    expect(r25.report).toMatchObject({ rowsRead: 182, rowsAccepted: 182, rejected: [], ignored: [], headerLine: 1, year: 2025 });
    const tha = r25.rows.find((r) => r.iso3 === 'THA');
    expect(tha).toMatchObject({ score: 33, rank: 116, standardError: 0.9973887, lower: 31.36428, upper: 34.63572 });
    expect(tha?.sourceScores.IMD).toBe(26.0897);
  });

  it('CPI 2022: rank <= 53 needs 52, rank <= 43 needs 56, 51 ranks 54th; "51 and rank 53" is inconsistent', () => {
    const scores = r22.rows.map((r) => r.score);
    // Independent counts straight from TI's scores.
    expect(scores.filter((s) => s > 51).length).toBe(53);
    expect(scores.filter((s) => s > 52).length).toBeLessThanOrEqual(52);
    expect(scores.filter((s) => s > 56).length + 1).toBe(41);
    expect(scores.filter((s) => s > 55).length + 1).toBe(45);
    expect(rank(51, scores)).toBe(54);
    expect(scoreForRank(53, scores)).toBe(52);
    expect(scoreForRank(43, scores)).toBe(56);
    expect(targetConsistency({ score: 51, rank: 53 }, scores)).toMatchObject({ consistent: false, rankAtScore: 54, scoreForRank: 52, binding: 'rank' });
    expect(targetConsistency({ score: 57, rank: 43 }, scores)).toMatchObject({ consistent: true, scoreForRank: 56, binding: 'score' });
  });
});

describeWithShared('datasetFromTi on TI\'s historical file', [TI_HISTORICAL], () => {
  const { rows } = readTiResults(readShared(TI_HISTORICAL), { file: 'cpi_historical_2012_2025.csv' });
  it.each([
    ['THA', 'Thailand'],
    ['MYS', 'Malaysia'],
    ['KEN', 'Kenya'],
  ])('builds a dataset for %s with 14 years and TI\'s published figures', (iso3, name) => {
    const { dataset, notes } = datasetFromTi(rows, iso3);
    const mine = rows.filter((r) => r.iso3 === iso3);
    expect(dataset.country.name.en).toBe(name);
    expect(dataset.years).toHaveLength(14);
    expect(notes).toEqual([]);
    expect(dataset.scores).toHaveLength(mine.reduce((n, r) => n + (r.sources ?? 0), 0));
    for (const r of mine) {
      const c = dataset.cpi.find((x) => x.year === r.year);
      expect(c).toMatchObject({ score: r.score, rank: r.rank, countries: rows.filter((x) => x.year === r.year).length });
    }
  });
  it('Thailand 2025 from TI: 33, rank 116 of 182, nine sources', () => {
    const { dataset } = datasetFromTi(rows, 'THA');
    expect(dataset.cpi.at(-1)).toMatchObject({ year: 2025, score: 33, rank: 116, countries: 182, ti: { sources: 9 } });
    expect(dataset.scores.filter((s) => s.year === 2025)).toHaveLength(9);
  });
});
