import fastStringWidth from 'fast-string-width';
import * as z from 'zod/mini';
import { printable } from '../errors.js';
import { csvTable } from './csv.js';

/**
 * Display width of a string in a terminal, in columns: Thai vowel and tone marks above or below a
 * consonant take no column, SARA AM (ำ) takes one (a terminal draws its SARA AA part beside the
 * consonant: "น้ำ" is two columns), East Asian wide characters and emoji two, tabs, control and
 * invisible characters (a zero-width space between Thai words) none. Counting grapheme clusters
 * instead gave "น้ำ" one column, and each SARA AM shifted a Thai table by a column.
 *
 * Measured by fast-string-width, a third of string-width's size in a browser bundle (1.2 kB min+gzip
 * instead of 3.2 kB). For Thai, Latin, CJK, kana, Hangul syllables, fullwidth forms and emoji it gives
 * string-width's columns (tests/i18n/display-width.test.ts checks every country name and label against
 * string-width); it counts no column for the spacing vowel signs of Indic scripts (string-width one)
 * and one for Yi syllables (two).
 */
export function displayWidth(text: string): number {
  return fastStringWidth(text.replace(INVISIBLE, ''), { tabWidth: 0 });
}

/** Invisible characters (zero-width space, joiners, direction marks...) but those fast-string-width reads in emoji sequences (ZWJ, variation selectors). */
const INVISIBLE = /(?!\u200d|\ufe0e|\ufe0f)\p{Default_Ignorable_Code_Point}/gu;

const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

/**
 * `text` cut to at most `width` terminal columns, ending in "…", between grapheme clusters (a Thai
 * consonant keeps its vowels and tone marks); as it is when it fits.
 */
export function shortenToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    if (displayWidth(out + segment) > width - 1) break;
    out += segment;
  }
  return `${out}…`;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** A column of a table: its header, and how a row's cell is written. Text tables and CSV take the same columns. */
export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => string;
  readonly align?: 'left' | 'right';
}

/**
 * Render rows as an aligned plain-text table (Thai-aware widths). A cell's control characters (a line
 * break, an escape sequence from a file) are written as `\u001b`-style escapes: one cell, one line.
 */
export function textTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const cell = (c: Column<Row>, row: Row): string => printable(c.value(row), true);
  // Each column's width and alignment; the cells are formatted again for the lines (values are pure).
  const cols = columns.map((c) => ({ column: c, width: rows.reduce((w, row) => Math.max(w, displayWidth(cell(c, row))), displayWidth(printable(c.header, true))), align: c.align ?? 'left' }));
  const line = (cell: (c: Column<Row>) => string) =>
    cols
      .map(({ column, width, align }) => pad(cell(column), width, align))
      .join('  ')
      .trimEnd();
  return [line((c) => printable(c.header, true)), cols.map((col) => '-'.repeat(col.width)).join('  '), ...rows.map((row) => line((c) => cell(c, row)))].join('\n');
}

/** Format a number with up to `decimals` decimals, dropping trailing zeros (`14.5`, `36`, `33.11`). */
export function fmt(value: number, decimals = 2): string {
  const rounded = Number(value.toFixed(decimals));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/**
 * The output formats of every table cpi-gap writes (reports, the command line's `--format`): an
 * aligned text table, CSV, or JSON.
 */
export const OUTPUT_FORMATS = ['table', 'csv', 'json'] as const;
/** One of {@link OUTPUT_FORMATS}: the zod schema, and its type. */
export const OutputFormat = z.enum(OUTPUT_FORMATS);
export type OutputFormat = z.infer<typeof OutputFormat>;

/** Render records as an aligned text table, CSV, or JSON (the records themselves). */
export function renderRows<Row>(columns: readonly Column<Row>[], rows: readonly Row[], format: OutputFormat): string {
  if (format === 'json') return JSON.stringify(rows, null, 2);
  return format === 'csv' ? csvTable(columns, rows) : textTable(columns, rows);
}
