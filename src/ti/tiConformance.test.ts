import { describe, expect, it } from 'vitest';
import { readTiResults } from './readTiResults.js';
import { tiConformance } from './tiConformance.js';

// Two countries in 2025; Alpha's published figures are computed by hand (sources 40, 50, 60:
// mean 50, SD 10, SE = 10 / sqrt(3) * sqrt(10 / 12) = 5.270463, CI 50 -/+ 1.64 x SE); Beta's SE is off by 0.01 and its rank is wrong.
const TEXT =
  'Country,ISO3,CPI 2025 score,Rank,Standard error,Number of sources,Lower CI,Upper CI,Economist Intelligence Unit Country Ratings,PRS International Country Risk Guide,World Economic Forum EOS\n' +
  'Alpha,AAA,50,1,5.270463,3,41.356441,58.643559,40,50,60\n' +
  'Beta,BBB,30,3,0.01,3,29.98,30.02,30,30,30\n';

describe('tiConformance', () => {
  it('counts the agreement per edition and the largest differences', () => {
    const [e] = tiConformance(readTiResults(TEXT).rows);
    expect(e).toMatchObject({ edition: 2025, rows: 2, computable: 2, scoreAgree: 2, seCompared: 2, seWithin: 1, lowerWithin: 1, upperWithin: 1, rankCompared: 2, rankAgree: 1, sourcesAgree: 2 });
    expect(e?.maxAbs.standardError).toBeCloseTo(0.01, 9);
    expect(e?.maxAbs.rank).toBe(1);
  });
  it('compares no rank for a row without one, and no score for a row with fewer than 3 sources', () => {
    const text = 'Country,ISO3,CPI 2025 score,Number of sources,Economist Intelligence Unit Country Ratings,PRS International Country Risk Guide\nGamma,GGG,45,2,40,50\n';
    const [e] = tiConformance(readTiResults(text).rows);
    expect(e).toMatchObject({ edition: 2025, rows: 1, computable: 0, scoreAgree: 0, seCompared: 0, rankCompared: 0, rankAgree: 0, sourcesAgree: 1 });
    expect(e?.maxAbs).toEqual({ score: 0, standardError: 0, lower: 0, upper: 0, rank: 0 });
  });
  it('rejects rows that are not TI rows', () => {
    expect(() => tiConformance([{}])).toThrow(/tiConformance: rows\[0\]/);
  });
});
