/**
 * CSV, read and written: RFC 4180 records (`parseCsv`, `csvRecords`) and tables of columns
 * (`csvTable`). The one CSV module of cpi-gap: TI's result files, the progress forms and every CSV
 * the reports and the command line write go through it.
 */
import * as z from 'zod/mini';
import { fail, parseInput } from '../errors.js';
import type { Column } from './table.js';
import { TABLE_LIMITS } from './limits.js';

export { TABLE_LIMITS } from './limits.js';

/**
 * Parse CSV text as RFC 4180 describes it: fields separated by commas, records by CRLF (a bare
 * LF or CR is accepted too), fields optionally enclosed in double quotes, a doubled quote inside a
 * quoted field standing for one quote, and commas and line breaks allowed inside quoted fields.
 * A leading UTF-8 byte order mark is dropped. Every field is returned as text, exactly as written
 * (no trimming, no number conversion); a final line break does not make an extra empty record.
 *
 * O(n) in the length of the text.
 *
 * @throws {CpiGapError} when a quoted field is never closed, or when text follows a closing quote
 * in the same field (`"a"b`).
 * @example
 * parseCsv('a,"b, c"\r\n1,"say ""hi"""\r\n'); // => [['a', 'b, c'], ['1', 'say "hi"']]
 */
export function parseCsv(text: string): string[][] {
  return csvRecords('parseCsv', parseInput('parseCsv', z.string(), text, ['text']));
}


/** Records of the CSV being read, and the checks of {@link TABLE_LIMITS}. */
class RecordList {
  readonly records: string[][] = [];
  private record: string[] = [];
  private cells = 0;
  constructor(private readonly fn: string) {}

  field(text: string, line: number): void {
    this.record.push(text);
    this.cells += 1;
    if (this.record.length > TABLE_LIMITS.columns) fail(this.fn, ['text'], `line ${line} has more than ${TABLE_LIMITS.columns} fields`, this.record.length, 'too_many_columns');
    if (this.cells > TABLE_LIMITS.cells) fail(this.fn, ['text'], `more than ${TABLE_LIMITS.cells} fields in all (at line ${line})`, this.cells, 'too_many_cells');
  }

  end(line: number): void {
    this.records.push(this.record);
    this.record = [];
    if (this.records.length > TABLE_LIMITS.rows) fail(this.fn, ['text'], `more than ${TABLE_LIMITS.rows} records (at line ${line})`, this.records.length, 'too_many_rows');
  }
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** A quoted field starting at `start` (its opening quote): its text and the index after its closing quote. */
function quotedField(fn: string, s: string, start: number, line: number): { text: string; next: number; lines: number } {
  const parts: string[] = [];
  let from = start + 1;
  for (;;) {
    const quote = s.indexOf('"', from);
    if (quote < 0) fail(fn, ['text'], `a quoted field opened on line ${line} is never closed`, line, 'unclosed_quote');
    parts.push(s.slice(from, quote));
    if (s.charCodeAt(quote + 1) !== QUOTE) {
      const text = parts.join('');
      let lines = 0;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines += 1;
      return { text, next: quote + 1, lines };
    }
    parts.push('"');
    from = quote + 2;
  }
}

/**
 * {@link parseCsv} without input validation; errors name `fn`. Linear in the length of the text:
 * fields are cut out of it, never built a character at a time. Refuses a text past
 * {@link TABLE_LIMITS}.
 */
export function csvRecords(fn: string, input: string): string[][] {
  const s = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const list = new RecordList(fn);
  const n = s.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    // At the start of a field.
    let text: string;
    if (s.charCodeAt(i) === QUOTE) {
      const quoted = quotedField(fn, s, i, line);
      line += quoted.lines;
      ({ text } = quoted);
      i = quoted.next;
      const next = s.charCodeAt(i);
      if (i < n && next !== COMMA && next !== CR && next !== LF) fail(fn, ['text'], `text after a closing quote on line ${line}: expected a comma or a line break`, s.charAt(i), 'invalid_quote');
    } else {
      let j = i;
      for (let c = s.charCodeAt(j); j < n && c !== COMMA && c !== CR && c !== LF; c = s.charCodeAt(j)) j += 1;
      text = s.slice(i, j);
      i = j;
    }
    list.field(text, line);
    const c = s.charCodeAt(i);
    if (i < n && c === COMMA) {
      i += 1;
      // A comma at the very end leaves an empty last field.
      if (i === n) list.field('', line);
      else continue;
    } else if (i < n) i += c === CR && s.charCodeAt(i + 1) === LF ? 2 : 1;
    list.end(line);
    line += 1;
  }
  return list.records;
}

/** A cell that spreadsheets read as a formula: it begins with = + - @, a tab or a carriage return (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number (a sign, digits, a decimal point, an exponent): read as that number, never as a formula. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * One CSV field as cpi-gap writes it. A text that a spreadsheet would run as a formula (it begins
 * with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading single quote, as OWASP
 * recommends against CSV injection, so Excel and LibreOffice show it as text; a plain number,
 * negative ones included (`-5`, `-2.5`, `+1e3`), is left as it is: a spreadsheet reads it as that
 * number, whether it came from a number or from a text cell, and nothing else; so is a lone `-`, the
 * tables' mark for no value, which no spreadsheet runs. Then a field with a
 * comma, a quote or a line break is quoted (RFC 4180).
 *
 * @example
 * csvField('=HYPERLINK("https://evil.example","x")'); // => '"\'=HYPERLINK(""https://evil.example"",""x"")"'
 * csvField('-5'); // => '-5'
 * csvField('-5+3'); // => "'-5+3"
 * csvField('-'); // => '-'
 * csvField('Korea, South'); // => '"Korea, South"'
 */
export function csvField(text: string): string {
  const safe = FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) && text !== '-' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Render rows as RFC 4180 CSV with a header line, every field through {@link csvField} (formula
 * text neutralised, fields with a comma, quote or line break quoted). The one CSV writer of
 * cpi-gap: reports, tables, the progress form and the command line write through it.
 */
export function csvTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  return [columns.map((c) => csvField(c.header)), ...rows.map((r) => columns.map((c) => csvField(c.value(r))))].map((l) => l.join(',')).join('\n');
}
