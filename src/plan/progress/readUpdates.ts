import * as z from 'zod/mini';
import { CpiGapError, parseInput, type CpiGapIssue } from '../../errors.js';
import { IssueList } from '../../util/issues.js';
import { fromThaiDigits } from '../../i18n/thaiNumber.js';
import { csvRecords } from '../../util/csv.js';
import { parseJsonText } from '../../util/json.js';
import { deepFreeze, type DeepReadonly } from '../../util/freeze.js';
import { columnOfHeader, PROGRESS_COLUMNS, PROGRESS_HEADERS, type ProgressColumn } from './formColumns.js';
import { collectUpdates, stoppedNote, type ProgressUpdate } from './update.js';

const REQUIRED: readonly ProgressColumn[] = ['projectId', 'date', 'status'];
/** Columns an agency fills in; a row with all of them blank is an unfilled template row. */
const REPORTED: readonly ProgressColumn[] = ['date', 'status', 'percentComplete', 'budgetSpent', 'kpiResult', 'problems'];
const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

function toNumber(text: string, unit: RegExp): number | string {
  const ascii = fromThaiDigits(text).replace(unit, '').trim();
  return NUMBER.test(ascii) ? Number(ascii.replace(/,/g, '')) : text;
}

/** Turn one cell (text, or a JSON value) into the value the schema expects. */
function cellValue(column: ProgressColumn, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (column === 'percentComplete') return toNumber(text, /\s*(%|เปอร์เซ็นต์|ร้อยละ)\s*/g);
  if (column === 'budgetSpent') return toNumber(text, /\s*(บาท|baht|THB|฿)\s*/gi);
  if (column === 'kpiResult') {
    const n = toNumber(text, /$^/);
    return typeof n === 'number' ? n : text;
  }
  return text;
}

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

interface Row {
  readonly path: (string | number)[];
  /** The row has a structure problem (not an object): its values are not checked. */
  readonly broken?: boolean;
  readonly fields: Partial<Record<ProgressColumn, { key: string | number; value: unknown }>>;
}

/** The update a row holds: its filled cells converted, the reference columns left out, the required ones always present. */
function recordOf(row: Row): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const c of PROGRESS_COLUMNS) {
    const cell = row.fields[c];
    if (c === 'projectName' || c === 'budgetPlanned' || cell?.value === undefined || cell.value === null) continue;
    if (blank(cell.value) && !REQUIRED.includes(c)) continue;
    record[c] = cellValue(c, cell.value);
  }
  for (const c of REQUIRED) if (!(c in record)) record[c] = undefined;
  return record;
}

/**
 * Where an issue inside a row's record is reported: the row, then the record's path with its first
 * key (a column name: records are built from columns) shown as the row's own header (CSV) or key
 * (JSON), or as the English header of a column the row lacks.
 */
function locate(row: Row, path: readonly (string | number)[]): (string | number)[] {
  const header = (column: string | number): string | number => row.fields[column as ProgressColumn]?.key ?? PROGRESS_HEADERS.en[column as ProgressColumn];
  return [...row.path, ...path.slice(0, 1).map(header), ...path.slice(1)];
}

/** Shared by both readers: skip unfilled rows, convert cells, validate all rows together. */
function readRows(fn: string, rows: readonly Row[], structureIssues: IssueList): DeepReadonly<ProgressUpdate[]> {
  const kept = rows.filter((r) => !r.broken && !REPORTED.every((c) => blank(r.fields[c]?.value)));
  const { valid, issues, unchecked } = collectUpdates(kept, (row) => ({ value: recordOf(row), locate: (path) => locate(row, path) }));
  // Structure problems (header, extra cells, unknown keys) and bad values, in row order (a stable
  // sort on each issue's row index, looked up once: linear in the issues, whatever their number).
  const order = rowIndex(rows);
  const at = (issue: CpiGapIssue): number => order.get(rowKey(issue.path)) ?? -1;
  // Each list holds its first 1,000 in row order, so the first 1,000 of both are among them.
  const all = [...structureIssues.kept, ...issues.kept].map((issue) => ({ issue, row: at(issue) })).sort((a, b) => a.row - b.row).map((x) => x.issue);
  const count = structureIssues.count + issues.count;
  if (count > 0) throw new CpiGapError(fn, all, { issueCount: count, ...stoppedNote(unchecked) });
  return deepFreeze(valid);
}

/** The key of the row a path starts with: `row 5` (CSV), or the prefix and index of a JSON row (`updates`, 3). */
function rowKey(path: readonly (string | number)[]): string {
  const i = path.findIndex((k) => typeof k === 'number' || k.startsWith('row '));
  return JSON.stringify(path.slice(0, i + 1));
}

/** Each row's index by its key; an issue about the header or the whole text has none (-1: first). */
function rowIndex(rows: readonly Row[]): Map<string, number> {
  return new Map(rows.map((r, i) => [rowKey(r.path), i]));
}

/**
 * Read progress updates from CSV text in the shape of {@link progressTemplate}: a header row with
 * Thai or English headers (or the field names, in any order; see `PROGRESS_HEADERS`), then one row
 * per update. Dates may be ISO, `15/01/2566` (B.E. or CE, day first) or `15 ม.ค. 2566`; statuses
 * English or Thai; numbers may use Thai digits, thousands commas, `%` and `บาท`.
 *
 * Rows that report nothing (date, status, percentage, spend, KPI result and problems all blank:
 * an unfilled template row) and empty lines are skipped; the project name and planned budget
 * columns are for reference and ignored. Every other row must be a valid {@link ProgressUpdate}.
 * All bad rows are reported together; each issue's path is `row N` (the spreadsheet row number,
 * the header being row 1) and the column's header as written.
 *
 * @throws {CpiGapError} on a column the form does not have, a missing required column (project,
 * date, status), malformed CSV, or any bad row.
 * @example
 * readProgressCsv('รหัสโครงการ,วันที่รายงาน,สถานะ\nws1-m1.1-p1,15/01/2566,ล่าช้า\n');
 * // => [{ projectId: 'ws1-m1.1-p1', date: '2023-01-15', status: 'delayed' }]
 */
export function readProgressCsv(text: string): DeepReadonly<ProgressUpdate[]> {
  const fn = 'readProgressCsv';
  const records = csvRecords(fn, parseInput(fn, z.string(), text, ['text']));
  const headerIndex = records.findIndex((r) => r.some((c) => c.trim() !== ''));
  const header = records[headerIndex] ?? [];
  const issues = new IssueList();
  const headerRow = `row ${headerIndex + 1}`;
  if (headerIndex < 0) issues.push({ path: ['text'], message: 'expected a header row', code: 'missing_header' });
  const columns = header.map((h, j) => {
    if (h.trim() === '') return undefined;
    const c = columnOfHeader(h);
    if (c === undefined) issues.push({ path: [headerRow, j + 1], message: `unknown column; expected headers such as ${Object.values(PROGRESS_HEADERS.en).map((x) => `"${x}"`).join(', ')} or their Thai forms`, value: h, code: 'unknown_column' });
    else if (header.slice(0, j).some((o) => columnOfHeader(o) === c)) issues.push({ path: [headerRow, j + 1], message: `a second column for ${c}`, value: h, code: 'duplicate_column' });
    return c;
  });
  if (headerIndex >= 0) {
    for (const c of REQUIRED) if (!columns.includes(c)) issues.push({ path: [headerRow], message: `missing the column "${PROGRESS_HEADERS.en[c]}" / "${PROGRESS_HEADERS.th[c]}"`, code: 'missing_column' });
  }
  const rows: Row[] = [];
  records.forEach((cells, r) => {
    if (r <= headerIndex || cells.every((c) => c.trim() === '')) return;
    const fields: Row['fields'] = {};
    cells.forEach((value, j) => {
      const c = columns[j];
      // A column has a header cell: columns is header.map(...).
      if (c !== undefined) fields[c] = { key: String(header[j]), value };
      else if (value.trim() !== '') issues.push({ path: [`row ${r + 1}`, j + 1], message: 'a value in a column without a header', value, code: 'extra_cell' });
    });
    rows.push({ path: [`row ${r + 1}`], fields });
  });
  return readRows(fn, rows, issues);
}

/**
 * Read progress updates from JSON text: an array of update objects, or an object with an
 * `updates` array (the shape {@link progressTemplate} writes). Keys may be the field names
 * (`projectId`, `date`, `status`, `percentComplete`, `budgetSpent`, `kpiResult`, `problems`,
 * `reporter`) or the template's Thai or English headers; values follow the same rules as
 * {@link readProgressCsv} (text cells are converted; numbers kept), and unfilled rows are skipped.
 * Each issue's path is the JSON path (`updates[3].status`).
 *
 * A leading byte order mark is dropped, and an object with the same key twice is refused (as
 * `JSON.parse` would silently keep the last, and the YAML reader refuses it).
 *
 * @throws {CpiGapError} on text that is not JSON, a key repeated in an object, an unexpected shape,
 * an unknown key, or any bad row.
 * @example
 * readProgressJson('[{"projectId":"ws1-m1.1-p1","date":"2023-01-15","status":"done","percentComplete":100}]');
 * // => [{ projectId: 'ws1-m1.1-p1', date: '2023-01-15', status: 'done', percentComplete: 100 }]
 */
export function readProgressJson(text: string): DeepReadonly<ProgressUpdate[]> {
  const fn = 'readProgressJson';
  const data = parseJsonText(fn, parseInput(fn, z.string(), text, ['text']));
  const wrapped = data !== null && typeof data === 'object' && !Array.isArray(data);
  const list = wrapped ? (data as Record<string, unknown>).updates : data;
  const prefix = wrapped ? ['updates'] : [];
  if (!Array.isArray(list)) {
    throw new CpiGapError(fn, [{ path: prefix.length ? prefix : ['text'], message: 'expected an array of updates, or an object with an "updates" array', value: list, code: 'invalid_type' }]);
  }
  const issues = new IssueList();
  const rows: Row[] = list.map((item: unknown, i) => {
    const path = [...prefix, i];
    const fields: Row['fields'] = {};
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      issues.push({ path, message: 'expected an object', value: item, code: 'invalid_type' });
      return { path, fields, broken: true };
    }
    for (const [key, value] of Object.entries(item)) {
      const c = columnOfHeader(key);
      if (c === undefined) issues.push({ path: [...path, key], message: 'unknown key', value: key, code: 'unknown_key' });
      else if (fields[c] !== undefined) issues.push({ path: [...path, key], message: `a second key for ${c}`, value: key, code: 'duplicate_key' });
      else fields[c] = { key, value };
    }
    return { path, fields };
  });
  return readRows(fn, rows, issues);
}
