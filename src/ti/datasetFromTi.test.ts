import { describe, expect, it } from 'vitest';
import { CpiGapError } from '../errors.js';
import { readTiResults } from './readTiResults.js';
import { datasetFromTi } from './datasetFromTi.js';

const TEXT =
  'Country / Territory,ISO3,Year,Region,CPI score,Rank,Standard error,Number of sources,Lower CI,Upper CI,Economist Intelligence Unit Country Ratings,PRS International Country Risk Guide,World Economic Forum EOS,IMD World Competitiveness Yearbook\n' +
  'Malaysia,MYS,2023,AP,50,57,1.2,4,48.0,52.0,48,47,53,52\n' +
  'Malaysia,MYS,2024,AP,50,57,1.1,4,48.2,51.8,49,47,52,52\n' +
  'Malaysia,MYS,2025,AP,52,50,1.1,2,,,51,53,,\n' +
  'Kenya,KEN,2024,SSA,32,121,2.0,3,28.7,35.3,30,32,34,\n' +
  'Kenya,KEN,2023,SSA,31,126,2.0,3,-1,35.3,30,32,31,\n';

describe('datasetFromTi', () => {
  const { rows } = readTiResults(TEXT, { file: 'test.csv' });

  it('builds a dataset for Malaysia with TI provenance, rank and countries per year', () => {
    const { dataset, notes } = datasetFromTi(rows, 'MYS');
    expect(dataset.country).toEqual({ iso3: 'MYS', name: { en: 'Malaysia' }, region: 'AP' });
    expect(dataset.years).toEqual([2023, 2024]);
    expect(dataset.sources.map((s) => s.id)).toEqual(['EIU', 'IMD', 'PRS', 'WEF']);
    expect(dataset.sources[0]?.name.en).toBe('Economist Intelligence Unit Country Ratings');
    expect(dataset.scores.find((s) => s.year === 2024 && s.source === 'EIU')).toMatchObject({ value: 49, origin: { kind: 'ti', edition: 2024, file: 'test.csv' } });
    expect(dataset.cpi.map((c) => [c.year, c.score, c.rank, c.countries])).toEqual([[2023, 50, 57, 2], [2024, 50, 57, 2]]);
    expect(dataset.cpi[0]?.ti).toMatchObject({ standardError: 1.2, lower: 48, upper: 52, sources: 4 });
    expect(notes).toEqual(['2025: skipped, 2 source score(s) in the row; TI scores a country only from 3 sources']);
  });

  it('notes a confidence interval outside 0..100 and keeps the year without it', () => {
    const { dataset, notes } = datasetFromTi(rows, 'ken');
    expect(dataset.years).toEqual([2023, 2024]);
    expect(dataset.cpi[0]?.ti).toBeUndefined();
    expect(notes[0]).toMatch(/^2023: TI's confidence interval -1\.\.35\.3/);
  });

  it('rejects a country absent from the rows and malformed rows', () => {
    expect(() => datasetFromTi(rows, 'THA')).toThrow(/datasetFromTi: iso3: no row for this country/);
    expect(() => datasetFromTi([{ country: 'X' }], 'THA')).toThrow(CpiGapError);
    expect(() => datasetFromTi(rows, 'TH')).toThrow(/datasetFromTi: iso3/);
  });

  it('rejects a country with the same year twice', () => {
    const twice = [...rows, ...rows.filter((r) => r.iso3 === 'KEN' && r.year === 2024)];
    expect(() => datasetFromTi(twice, 'KEN')).toThrow(/KEN has two rows for 2024/);
  });
});

describe('datasetFromTi: sparse rows', () => {
  // Thailand's 2025 row of TI's file with only three source columns, and no Region or Rank column.
  const SPARSE = [
    'Country / Territory,ISO3,CPI 2025 score,Economist Intelligence Unit Country Ratings,IMD World Competitiveness Yearbook,Varieties of Democracy Project',
    'Thailand,THA,33,34.494399999999999,26.089700000000001,29.94624',
    'Nowhere,NWH,40,41,',
    '',
  ].join('\n');
  const { rows } = readTiResults(SPARSE, { file: 'sparse.csv' });

  it('builds a dataset without a region and a CPI record without a rank', () => {
    const { dataset } = datasetFromTi(rows, 'THA');
    expect(dataset.country).toEqual({ iso3: 'THA', name: { en: 'Thailand' } });
    expect(dataset.cpi).toEqual([expect.not.objectContaining({ rank: expect.anything() })]);
    expect(dataset.cpi[0]?.score).toBe(33);
  });

  it('names a country with fewer than three source scores, and a country with no row', () => {
    expect(() => datasetFromTi(rows, 'NWH')).toThrow(/datasetFromTi: iso3: no year of this country has 3 source scores/);
    expect(() => datasetFromTi(rows, 'XYZ')).toThrow(CpiGapError);
  });
});
