import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CpiGapError } from '../errors.js';
import { formatThaiNumber, fromThaiDigits, parseThaiNumber, toThaiDigits } from './thaiNumber.js';

describe('parseThaiNumber', () => {
  it('parses a budget as the seed prints it', () => {
    expect(parseThaiNumber('๑๓๔,๒๓๘,๕๐๐')).toBe(134238500);
  });
  it('parses scores from the five-year table', () => {
    expect(['๔๓', '๔๑', '๔๕', '๔๑', '๓๙', '๔๓'].map(parseThaiNumber)).toEqual([43, 41, 45, 41, 39, 43]);
  });
  it('accepts ASCII digits, decimals, a sign and surrounding space', () => {
    expect(parseThaiNumber(' 1,234.5 ')).toBe(1234.5);
    expect(parseThaiNumber('-๒')).toBe(-2);
    expect(parseThaiNumber('๐.๕')).toBe(0.5);
  });
  it.each(['', '-', 'abc', '1,23', '๑๒ก', '1.2.3', ',100', 'NaN', 'Infinity'])('rejects %j with a CpiGapError naming the value', (text) => {
    expect(() => parseThaiNumber(text)).toThrow(CpiGapError);
    expect(() => parseThaiNumber(text)).toThrow(/parseThaiNumber: text:/);
  });
  it('rejects a non-string', () => {
    expect(() => parseThaiNumber(12 as unknown as string)).toThrow(/expected a string/);
  });
});

describe('formatThaiNumber', () => {
  it('writes Thai digits with thousands commas by default', () => {
    expect(formatThaiNumber(134238500)).toBe('๑๓๔,๒๓๘,๕๐๐');
  });
  it('writes ASCII digits, no grouping, fixed decimals on request', () => {
    expect(formatThaiNumber(1234.5, { thaiDigits: false, grouping: false, decimals: 2 })).toBe('1234.50');
  });
  it('rejects NaN and Infinity', () => {
    expect(() => formatThaiNumber(Number.NaN)).toThrow(CpiGapError);
    expect(() => formatThaiNumber(Infinity)).toThrow(/formatThaiNumber: value/);
  });
  it('rejects bad decimals', () => {
    expect(() => formatThaiNumber(1, { decimals: -1 })).toThrow(/options.decimals/);
  });
  it('round-trips every safe integer', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => parseThaiNumber(formatThaiNumber(n)) === n));
  });
});

describe('Thai digits', () => {
  it('convert both ways and leave other text alone', () => {
    expect(toThaiDigits('พ.ศ. 2566')).toBe('พ.ศ. ๒๕๖๖');
    expect(fromThaiDigits('พ.ศ. ๒๕๖๖')).toBe('พ.ศ. 2566');
    fc.assert(fc.property(fc.string(), (s) => fromThaiDigits(toThaiDigits(s)) === fromThaiDigits(s)));
  });
});

describe('hostile input (found by the fuzz suite)', () => {
  it('fromThaiDigits and toThaiDigits reject a non-string with a CpiGapError', () => {
    expect(() => fromThaiDigits(0 as unknown as string)).toThrow(/fromThaiDigits: text: expected a string \(got 0\)/);
    expect(() => toThaiDigits({} as unknown as string)).toThrow(/toThaiDigits: text: expected a string/);
  });
  it('formatThaiNumber validates its options: a null, unknown keys, a non-boolean flag, bad decimals', () => {
    expect(() => formatThaiNumber(1, null as never)).toThrow(/formatThaiNumber: options/);
    expect(() => formatThaiNumber(1, JSON.parse('{"__proto__": {"x": 1}}') as never)).toThrow(CpiGapError);
    expect(() => formatThaiNumber(1, { thaiDigits: 'no' } as never)).toThrow(/options\.thaiDigits/);
    expect(() => formatThaiNumber(1, { decimals: 2.5 })).toThrow(/options\.decimals/);
    expect(() => formatThaiNumber(1, { decimals: 21 })).toThrow(/options\.decimals/);
    expect(formatThaiNumber(1234.5, { decimals: 2 })).toBe('๑,๒๓๔.๕๐');
  });
});
