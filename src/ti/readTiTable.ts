import * as z from 'zod/mini';
import { CpiGapError, describeValue } from '../errors.js';
import type { SourceId } from '../dataset/sourceCatalog.js';
import { deepFreeze } from '../util/freeze.js';
import { mapHeaderUnchecked, type TiField } from './headers.js';

/**
 * One country-year of a TI result file. Fields TI leaves empty are absent, never 0 or NaN.
 *
 * @example
 * import { readFileSync } from 'node:fs';
 * const { rows, report } = readTiResults(readFileSync('CPI2025_Results.csv', 'utf8'), { file: 'CPI2025_Results.csv' });
 * const tha: TiRow | undefined = rows.find((r) => r.iso3 === 'THA');
 * tha?.score; // => 33
 * tha?.rank; // => 116
 * tha?.sourceScores.IMD?.toFixed(2); // => '26.09'
 */
export interface TiRow {
  readonly country: string;
  readonly iso3: string;
  readonly region?: string;
  readonly year: number;
  /** The published CPI score (an integer). */
  readonly score: number;
  readonly rank?: number;
  readonly standardError?: number;
  /** Number of sources TI counts for the country-year. */
  readonly sources?: number;
  /** Lower and upper bound of TI's 90% confidence interval. */
  readonly lower?: number;
  readonly upper?: number;
  /** The rescaled source scores (0..100) keyed by stable source id; sources without a score are absent. */
  readonly sourceScores: Readonly<Partial<Record<SourceId, number>>>;
  /** Where the row comes from: TI's edition (the row's year) and the file name given to the reader. */
  readonly origin: { readonly kind: 'ti'; readonly edition: number; readonly file: string };
}

/**
 * A row the reader left out, with its line (1-based record number in the file) and why.
 *
 * @example
 * const { report } = readTiResults('Country,ISO3,CPI score 2022\nThailand,THA,36\nNowhere,XX,40\n');
 * const bad: TiRejectedRow | undefined = report.rejected[0];
 * bad?.line; // => 3
 * console.log(bad?.reason);
 */
export interface TiRejectedRow {
  readonly line: number;
  readonly reason: string;
}

/**
 * What the reader did with a file.
 *
 * @example
 * import { readFileSync } from 'node:fs';
 * const { rows, report } = readTiResults(readFileSync('CPI2025_Results.csv', 'utf8'), { file: 'CPI2025_Results.csv' });
 * const r: TiReadReport = report;
 * r.rowsAccepted; // => 182
 * r.rejected.length; // => 0
 * r.yearFrom; // => 'header'
 */
export interface TiReadReport {
  /** Data rows after the header (blank rows not counted). */
  readonly rowsRead: number;
  readonly rowsAccepted: number;
  readonly rejected: readonly TiRejectedRow[];
  /** Blank rows skipped after the header. */
  readonly blankRows: number;
  /** 1-based record number of the header row. */
  readonly headerLine: number;
  /** Each recognised header and what it was mapped to (a field name or a source id). */
  readonly recognised: readonly { readonly header: string; readonly column: number; readonly meaning: string }[];
  /** Non-empty headers the reader does not know, kept as written. */
  readonly ignored: readonly string[];
  /** Where the year came from: a Year column, the option, a header (`CPI score 2022`) or a title row. */
  readonly yearFrom: 'column' | 'option' | 'header' | 'title';
  /** The edition year when the whole file is one edition. */
  readonly year?: number;
}

/**
 * The rows of a TI file and the report of how they were read.
 *
 * @example
 * const r: TiResults = readTiResults('Country,ISO3,CPI score 2022\nThailand,THA,36\n');
 * r.rows[0]?.score; // => 36
 * r.rows[0]?.year; // => 2022
 */
export interface TiResults {
  readonly rows: readonly TiRow[];
  readonly report: TiReadReport;
}

/**
 * Options of {@link readTiResults} and `readTiWorkbook`.
 *
 * @example
 * const o: TiReadOptions = { file: 'CPI2022_Results.csv', year: 2022 };
 * const { report } = readTiResults('Country,ISO3,CPI score 2022\nThailand,THA,36\n', o);
 * report.yearFrom; // => 'option'
 */
export const TiReadOptions = z.strictObject({
  /** The edition, for a file with no Year column; must agree with a year written in its headers or title. */
  year: z.optional(z.int().check(z.minimum(2012), z.maximum(2100))),
  /** The file name recorded in each row's origin (default `'TI CPI results'`). */
  file: z.optional(z.string().check(z.minLength(1))),
});
export type TiReadOptions = z.input<typeof TiReadOptions>;

/**
 * A cell as a reader hands it over: CSV gives text, a workbook gives numbers too.
 *
 * @example
 * const cells: TiCell[] = ['Thailand', 33, null, undefined]; // a CSV gives strings, a workbook numbers too
 * console.log(cells.length);
 */
export type TiCell = string | number | null | undefined;

const HEADER_SCAN = 25;

function text(cell: TiCell): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'number' ? String(cell) : cell.trim();
}

/**
 * A cell's number: undefined when empty, 'invalid' when it is not a plain decimal or is not finite
 * (`1e999` reads as Infinity: refused, never passed on). A negative zero (`-0`, `-0.00`) is the number
 * 0; the integer columns refuse a minus sign on it (see {@link isCount}).
 */
function numberOf(cell: TiCell): number | undefined | 'invalid' {
  let n: number;
  if (typeof cell === 'number') n = cell;
  else {
    const t = text(cell);
    if (t === '') return undefined;
    // TI's files write plain decimals; accept those and nothing looser (no hex, no thousands separators).
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return 'invalid';
    n = Number(t);
  }
  if (!Number.isFinite(n)) return 'invalid';
  return Object.is(n, -0) ? 0 : n;
}

/** An integer column's value (score, rank, sources): an integer from `min` to `max`, written without a minus sign. */
function isCount(raw: TiCell, v: number, min: number, max: number): boolean {
  return Number.isInteger(v) && v >= min && v <= max && !(typeof raw === 'string' ? raw.trim().startsWith('-') : Object.is(raw, -0));
}

interface Column {
  readonly index: number;
  readonly header: string;
  /** The field or source the header names. */
  readonly meaning: TiField | SourceId;
  readonly field?: TiField;
  readonly source?: SourceId;
  readonly year?: number;
}

function mapRow(record: readonly TiCell[]): Column[] {
  const columns: Column[] = [];
  record.forEach((cell, index) => {
    const header = text(cell);
    const mapped = mapHeaderUnchecked(header);
    if (mapped === undefined) return;
    const base = { index, header, ...(mapped.year === undefined ? {} : { year: mapped.year }) };
    columns.push(mapped.meaning.kind === 'field' ? { ...base, meaning: mapped.meaning.field, field: mapped.meaning.field } : { ...base, meaning: mapped.meaning.source, source: mapped.meaning.source });
  });
  return columns;
}

function isHeader(columns: readonly Column[]): boolean {
  const fields = new Set(columns.map((c) => c.field));
  return (fields.has('country') || fields.has('iso3')) && fields.has('score');
}

/** The header row: where it is, its cells, the columns it names and each column by meaning. */
interface Header {
  readonly at: number;
  readonly cells: readonly TiCell[];
  readonly columns: readonly Column[];
  readonly byMeaning: ReadonlyMap<string, Column>;
}

function layoutError(fn: string, message: string, value: unknown): CpiGapError {
  return new CpiGapError(fn, [{ path: ['text'], message: `unknown layout: ${message}`, value, code: 'unknown_layout' }]);
}

/** The first row of the first {@link HEADER_SCAN} that names a country (or ISO3) column and a score column. */
function findHeader(fn: string, records: readonly (readonly TiCell[])[]): Header {
  const scanned = records.slice(0, HEADER_SCAN);
  const at = scanned.findIndex((record) => isHeader(mapRow(record)));
  const cells = scanned[at];
  if (cells === undefined) {
    const candidate = scanned.find((rec) => rec.filter((c) => text(c) !== '').length >= 3) ?? records[0] ?? [];
    const found = candidate.map(text).filter((h) => h !== '');
    throw layoutError(fn, `no header row with a country (or ISO3) column and a score column in the first ${HEADER_SCAN} rows; headers found: ${found.length > 0 ? found.map((h) => JSON.stringify(h)).join(', ') : 'none'}`, found);
  }
  const columns = mapRow(cells);
  const byMeaning = new Map<string, Column>();
  for (const c of columns) {
    const prior = byMeaning.get(c.meaning);
    if (prior !== undefined) {
      const headers = cells.map(text).filter((h) => h !== '').map((h) => JSON.stringify(h)).join(', ');
      throw layoutError(fn, `columns ${JSON.stringify(prior.header)} and ${JSON.stringify(c.header)} both mean ${c.meaning} (a wide time-series sheet? read the "CPI Historical" layout instead); headers found: ${headers}`, [prior.header, c.header]);
    }
    byMeaning.set(c.meaning, c);
  }
  return { at, cells, columns, byMeaning };
}

/** The first year (19xx or 20xx) written in the rows above the header, such as a title row. */
function titleYear(records: readonly (readonly TiCell[])[], headerAt: number): number | undefined {
  for (const rec of records.slice(0, headerAt)) {
    for (const cell of rec) {
      const m = /(?:19|20)\d{2}/.exec(text(cell));
      if (m) return Number(m[0]);
    }
  }
  return undefined;
}

/**
 * The edition of a file: from a Year column (each row its own), else from the option, the headers
 * (`CPI score 2022`) or a title row, which must agree with the option when both are there.
 */
function editionOf(fn: string, records: readonly (readonly TiCell[])[], header: Header, options: z.output<typeof TiReadOptions>): { yearFrom: TiReadReport['yearFrom']; fileYear?: number } {
  if (header.byMeaning.has('year')) return { yearFrom: 'column' };
  const headerYears = [...new Set(header.columns.flatMap((c) => (c.year === undefined ? [] : [c.year])))];
  if (headerYears.length > 1) throw layoutError(fn, `headers name several years (${headerYears.join(', ')}) and there is no Year column`, headerYears);
  const fromHeader = headerYears[0];
  const fromTitle = titleYear(records, header.at);
  const stated = fromHeader ?? fromTitle;
  if (options.year !== undefined) {
    if (stated !== undefined && stated !== options.year) {
      throw new CpiGapError(fn, [{ path: ['options', 'year'], message: `the file's ${fromHeader !== undefined ? 'headers name' : 'title names'} ${stated}`, value: options.year, code: 'inconsistent' }]);
    }
    return { yearFrom: 'option', fileYear: options.year };
  }
  if (fromHeader !== undefined) return { yearFrom: 'header', fileYear: fromHeader };
  if (fromTitle !== undefined) return { yearFrom: 'title', fileYear: fromTitle };
  throw new CpiGapError(fn, [{ path: ['options', 'year'], message: 'the file has no Year column and names no year in its headers or title: pass options.year', code: 'missing_year' }]);
}

/** One data row read into a {@link TiRow}, or the problems that keep it out. */
function readRow(rec: readonly TiCell[], header: Header, fileYear: number | undefined, file: string): { row: TiRow; id: string } | { problems: string[] } {
  const problems: string[] = [];
  const get = (f: TiField): TiCell => {
    const c = header.byMeaning.get(f);
    return c === undefined ? undefined : rec[c.index];
  };
  const country = text(get('country'));
  const iso3 = text(get('iso3')).toUpperCase();
  if (header.byMeaning.has('country') && country === '') problems.push('country is empty');
  if (header.byMeaning.has('iso3') && !/^[A-Z]{3}$/.test(iso3)) problems.push(`ISO3 is not three letters (got ${describeValue(text(get('iso3')))})`);
  let year = fileYear;
  if (header.byMeaning.has('year')) {
    const y = numberOf(get('year'));
    if (typeof y === 'number' && Number.isInteger(y) && y >= 1995 && y <= 2100) year = y;
    else problems.push(`Year is not a year (got ${describeValue(text(get('year')))})`);
  }
  const num = (f: TiField, check: (v: number, raw: TiCell) => boolean, rule: string, required: boolean): number | undefined => {
    const raw = get(f);
    const v = numberOf(raw);
    if (v === undefined) {
      if (required) problems.push(`${f} is empty`);
      return undefined;
    }
    if (v === 'invalid' || !check(v, raw)) {
      problems.push(`${f} ${rule} (got ${describeValue(text(raw))})`);
      return undefined;
    }
    return v;
  };
  const score = num('score', (v, raw) => isCount(raw, v, 0, 100), 'is not an integer from 0 to 100', true);
  const rank = num('rank', (v, raw) => isCount(raw, v, 1, Number.MAX_SAFE_INTEGER), 'is not a positive integer', false);
  const standardError = num('standardError', (v) => v >= 0, 'is not a finite number >= 0', false);
  const sources = num('sources', (v, raw) => isCount(raw, v, 1, 14), 'is not an integer from 1 to 14', false);
  const lower = num('lower', () => true, 'is not a finite number', false);
  const upper = num('upper', () => true, 'is not a finite number', false);
  const sourceScores = sourceScoresOf(rec, header.columns, problems);
  if (problems.length > 0 || score === undefined || year === undefined) return { problems };
  const region = text(get('region'));
  const row: TiRow = {
    country: country !== '' ? country : iso3,
    iso3,
    ...(region === '' ? {} : { region }),
    year,
    score,
    ...(rank === undefined ? {} : { rank }),
    ...(standardError === undefined ? {} : { standardError }),
    ...(sources === undefined ? {} : { sources }),
    ...(lower === undefined ? {} : { lower }),
    ...(upper === undefined ? {} : { upper }),
    sourceScores,
    origin: { kind: 'ti', edition: year, file },
  };
  return { row, id: iso3 !== '' ? iso3 : country };
}

/** The row's rescaled source scores (0..100) by source id; a bad one adds a problem. */
function sourceScoresOf(rec: readonly TiCell[], columns: readonly Column[], problems: string[]): Partial<Record<SourceId, number>> {
  const scores: Partial<Record<SourceId, number>> = {};
  for (const c of columns) {
    if (c.source === undefined) continue;
    const v = numberOf(rec[c.index]);
    if (v === undefined) continue;
    if (v === 'invalid' || v < 0 || v > 100) {
      problems.push(`${c.source} ("${c.header}") is not a score from 0 to 100 (got ${describeValue(text(rec[c.index]))})`);
      continue;
    }
    scores[c.source] = v;
  }
  return scores;
}

/**
 * Read TI result rows from a table of cells (the records of a CSV file or a worksheet). Shared by
 * `readTiResults` and `readTiWorkbook`; `fn` names the public function in errors.
 */
export function readTiTable(fn: string, records: readonly (readonly TiCell[])[], options: z.output<typeof TiReadOptions>): TiResults {
  const header = findHeader(fn, records);
  const recognised = new Set(header.columns.map((c) => c.index));
  const ignored = header.cells.map(text).filter((h, i) => h !== '' && !recognised.has(i));
  const { yearFrom, fileYear } = editionOf(fn, records, header, options);
  const file = options.file ?? 'TI CPI results';
  const rows: TiRow[] = [];
  const rejected: TiRejectedRow[] = [];
  let blankRows = 0;
  let rowsRead = 0;
  const seen = new Map<string, number>();
  for (const [i, rec] of records.slice(header.at + 1).entries()) {
    const line = header.at + i + 2;
    if (rec.every((c) => text(c) === '')) {
      blankRows += 1;
      continue;
    }
    rowsRead += 1;
    const read = readRow(rec, header, fileYear, file);
    if ('problems' in read) {
      rejected.push({ line, reason: read.problems.join('; ') });
      continue;
    }
    const key = `${read.id}@${read.row.year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      rejected.push({ line, reason: `duplicate of line ${first} (${read.id}, ${read.row.year})` });
      continue;
    }
    seen.set(key, line);
    rows.push(read.row);
  }
  const report: TiReadReport = {
    rowsRead,
    rowsAccepted: rows.length,
    rejected,
    blankRows,
    headerLine: header.at + 1,
    recognised: header.columns.map((c) => ({ header: c.header, column: c.index, meaning: c.meaning })),
    ignored,
    yearFrom,
    ...(fileYear === undefined ? {} : { year: fileYear }),
  };
  return deepFreeze<TiResults>({ rows, report });
}
