import * as z from 'zod/mini';
import { fail, parseInput } from '../errors.js';

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

/**
 * Replace Thai digits (๐-๙) with ASCII digits, leaving every other character as it is.
 *
 * @example
 * fromThaiDigits('พ.ศ. ๒๕๖๖'); // => 'พ.ศ. 2566'
 */
export function fromThaiDigits(text: string): string {
  if (typeof text !== 'string') fail('fromThaiDigits', ['text'], 'expected a string', text, 'invalid_type');
  return text.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
}

/**
 * Replace ASCII digits with Thai digits (๐-๙).
 *
 * @example
 * toThaiDigits('2566'); // => '๒๕๖๖'
 */
export function toThaiDigits(text: string): string {
  if (typeof text !== 'string') fail('toThaiDigits', ['text'], 'expected a string', text, 'invalid_type');
  return text.replace(/[0-9]/g, (d) => THAI_DIGITS.charAt(Number(d)));
}

const NUMBER_PATTERN = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * Parse a number written with Thai or ASCII digits, with optional thousands commas, as the seed
 * prints budgets and scores. Surrounding white space is ignored; anything else is an error, never
 * a NaN.
 *
 * @throws {CpiGapError} when the text is not a number.
 * @example
 * parseThaiNumber('๑๓๔,๒๓๘,๕๐๐'); // => 134238500
 * parseThaiNumber('๓๖'); // => 36
 */
export function parseThaiNumber(text: string): number {
  if (typeof text !== 'string') fail('parseThaiNumber', ['text'], 'expected a string', text, 'invalid_type');
  const ascii = fromThaiDigits(text.trim());
  if (!NUMBER_PATTERN.test(ascii)) fail('parseThaiNumber', ['text'], 'expected digits with optional thousands commas and decimals', text);
  return Number(ascii.replace(/,/g, ''));
}

/**
 * Options of {@link formatThaiNumber}.
 *
 * @example
 * const o: FormatNumberOptions = { decimals: 2 };
 * formatThaiNumber(1234.5, o); // => '๑,๒๓๔.๕๐'
 */
export interface FormatNumberOptions {
  /** Write Thai digits (๐-๙) instead of ASCII digits. Default `true`. */
  readonly thaiDigits?: boolean;
  /** Group thousands with commas. Default `true`. */
  readonly grouping?: boolean;
  /** Fixed number of decimals. Default: as many as the number has, up to 2. */
  readonly decimals?: number;
}

const FormatNumberSchema = z.strictObject({
  thaiDigits: z.optional(z.boolean()),
  grouping: z.optional(z.boolean()),
  decimals: z.optional(z.int().check(z.minimum(0), z.maximum(20))),
});

/**
 * Format a number as Thai documents print it: Thai digits and thousands commas by default.
 *
 * @throws {CpiGapError} when the number is not finite.
 * @example
 * formatThaiNumber(134238500); // => '๑๓๔,๒๓๘,๕๐๐'
 * formatThaiNumber(36.5, { thaiDigits: false }); // => '36.5'
 */
export function formatThaiNumber(value: number, options: FormatNumberOptions = {}): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail('formatThaiNumber', ['value'], 'expected a finite number', value);
  const { thaiDigits = true, grouping = true, decimals } = parseInput('formatThaiNumber', FormatNumberSchema, options, ['options']);
  const text = value.toLocaleString('en-US', {
    useGrouping: grouping,
    minimumFractionDigits: decimals ?? 0,
    maximumFractionDigits: decimals ?? 2,
  });
  return thaiDigits ? toThaiDigits(text) : text;
}
