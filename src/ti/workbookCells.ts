/**
 * Internal helpers of `cpi-gap/xlsx`: load a workbook with exceljs and turn a worksheet into rows of
 * cell values. Imported only by `xlsx.ts` (and tests), never by the core entry.
 */
import ExcelJS from 'exceljs';
import { CpiGapError, fail } from '../errors.js';
import type { TiCell } from './readTiTable.js';

/** The value a cell shows: a formula's cached result, rich text joined, a hyperlink's text, dates as ISO text. */
function cellValue(value: ExcelJS.CellValue): TiCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('result' in value) return cellValue(value.result);
  if ('text' in value && typeof value.text === 'string') return value.text;
  // An error value (#N/A, #DIV/0!) or a formula with no cached result shows nothing.
  return null;
}

/** The cells of a worksheet as rows of values (column A first). */
export function worksheetCells(sheet: ExcelJS.Worksheet): TiCell[][] {
  const rows: TiCell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: TiCell[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 0); c += 1) cells.push(cellValue(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** Load a workbook from bytes; a file that is not .xlsx fails with a CpiGapError naming `fn`. */
export async function loadWorkbook(fn: string, buffer: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
    // exceljs's typing asks for its own Buffer type; a Node Buffer view over the same bytes fits.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (cause) {
    throw new CpiGapError(fn, [{ path: ['buffer'], message: `not a readable .xlsx workbook (${cause instanceof Error ? cause.message : String(cause)})`, code: 'invalid_workbook' }], { cause });
  }
  return workbook;
}

/** Find a sheet by name (trimmed, case-insensitive) or 1-based position. */
export function findSheet(fn: string, workbook: ExcelJS.Workbook, sheet: string | number): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  const found = typeof sheet === 'number' ? sheets[sheet - 1] : sheets.find((s) => s.name.trim().toLowerCase() === sheet.trim().toLowerCase());
  if (found === undefined) fail(fn, ['options', 'sheet'], `no such sheet; the workbook has ${sheets.map((s) => JSON.stringify(s.name)).join(', ')}`, sheet, 'unknown_sheet');
  return found;
}

