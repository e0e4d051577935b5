import { describe, expect, it } from 'vitest';
import { CpiGapError } from '../errors.js';
import { readTiResults } from './readTiResults.js';

const HEADER_2022 =
  'Country / Territory,ISO3,Region,CPI score 2022,Rank,Standard error,Number of sources,Lower CI,Upper CI,African Development Bank CPIA,Bertelsmann Foundation Sustainable Governance Index,Bertelsmann Foundation Transformation Index,Economist Intelligence Unit Country Ratings,Freedom House Nations in Transit,Global Insights Country Risk Ratings,IMD World Competitiveness Yearbook,PERC Asia Risk Guide,PRS International Country Risk Guide,Varieties of Democracy Project,World Bank CPIA,World Economic Forum EOS,World Justice Project Rule of Law Index';
// As distributed: BOM, title row, empty row, header, CRLF. Rows copied from TI's CPI2022_Results.csv.
const CSV_2022 =
  '\uFEFFCorruption Perceptions Index 2022: Global scores,,,,,,,,,,,,,,,,,,,,,\r\n,,,,,,,,,,,,,,,,,,,,,\r\n' +
  `${HEADER_2022}\r\n` +
  'Afghanistan,AFG,AP,24,150,6.30,4,14,34,,,25,,,10,,,,43,,,16\r\n' +
  'Thailand,THA,AP,36,101,1.09,9,34,38,,,37,37,,35,43,35,32,26,,45,34\r\n';

describe('readTiResults', () => {
  it('reads a per-edition file with BOM and title rows, taking the year from the header', () => {
    const { rows, report } = readTiResults(CSV_2022, { file: 'CPI2022_Results.csv' });
    expect(rows).toHaveLength(2);
    expect(report).toMatchObject({ rowsRead: 2, rowsAccepted: 2, rejected: [], headerLine: 3, yearFrom: 'header', year: 2022, ignored: [] });
    expect(report.recognised).toHaveLength(22);
    const tha = rows[1];
    expect(tha).toMatchObject({ country: 'Thailand', iso3: 'THA', region: 'AP', year: 2022, score: 36, rank: 101, standardError: 1.09, sources: 9, lower: 34, upper: 38 });
    expect(tha?.sourceScores).toEqual({ BTI: 37, EIU: 37, GI: 35, IMD: 43, PERC: 35, PRS: 32, VDEM: 26, WEF: 45, WJP: 34 });
    expect(tha?.origin).toEqual({ kind: 'ti', edition: 2022, file: 'CPI2022_Results.csv' });
  });

  it('leaves empty source cells absent, never 0 or NaN', () => {
    const afg = readTiResults(CSV_2022).rows[0];
    expect(Object.keys(afg?.sourceScores ?? {}).sort()).toEqual(['BTI', 'GI', 'VDEM', 'WJP']);
    expect('AFDB' in (afg?.sourceScores ?? {})).toBe(false);
  });

  it('reads the historical layout with a Year column, and a trailing empty column', () => {
    const text = 'Country / Territory,ISO3,Year,Region,CPI score,Rank,Transparency International Bribe Payers Survey,Economist Intelligence Unit Country Ratings,World Bank CPIA,\n' + 'Alpha,AAA,2012,AP,50,1,55,45,50,\nAlpha,AAA,2013,AP,49,1,,48,50,\n';
    const { rows, report } = readTiResults(text);
    expect(report.yearFrom).toBe('column');
    expect(report.year).toBeUndefined();
    expect(rows.map((r) => [r.year, r.sourceScores.TI_BPS])).toEqual([[2012, 55], [2013, undefined]]);
  });

  it('rejects bad rows with their line and reason, keeps the others, and counts blank rows', () => {
    const text = `${HEADER_2022}\r\nGood,GOO,AP,40,1,1,3,38,42,,,40,40,,40,,,,,,,\r\nBad,BA,AP,40.5,1,1,3,38,42,,,40,x,,140,,,,,,,\r\n,,,,\r\nGood,GOO,AP,41,1,1,3,38,42,,,40,40,,40,,,,,,,\r\n`;
    const { rows, report } = readTiResults(text);
    expect(rows).toHaveLength(1);
    expect(report.rowsRead).toBe(3);
    expect(report.blankRows).toBe(1);
    expect(report.rejected).toHaveLength(2);
    expect(report.rejected[0]?.line).toBe(3);
    expect(report.rejected[0]?.reason).toMatch(/ISO3 is not three letters.*score is not an integer.*EIU.*GI/);
    expect(report.rejected[1]).toEqual({ line: 5, reason: 'duplicate of line 2 (GOO, 2022)' });
  });

  it('lists unknown headers as ignored', () => {
    const text = 'Country,ISO3,CPI score,Population,Year\nAlpha,AAA,50,1000,2024\n';
    expect(readTiResults(text).report.ignored).toEqual(['Population']);
  });

  it('takes the year from the option, and rejects an option that contradicts the file', () => {
    const text = 'Country,ISO3,CPI score\nAlpha,AAA,50\n';
    expect(readTiResults(text, { year: 2024 }).rows[0]?.year).toBe(2024);
    expect(() => readTiResults(text)).toThrow(/readTiResults: options\.year: the file has no Year column/);
    expect(() => readTiResults(CSV_2022, { year: 2021 })).toThrow(/options\.year: the file's headers name 2022 \(got 2021\)/);
  });

  it('fails on an unknown layout with the headers it found', () => {
    const error = (() => {
      try {
        readTiResults('Name,Value,Other\nA,1,2\n');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CpiGapError);
    expect((error as CpiGapError).message).toMatch(/readTiResults: text: unknown layout.*headers found: "Name", "Value", "Other"/);
  });

  it('fails on a wide time-series layout (two score columns)', () => {
    expect(() => readTiResults('Country,ISO3,CPI score 2022,CPI score 2021\nA,AAA,1,2\n')).toThrow(/both mean score/);
  });

  it('rejects a non-string input and unknown options', () => {
    expect(() => readTiResults(1 as unknown as string)).toThrow(/readTiResults: text/);
    expect(() => readTiResults('', { sheet: 1 } as never)).toThrow(/readTiResults: options/);
  });

  it('returns frozen results and does not depend on the caller keeping the text', () => {
    const out = readTiResults(CSV_2022);
    expect(Object.isFrozen(out.rows[0]?.sourceScores)).toBe(true);
  });
});
