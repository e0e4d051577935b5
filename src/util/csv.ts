/**
 * CSV, read and written: RFC 4180 records (`parseCsv`, `csvRecords`) and tables of columns
 * (`csvTable`). The one CSV module of cpi-gap: TI's result files, the progress forms and every CSV
 * the reports and the command line write go through it.
 */
import { z } from 'zod';
import { fail, parseInput } from '../errors.js';
import type { Column } from './table.js';

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

/** {@link parseCsv} without input validation; errors name `fn`. */
export function csvRecords(fn: string, input: string): string[][] {
  const s = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  const n = s.length;
  // Whether the current record has begun (so that a final line break adds no empty record).
  let started = false;
  while (i < n) {
    const c = s.charAt(i);
    if (c === '"' && field === '') {
      // A quoted field: read to the closing quote.
      const openLine = line;
      i += 1;
      let closed = false;
      while (i < n) {
        const d = s.charAt(i);
        if (d === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i += 1;
          break;
        }
        if (d === '\n') line += 1;
        field += d;
        i += 1;
      }
      if (!closed) fail(fn, ['text'], `a quoted field opened on line ${openLine} is never closed`, openLine, 'unclosed_quote');
      started = true;
      const next = s[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        fail(fn, ['text'], `text after a closing quote on line ${line}: expected a comma or a line break`, next, 'invalid_quote');
      }
      continue;
    }
    if (c === ',') {
      record.push(field);
      field = '';
      started = true;
      i += 1;
      continue;
    }
    if (c === '\r' || c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      started = false;
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line += 1;
      continue;
    }
    field += c;
    started = true;
    i += 1;
  }
  if (started) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Render rows as RFC 4180 CSV with a header line (fields with a comma, quote or line break quoted). */
export function csvTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  return [columns.map((c) => csvCell(c.header)), ...rows.map((r) => columns.map((c) => csvCell(c.value(r))))].map((l) => l.join(',')).join('\n');
}
