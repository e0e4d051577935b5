import { toThaiDigits } from '../i18n/thaiNumber.js';
import type { Digits } from '../i18n/labels.js';

/**
 * vega's number locale for Thai digits: d3-format's `numerals` write ๐-๙ in every number vega
 * formats (axis ticks, quantitative legends and text marks, tooltips); separators stay `.` and `,`.
 */
const THAI_NUMBER_LOCALE = Object.freeze({
  decimal: '.',
  thousands: ',',
  grouping: [3],
  currency: ['', ''],
  numerals: ['๐', '๑', '๒', '๓', '๔', '๕', '๖', '๗', '๘', '๙'],
});

/** Keys whose string (or array of strings) is text the chart shows: titles, subtitles, the description. */
const TEXT_KEYS = new Set(['text', 'subtitle', 'title', 'description']);
/** Keys whose array of strings must match the converted data: scale domains, sort orders, legend values. */
const MATCHED_KEYS = new Set(['domain', 'sort', 'values']);

/**
 * A `labelExpr` of `wrapLabelExpr` (`{"label": [lines]}[datum.label] || datum.label`) with its labels in
 * Thai digits: the digits of its JSON strings convert, a `\uXXXX` escape stays whole; any other
 * expression stays as it is.
 */
function labelExpr(expr: string): string {
  if (!expr.endsWith('[datum.label] || datum.label')) return expr;
  return expr.replace(/\\u[0-9a-fA-F]{4}|[0-9]/g, (m) => (m.length === 1 ? toThaiDigits(m) : m));
}

/** A CSS colour in hex (`#c0392b`): a value a row or a domain may hold that is no text. */
const HEX_COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

function label(value: unknown): unknown {
  return typeof value === 'string' && !HEX_COLOUR.test(value) ? toThaiDigits(value) : value;
}

/** Every string of a data row converted but colours (the rows' labels are what text marks, nominal axes, legends and tooltips show). */
function row(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return label(value);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, label(v)]));
}

function convert(value: unknown, key: string): unknown {
  if (key === 'usermeta') return value;
  if (typeof value === 'string') return TEXT_KEYS.has(key) ? toThaiDigits(value) : key === 'labelExpr' ? labelExpr(value) : value;
  if (Array.isArray(value)) {
    if (MATCHED_KEYS.has(key)) return value.map(row);
    if (TEXT_KEYS.has(key)) return value.map((v) => (typeof v === 'string' ? toThaiDigits(v) : convert(v, '')));
    return value.map((v) => convert(v, ''));
  }
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, k)]));
}

/**
 * A spec (vega-lite, as the builders write it) with its figures in `digits`: unchanged for `'arabic'`;
 * for `'thai'`, the titles, subtitles, description, axis, legend and tooltip titles, the inline data's
 * strings (labels) and the domains, sort orders and legend values that name them, and the labels of
 * wrapped-label expressions in Thai digits, and `config.locale` set to {@link THAI_NUMBER_LOCALE} for
 * the numbers vega formats. `usermeta` (the record of the chart) and expressions stay as they are.
 */
export function withDigits<T extends object>(spec: T, digits: Digits): T {
  if (digits === 'arabic') return spec;
  const converted = convert(spec, '') as T & { config?: Record<string, unknown> };
  return { ...converted, config: { ...converted.config, locale: { number: THAI_NUMBER_LOCALE } } };
}
