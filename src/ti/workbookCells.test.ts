import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { CpiGapError } from '../errors.js';
import { loadWorkbook, worksheetCells } from './workbookCells.js';

describe('worksheetCells', () => {
  it('reads each kind of cell as the cell shows it', () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('cells');
    sheet.addRow([
      33,
      'Thailand',
      true,
      new Date(Date.UTC(2025, 1, 10)),
      { richText: [{ text: 'Country / ' }, { text: 'Territory' }] },
      { formula: '30+3', result: 33 },
      { text: 'TI', hyperlink: 'https://www.transparency.org' },
      { error: '#N/A' },
      null,
    ]);
    expect(worksheetCells(sheet)).toEqual([[33, 'Thailand', 'true', '2025-02-10T00:00:00.000Z', 'Country / Territory', 33, 'TI', null, null]]);
  });
});

describe('loadWorkbook', () => {
  it('takes an ArrayBuffer as well as a Uint8Array', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('one').addRow(['a']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const loaded = await loadWorkbook('test', copy);
    expect(loaded.worksheets.map((w) => w.name)).toEqual(['one']);
  });
  it('names the function when the bytes are not a workbook', async () => {
    const error = await loadWorkbook('myReader', new Uint8Array([1, 2, 3])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CpiGapError);
    expect((error as CpiGapError).message).toMatch(/^myReader: buffer: not a readable \.xlsx workbook/);
  });
  it('reports a reader failure that is not an Error object by its text', async () => {
    const xlsx = Object.getPrototypeOf(new ExcelJS.Workbook().xlsx) as { load: (b: unknown) => Promise<unknown> };
    const spy = vi.spyOn(xlsx, 'load').mockRejectedValueOnce('zip ended early');
    try {
      const error = await loadWorkbook('myReader', new Uint8Array([80, 75, 3, 4])).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CpiGapError);
      expect((error as CpiGapError).message).toBe('myReader: buffer: not a readable .xlsx workbook (zip ended early)');
      expect((error as CpiGapError).cause).toBe('zip ended early');
    } finally {
      spy.mockRestore();
    }
  });
});
