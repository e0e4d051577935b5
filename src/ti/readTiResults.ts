import * as z from 'zod/mini';
import { parseInput } from '../errors.js';
import { csvRecords } from '../util/csv.js';
import { readTiTable, TiReadOptions, type TiResults } from './readTiTable.js';

/**
 * Read one of Transparency International's CPI result CSV files as TI distributes it: a
 * per-edition file (`CPI2022_Results.csv`: UTF-8 BOM, a title row and an empty row before the
 * header; `CPI2025_Results.csv`: header on the first row, a trailing empty column) or the flat
 * "CPI Historical" layout (`cpi_historical_2012_2025.csv`, one row per country-year with a Year
 * column).
 *
 * Headers are mapped by meaning through `TI_FIELD_ALIASES` and `TI_SOURCE_ALIASES` (case, spacing
 * and a year inside the header do not matter: `CPI score 2022`, `CPI 2025 score`, `Standard error
 * 2025`, `Nations in Transit` / `Nations In Transit`). The header is the first of the first 25 rows
 * with a country (or ISO3) column and a score column. The year of a row comes from its Year column,
 * else from `options.year`, else from the header (`CPI score 2022`), else from a title row.
 *
 * Empty cells are absent from the rows, never 0 or NaN. A row with an empty or non-integer score,
 * a malformed ISO3, a source score outside 0..100 or text where a number belongs is left out and
 * listed in `report.rejected` with its line and the reason; the other rows are kept.
 *
 * @throws {CpiGapError} for an unknown layout (the message lists the headers found), two columns
 * with one meaning, a year option that contradicts the file, or a file naming no year.
 * @example
 * const { rows, report } = readTiResults(
 *   'Country / Territory,ISO3,Region,CPI 2025 score,Rank,Standard error 2025,Number of sources,Lower CI,Upper CI,IMD World Competitiveness Yearbook,\r\n' +
 *     'Thailand,THA,AP,33,116,0.997,9,31.36,34.64,26.0897,\r\n',
 * );
 * rows[0]?.year; // => 2025
 * rows[0]?.sourceScores.IMD; // => 26.0897
 * report.ignored; // => []
 */
export function readTiResults(text: string, options: TiReadOptions = {}): TiResults {
  const input = parseInput('readTiResults', z.string(), text, ['text']);
  const opts = parseInput('readTiResults', TiReadOptions, options, ['options']);
  return readTiTable('readTiResults', csvRecords('readTiResults', input), opts);
}
