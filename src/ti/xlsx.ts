/**
 * cpi-gap/xlsx: read TI's CPI result workbooks (.xlsx) with exceljs. Kept out of the core entry so
 * that `import 'cpi-gap'` never loads exceljs.
 *
 * @packageDocumentation
 */
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { CpiGapError, fail, parseInput } from '../errors.js';
import { readTiTable, TiReadOptions, type TiCell, type TiResults } from './readTiTable.js';

/** Options of {@link readTiWorkbook}: those of `readTiResults`, plus the sheet to read. */
export const TiWorkbookOptions = TiReadOptions.extend({
  /** The sheet's name (surrounding spaces and case ignored) or 1-based position. Default: the first sheet with a TI header row. */
  sheet: z.union([z.string().min(1), z.int().min(1)]).optional(),
});
export type TiWorkbookOptions = z.input<typeof TiWorkbookOptions>;

/** The value a cell shows: a formula's cached result, rich text joined, a hyperlink's text, dates as ISO text. */
function cellValue(value: ExcelJS.CellValue): TiCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
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

/**
 * Read a TI CPI result workbook (.xlsx bytes), with the same header mapping as `readTiResults`:
 * the per-edition sheet (e.g. "CPI 2022 (final)" of CPI2022_Results.xlsx, "CPI2025" of
 * CPI2025_Results.xlsx) or the "CPI Historical" sheet. Formula cells give their cached result.
 * Without `sheet`, the first sheet with a TI header row is read.
 *
 * @throws {CpiGapError} when the bytes are not a workbook, the sheet does not exist, or no sheet
 * has a TI layout (the message lists the headers found).
 * @example
 * const { rows, report } = await readTiWorkbook(readFileSync('CPI2025_Results.xlsx'));
 * rows.length; // => 182
 * report.year; // => 2025
 */
export async function readTiWorkbook(buffer: Uint8Array | ArrayBuffer, options: TiWorkbookOptions = {}): Promise<TiResults> {
  const fn = 'readTiWorkbook';
  const bytes = parseInput(fn, z.union([z.instanceof(Uint8Array), z.instanceof(ArrayBuffer)], { error: 'expected the bytes of an .xlsx file (Uint8Array, Buffer or ArrayBuffer)' }), buffer, ['buffer']);
  const opts = parseInput(fn, TiWorkbookOptions, options, ['options']);
  const { sheet, ...readOptions } = opts;
  const workbook = await loadWorkbook(fn, bytes);
  if (sheet !== undefined) return readTiTable(fn, worksheetCells(findSheet(fn, workbook, sheet)), readOptions);
  let firstError: unknown;
  for (const ws of workbook.worksheets) {
    try {
      return readTiTable(fn, worksheetCells(ws), readOptions);
    } catch (error) {
      firstError ??= error;
    }
  }
  if (firstError instanceof CpiGapError) throw firstError;
  return fail(fn, ['buffer'], 'the workbook has no sheets', undefined, 'unknown_layout');
}
