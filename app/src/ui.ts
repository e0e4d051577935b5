// Small DOM helpers and the page's number and year formats (the library's formatThaiNumber, yearLabel
// and toThaiDigits; percentages through Intl's own percent style).
import { formatThaiNumber, toThaiDigits, yearLabel } from '../../src/index.js';
import { label, type LabelKey, type Locale } from './labels.js';
import type { AppState } from './state.js';

type Child = Node | string | null | undefined | false;

/** An element with attributes and children (strings become text). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false) continue;
    e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

/** The page's formats for one state. */
export interface Format {
  readonly locale: Locale;
  /** A label of the page, marked `data-l` (the tests check every one changes with the language). */
  readonly L: (key: LabelKey, values?: Record<string, string>) => HTMLSpanElement;
  readonly t: (key: LabelKey, values?: Record<string, string>) => string;
  readonly num: (value: number, decimals?: number) => string;
  readonly signed: (value: number, decimals?: number) => string;
  readonly year: (year: number) => string;
  readonly pct: (share: number) => string;
  /** A label the library writes (a workstream's number), in the page's digits. */
  readonly digits: (text: string) => string;
}

export function format(state: AppState): Format {
  const locale = state.locale;
  const digits = (text: string): string => (state.thaiDigits ? toThaiDigits(text) : text);
  const num = (value: number, decimals?: number): string => formatThaiNumber(value, { thaiDigits: state.thaiDigits, ...(decimals === undefined ? {} : { decimals }) });
  const percent = new Intl.NumberFormat(locale === 'th' ? 'th-TH' : 'en-GB', { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 });
  return {
    locale,
    L: (key, values) => {
      const span = el('span', { 'data-l': key }, digits(label(key, locale, values)));
      return span;
    },
    t: (key, values) => digits(label(key, locale, values)),
    num,
    signed: (value, decimals) => (value > 0 ? `+${num(value, decimals)}` : num(value, decimals)),
    year: (year) => digits(yearLabel(year, state.era)),
    pct: (share) => digits(percent.format(share)),
    digits,
  };
}
