import { describe, expect, it } from 'vitest';
import { CpiGapError } from '../errors.js';
import { readTiResults } from './readTiResults.js';
import { readTiTable } from './readTiTable.js';

// Header and Thailand's row of TI's CPI2025_Results.csv (three of its source columns).
const HEAD_2025 = 'Country / Territory,ISO3,Region,CPI 2025 score,Rank,Standard error 2025,Number of sources,Lower CI,Upper CI,Economist Intelligence Unit Country Ratings,IMD World Competitiveness Yearbook,Varieties of Democracy Project';
const THAILAND_2025 = 'Thailand,THA,AP,33,116,0.99738870000000002,9,31.364280000000001,34.635719999999999,34.494399999999999,26.089700000000001,29.94624';

function problemsOf(text: string): string[] {
  return readTiResults(text).report.rejected.map((r) => r.reason);
}

describe('readTiTable: rows it rejects', () => {
  it('names an empty country, a bad ISO3 and an empty score, and keeps the good row', () => {
    const text = [HEAD_2025, THAILAND_2025, ',THA,AP,33,116,0.997,9,31.36,34.64,34.49,26.09,29.95', 'Thailand,TH1,AP,33,116,0.997,9,31.36,34.64,34.49,26.09,29.95', 'Thailand,THA,AP,,116,0.997,9,31.36,34.64,34.49,26.09,29.95'].join('\n');
    const { rows } = readTiResults(text);
    expect(rows.map((r) => [r.iso3, r.score])).toEqual([['THA', 33]]);
    const reasons = problemsOf(text).join('; ');
    for (const p of ['country is empty', 'ISO3 is not three letters (got "TH1")', 'score is empty']) expect(reasons).toContain(p);
  });

  it('names a Year cell that is not a year in a file with a Year column', () => {
    const text = ['Country / Territory,ISO3,Region,Year,CPI score,Rank,Standard error,Number of sources', 'Thailand,THA,AP,2025,33,116,0.997,9', 'Thailand,THA,AP,20x5,33,116,0.997,9'].join('\n');
    expect(readTiResults(text).rows.map((r) => r.year)).toEqual([2025]);
    expect(problemsOf(text).join('; ')).toContain('Year is not a year (got "20x5")');
  });
});

describe('readTiTable: the year of a file without a Year column', () => {
  it('refuses headers that name two years', () => {
    const text = ['Country / Territory,ISO3,CPI 2025 score,Standard error 2024', 'Thailand,THA,33,0.997'].join('\n');
    expect(() => readTiResults(text)).toThrow(/readTiResults: text: unknown layout: headers name several years \(2025, 2024\)/);
  });
  it("refuses options.year when the headers name another year, and takes it when they name none", () => {
    expect(() => readTiResults([HEAD_2025, THAILAND_2025].join('\n'), { year: 2024 })).toThrow(CpiGapError);
    expect(() => readTiResults([HEAD_2025, THAILAND_2025].join('\n'), { year: 2024 })).toThrow(/options\.year: the file's headers name 2025/);
    const plain = ['Country / Territory,ISO3,CPI score,Rank', 'Thailand,THA,33,116'].join('\n');
    expect(readTiResults(plain, { year: 2025 }).rows[0]?.year).toBe(2025);
    expect(() => readTiResults(plain)).toThrow(/pass options\.year/);
  });
});

describe('readTiTable: the year from a title row, and files keyed by country or by ISO3 alone', () => {
  it('takes the year from a title above the header, and keys a row by its country when there is no ISO3 column', () => {
    const text = ['Corruption Perceptions Index 2025', 'Country / Territory,CPI score,Rank', 'Thailand,33,116'].join('\n');
    const { rows, report } = readTiResults(text);
    expect(report.yearFrom).toBe('title');
    expect(rows.map((r) => [r.country, r.year, r.score])).toEqual([['Thailand', 2025, 33]]);
    expect(() => readTiResults(text, { year: 2024 })).toThrow(/options\.year: the file's title names 2025/);
  });
  it('uses the ISO3 code as the country name when there is no country column', () => {
    const { rows } = readTiResults(['ISO3,CPI 2025 score', 'THA,33'].join('\n'));
    expect(rows.map((r) => [r.country, r.iso3])).toEqual([['THA', 'THA']]);
  });
});

describe('readTiTable: cells a worksheet hands over (numbers as well as text)', () => {
  it('takes the edition from a number in the title row, after a title cell that names no year', () => {
    const { rows, report } = readTiTable('readTiWorkbook', [['Corruption Perceptions Index', 2022], [], ['Country', 'ISO3', 'CPI score'], ['Thailand', 'THA', 36]], {});
    expect(report).toMatchObject({ year: 2022, yearFrom: 'title', headerLine: 3, rowsRead: 1, rowsAccepted: 1 });
    expect(report.recognised.map((c) => c.meaning)).toEqual(['country', 'iso3', 'score']);
    expect(rows.map((r) => [r.iso3, r.year, r.score])).toEqual([['THA', 2022, 36]]);
  });
  it('rejects a score cell holding NaN or Infinity, and numbers the lines from the top of the sheet', () => {
    const { rows, report } = readTiTable('readTiWorkbook', [['Country', 'ISO3', 'CPI 2022 score'], ['Thailand', 'THA', Number.NaN], [null, undefined, ''], ['Malaysia', 'MYS', Infinity], ['Viet Nam', 'VNM', 42]], {});
    expect(rows.map((r) => r.iso3)).toEqual(['VNM']);
    expect(report.blankRows).toBe(1);
    expect(report.rejected.map((r) => [r.line, r.reason.startsWith('score is not an integer from 0 to 100 (got')])).toEqual([
      [2, true],
      [4, true],
    ]);
  });
});

describe('readTiTable: numbers past the finite, and negative zero', () => {
  it('rejects 1e999 (Infinity) in the SE and interval columns with its line, so no Infinity reaches a row', () => {
    const { rows, report } = readTiResults('Country,ISO3,CPI score 2022,Standard error,Lower CI,Upper CI,Economist Intelligence Unit\nA,AAA,40,1e999,1,2,40\nB,BBB,41,1,-1e999,3,41\nC,CCC,42,1,2,3,1e999\nD,DDD,43,1,2,3,43\n');
    expect(rows.map((r) => r.iso3)).toEqual(['DDD']);
    expect(report.rejected).toEqual([
      { line: 2, reason: 'standardError is not a finite number >= 0 (got "1e999")' },
      { line: 3, reason: 'lower is not a finite number (got "-1e999")' },
      { line: 4, reason: 'EIU ("Economist Intelligence Unit") is not a score from 0 to 100 (got "1e999")' },
    ]);
  });

  it('refuses a minus sign on a score, rank or source count (-0), and reads -0 elsewhere as 0', () => {
    const { rows, report } = readTiResults('Country,ISO3,CPI score 2022,Rank,Number of sources,Lower CI\nA,AAA,-0,1,3,1\nB,BBB,0,-0,3,1\nC,CCC,0,1,-0,1\nD,DDD,0,1,3,-0.00\n');
    expect(report.rejected.map((r) => r.reason)).toEqual(['score is not an integer from 0 to 100 (got "-0")', 'rank is not a positive integer (got "-0")', 'sources is not an integer from 1 to 14 (got "-0")']);
    expect(rows.map((r) => [r.iso3, Object.is(r.lower, 0)])).toEqual([['DDD', true]]);
    const sheet = readTiTable('readTiWorkbook', [['Country', 'ISO3', 'CPI 2022 score'], ['A', 'AAA', -0], ['B', 'BBB', 0]], {});
    expect(sheet.rows.map((r) => [r.iso3, Object.is(r.score, 0)])).toEqual([['BBB', true]]);
  });
});
