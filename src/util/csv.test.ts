import { describe, expect, it } from 'vitest';
import { CpiGapError } from '../errors.js';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('splits fields and CRLF records, dropping a BOM and not adding a record for the final line break', () => {
    expect(parseCsv('\uFEFFa,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
  });
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('"Korea, South",KOR\r\n"say ""hi""","two\r\nlines"')).toEqual([['Korea, South', 'KOR'], ['say "hi"', 'two\r\nlines']]);
  });
  it('keeps empty fields, empty records and a trailing empty column', () => {
    expect(parseCsv(',,\r\n\r\na,\r\n')).toEqual([['', '', ''], [''], ['a', '']]);
  });
  it('accepts bare LF and CR line ends', () => {
    expect(parseCsv('a\nb\rc')).toEqual([['a'], ['b'], ['c']]);
  });
  it('returns [] for empty text', () => {
    expect(parseCsv('')).toEqual([]);
  });
  it('rejects an unclosed quote and text after a closing quote', () => {
    expect(() => parseCsv('a,"b\r\nc')).toThrow(/parseCsv: text: a quoted field opened on line 1 is never closed/);
    expect(() => parseCsv('"a"b')).toThrow(CpiGapError);
    expect(() => parseCsv(42 as unknown as string)).toThrow(/parseCsv: text/);
  });
});
