import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CpiGapError } from '../errors.js';
import { describeWithShared, readShared, sharedPath, TI_2022, TI_2025 } from '../../tests/helpers/shared.js';
import { workbookBytes, zipBytes } from '../../tests/helpers/xlsx.js';
import { readTiResults } from './readTiResults.js';
import { readTiWorkbook } from './xlsx.js';

const X22 = 'data/ti-cpi/CPI2022_Results.xlsx';
const X25 = 'data/ti-cpi/CPI2025_Results.xlsx';

describe('readTiWorkbook', () => {
  it('rejects bytes that are not a workbook, and a non-buffer', async () => {
    await expect(readTiWorkbook(new Uint8Array([1, 2, 3]))).rejects.toThrow(/readTiWorkbook: buffer: not a readable \.xlsx workbook/);
    await expect(readTiWorkbook('x' as unknown as Uint8Array)).rejects.toThrow(CpiGapError);
  });

  it('reads an ArrayBuffer as well as a Uint8Array, and a sheet by name or position', async () => {
    const bytes = workbookBytes([{ name: 'Notes', rows: [['Read me']] }, { name: 'CPI 2025', rows: [['Country', 'ISO3', 'CPI 2025 score'], ['Thailand', 'THA', 33]] }]);
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const { rows, report } = await readTiWorkbook(copy);
    expect(rows.map((r) => [r.iso3, r.score, r.year])).toEqual([['THA', 33, 2025]]);
    expect(report.headerLine).toBe(1);
    expect((await readTiWorkbook(bytes, { sheet: 2 })).rows).toHaveLength(1);
    expect((await readTiWorkbook(bytes, { sheet: ' cpi 2025 ' })).rows).toHaveLength(1);
  });

  it('without a sheet option, reports the first sheet\'s layout problem when no sheet has a TI header row', async () => {
    const book = workbookBytes([{ name: 'Notes', rows: [['Methodology', 'Sources', 'Contact']] }, { name: 'Chart', rows: [['Year', 'Score']] }]);
    const error = await readTiWorkbook(book).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CpiGapError);
    expect((error as CpiGapError).message).toContain('readTiWorkbook: text: unknown layout');
    expect((error as CpiGapError).message).toContain('headers found: "Methodology", "Sources", "Contact"');
  });

  it('refuses a workbook with no sheets', async () => {
    const error = await readTiWorkbook(workbookBytes([])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CpiGapError);
    expect((error as CpiGapError).message).toBe('readTiWorkbook: buffer: the workbook has no sheets');
    const empty = await readTiWorkbook(zipBytes([])).catch((e: unknown) => e);
    expect((empty as CpiGapError).message).toBe('readTiWorkbook: buffer: not a readable .xlsx workbook: the archive has no workbook part (xl/workbook.xml)');
  });
});

describeWithShared('readTiWorkbook on TI\'s workbooks', [X22, X25, TI_2022, TI_2025], () => {
  it('CPI2022_Results.xlsx: the first sheet, 180 countries, the same rows as the CSV up to its 2-decimal SE', async () => {
    const { rows, report } = await readTiWorkbook(readFileSync(sharedPath(X22)), { file: 'CPI2022_Results.xlsx' });
    expect(rows).toHaveLength(180);
    expect(report).toMatchObject({ year: 2022, headerLine: 3, rejected: [], ignored: [] });
    const csv = readTiResults(readShared(TI_2022)).rows;
    for (const [i, r] of rows.entries()) {
      const c = csv[i];
      expect([r.iso3, r.score, r.rank, r.sources, r.sourceScores]).toEqual([c?.iso3, c?.score, c?.rank, c?.sources, c?.sourceScores]);
      expect(Math.abs((r.standardError ?? 0) - (c?.standardError ?? 0))).toBeLessThanOrEqual(0.005);
    }
    expect(rows.find((r) => r.iso3 === 'THA')).toMatchObject({ score: 36, rank: 101 });
  });

  it('CPI2025_Results.xlsx: sheet "CPI2025" (region from a formula), equal to the CSV; and the "CPI Historical" sheet', async () => {
    const bytes = readFileSync(sharedPath(X25));
    const { rows, report } = await readTiWorkbook(bytes);
    expect(rows).toHaveLength(182);
    expect(report.year).toBe(2025);
    const csv = readTiResults(readShared(TI_2025)).rows;
    expect(rows.map((r) => [r.iso3, r.region, r.score, r.rank, r.standardError, r.sourceScores])).toEqual(csv.map((r) => [r.iso3, r.region, r.score, r.rank, r.standardError, r.sourceScores]));
    const historical = await readTiWorkbook(bytes, { sheet: 'CPI Historical' });
    expect(historical.rows).toHaveLength(2494);
    expect(historical.report.yearFrom).toBe('column');
  });

  it('names the sheets when the sheet is unknown, and fails on a wide time-series sheet', async () => {
    const bytes = readFileSync(sharedPath(X22));
    await expect(readTiWorkbook(bytes, { sheet: 'Nope' })).rejects.toThrow(/options\.sheet: no such sheet; the workbook has "CPI 2022 \(final\)"/);
    await expect(readTiWorkbook(bytes, { sheet: 2 })).rejects.toThrow(/unknown layout/);
  });
});
