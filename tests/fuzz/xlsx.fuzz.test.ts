/** Fuzz every function exported by `cpi-gap/xlsx`: a workbook built here from TI's rows, then broken. */
import ExcelJS from 'exceljs';
import { parseCsv } from '../../src/index.js';
import * as xlsx from '../../src/ti/xlsx.js';
import { TI_CSV } from './fixtures.js';
import { fuzzEntry } from './harness.js';

async function workbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('CPI 2025');
  for (const row of parseCsv(TI_CSV)) sheet.addRow(row.map((cell) => (cell !== '' && !Number.isNaN(Number(cell)) ? Number(cell) : cell)));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

fuzzEntry('cpi-gap/xlsx', xlsx, {
  readTiWorkbook: { args: async () => [await workbook(), { file: 'CPI2025_Results.xlsx' }], runs: 60 },
});
