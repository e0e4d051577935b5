/**
 * cpi-gap/xlsx: read TI's CPI result workbooks (.xlsx): the zip archive inflated with fflate, the
 * sheet and shared-strings XML read by cpi-gap's own bounded scanner. Kept out of the core entry so
 * that `import 'cpi-gap'` never loads the unzip code.
 *
 * @packageDocumentation
 * @module cpi-gap/xlsx
 */
import * as z from 'zod/mini';
import { CpiGapError, parseInput } from '../errors.js';
import { readTiTable, TiReadOptions, type TiResults } from './readTiTable.js';
import { findSheet, loadWorkbook, worksheetCells } from './workbookCells.js';

export { ZIP_LIMITS } from './zip.js';
export { SHARED_STRINGS_LIMIT } from './workbookCells.js';

/**
 * Options of {@link readTiWorkbook}: those of `readTiResults`, plus the sheet to read.
 *
 * @example
 * import { readFileSync } from 'node:fs';
 * import { readTiWorkbook, type TiWorkbookOptions } from 'cpi-gap/xlsx';
 * const o: TiWorkbookOptions = { sheet: 'CPI Historical', file: 'CPI2025_Results.xlsx' };
 * const { rows } = await readTiWorkbook(readFileSync('CPI2025_Results.xlsx'), o);
 * rows.length; // => 2494
 */
export const TiWorkbookOptions = z.extend(TiReadOptions, {
  /** The sheet's name (surrounding spaces and case ignored) or 1-based position. Default: the first sheet with a TI header row. */
  sheet: z.optional(z.union([z.string().check(z.minLength(1)), z.int().check(z.minimum(1))])),
});
export type TiWorkbookOptions = z.input<typeof TiWorkbookOptions>;

/**
 * Read a TI CPI result workbook (.xlsx bytes), with the same header mapping as `readTiResults`:
 * the per-edition sheet (e.g. "CPI 2022 (final)" of CPI2022_Results.xlsx, "CPI2025" of
 * CPI2025_Results.xlsx) or the "CPI Historical" sheet. Formula cells give their cached result.
 * Without `sheet`, the first sheet with a TI header row is read. Strings come as text (rich text
 * joined), booleans as `'true'`/`'false'`, error values as empty cells, and dates as the serial
 * numbers the sheet stores (TI's files hold none).
 *
 * The reader visits only the cells the sheet's XML holds and is bounded against hostile files: the
 * archive by {@link ZIP_LIMITS} (entries; bytes a part and the whole workbook inflate to, checked
 * while inflating, so a zip bomb stops at its cap), the sheet by `TABLE_LIMITS` (rows, columns,
 * cells spanned), the shared strings by {@link SHARED_STRINGS_LIMIT}; a DTD, an unknown entity, a
 * name listed twice in the archive, a truncated or encrypted archive are refused.
 *
 * @throws {CpiGapError} when the bytes are not a workbook (or break a limit), the sheet does not
 * exist, or no sheet has a TI layout (the message lists the headers found).
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
  // Yield once, so that a caller's abort or timer can run before the synchronous read.
  await Promise.resolve();
  const workbook = loadWorkbook(fn, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  if (sheet !== undefined) return readTiTable(fn, worksheetCells(workbook, findSheet(fn, workbook, sheet)), readOptions);
  let firstError: unknown;
  for (const ws of workbook.sheets) {
    try {
      return readTiTable(fn, worksheetCells(workbook, ws), readOptions);
    } catch (error) {
      firstError ??= error;
    }
  }
  // Rethrow the first sheet's failure as it was (readTiTable throws CpiGapError).
  if (firstError !== undefined) throw firstError as Error;
  throw new CpiGapError(fn, [{ path: ['buffer'], message: 'the workbook has no sheets', code: 'unknown_layout' }]);
}
