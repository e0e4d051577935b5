import { describe, expect, it } from 'vitest';
import { mapHeader, normaliseHeader } from './headers.js';

describe('mapHeader', () => {
  it.each([
    ['CPI score 2022', 'score', 2022],
    ['CPI 2025 score', 'score', 2025],
    ['CPI2025', 'score', 2025],
    ['CPI score', 'score', undefined],
    ['Standard error', 'standardError', undefined],
    ['Standard error 2025', 'standardError', 2025],
    ['Country / Territory', 'country', undefined],
    ['Number of sources', 'sources', undefined],
    ['Lower CI', 'lower', undefined],
    ['Year', 'year', undefined],
  ])('mapHeader(%j) is the field %s', (header, field, year) => {
    expect(mapHeader(header)).toEqual({ meaning: { kind: 'field', field }, ...(year === undefined ? {} : { year }) });
  });
  it('maps source names by meaning: Nations in Transit and Nations In Transit are one source', () => {
    expect(mapHeader('Freedom House Nations in Transit')?.meaning).toEqual({ kind: 'source', source: 'FH_NIT' });
    expect(mapHeader('Freedom House Nations In Transit')?.meaning).toEqual({ kind: 'source', source: 'FH_NIT' });
    expect(mapHeader('Transparency International Bribe Payers Survey')?.meaning).toEqual({ kind: 'source', source: 'TI_BPS' });
    expect(mapHeader('Varieties of Democracy Project')?.meaning).toEqual({ kind: 'source', source: 'VDEM' });
  });
  it('returns undefined for unknown and empty headers', () => {
    expect(mapHeader('Population')).toBeUndefined();
    expect(mapHeader('')).toBeUndefined();
    expect(mapHeader('Change since 2021')).toBeUndefined();
  });
  it('rejects a header that is not text', () => {
    expect(() => mapHeader(3 as unknown as string)).toThrow(/mapHeader: header/);
    expect(() => normaliseHeader(null as unknown as string)).toThrow(/normaliseHeader: header/);
  });
  it('normaliseHeader lowercases and collapses punctuation and spaces', () => {
    expect(normaliseHeader('  Country / Territory ')).toBe('country territory');
  });
});
