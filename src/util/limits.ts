import * as z from 'zod/mini';

/**
 * The most a table read from a file (CSV, or a worksheet of an .xlsx workbook) may hold: `rows`
 * records, `columns` fields in a record, `cells` fields in all. TI's largest file (the CPI
 * Historical sheet) has 2,495 rows of 29 columns; a progress file has one row per update. A file
 * past a limit is refused with an error saying which, before it can fill the memory. A list passed
 * to a function (rows, scores, updates) may hold at most `rows` items too.
 *
 * @example
 * TABLE_LIMITS.rows; // => 200000
 * try {
 *   parseCsv('a,'.repeat(2000));
 * } catch (e) {
 *   console.log((e as CpiGapError).issues[0]?.code); // too_many_columns
 * }
 */
export const TABLE_LIMITS = Object.freeze({ rows: 200_000, columns: 1_024, cells: 5_000_000 });

/**
 * A list of `item`s, at most `max` of them (default `TABLE_LIMITS.rows`): zod checks the length
 * before the items, so a list of ten million holes fails at once with one issue instead of ten
 * million.
 */
export function listOf<T extends z.core.$ZodType>(item: T, max: number = TABLE_LIMITS.rows) {
  return z.array(item).check(z.maxLength(max, `expected at most ${max} items`));
}
