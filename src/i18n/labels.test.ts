import { describe, expect, it } from 'vitest';
import { caught } from '../../tests/helpers/caught.js';
import { createDataset } from '../dataset/createDataset.js';
import { thailand } from '../dataset/thailand.js';
import { defaultEra, sourceAbbreviation, sourceLabel, workstreamLabel, yearLabel } from './labels.js';

describe('defaultEra', () => {
  it('is the Buddhist Era in Thai and the Common Era in English', () => {
    expect(defaultEra('th')).toBe('be');
    expect(defaultEra('en')).toBe('ce');
  });
});

describe('sourceLabel', () => {
  it("uses the seed's Thai abbreviation (no internal id), and TI's English name", () => {
    // The seed's five-year table lists the Bertelsmann index as "BF (TI)", Varieties of Democracy as "V-DEM".
    expect(sourceLabel(thailand, 'BTI', 'th')).toBe('BF (TI)');
    expect(sourceLabel(thailand, 'VDEM', 'th')).toBe('V-DEM');
    expect(sourceAbbreviation(thailand, 'BTI')).toBe('BF (TI)');
    expect(sourceAbbreviation(null, 'IMD')).toBe('IMD');
    expect(caught(() => sourceAbbreviation(thailand, 'V-Dem' as never)).issues[0]?.path).toEqual(['id']);
    expect(sourceLabel(thailand, 'BTI', 'en')).toBe('Bertelsmann Transformation Index');
  });
  it('works without a dataset from the catalogue alone', () => {
    expect(sourceLabel(null, 'VDEM', 'en')).toBe('Varieties of Democracy');
  });
  it('rejects a hand-made dataset, an unknown id and an unknown locale', () => {
    expect(caught(() => sourceLabel({ sources: [] } as never, 'BTI', 'th')).issues[0]?.path).toEqual(['dataset']);
    expect(caught(() => sourceLabel(thailand, 'V-Dem' as never, 'en')).issues[0]?.path).toEqual(['id']);
    expect(caught(() => sourceLabel(thailand, '__proto__' as never, 'en')).issues[0]?.path).toEqual(['id']);
    expect(caught(() => sourceLabel(thailand, 'BTI', 'fr' as never)).issues[0]?.path).toEqual(['locale']);
  });
});

describe('workstreamLabel', () => {
  it('names a workstream in English and Thai', () => {
    expect(workstreamLabel(thailand, 1, 'en')).toBe('WS1 Bribery prevention');
    expect(workstreamLabel(thailand, 1, 'th').startsWith('แผนงานเรื่องที่ 1')).toBe(true);
  });
  it('falls back to the number for a workstream the dataset lacks', () => {
    const ds = createDataset({
      country: { iso3: 'XYZ', name: { en: 'Example' } },
      sources: [{ id: 'EIU', name: { en: 'EIU' } }, { id: 'PRS', name: { en: 'PRS' } }, { id: 'WEF', name: { en: 'WEF' } }],
      scores: (['EIU', 'PRS', 'WEF'] as const).map((source) => ({ source, year: 2024, value: 40, origin: { kind: 'user', note: 'test' } as const })),
    });
    expect(workstreamLabel(ds, 2, 'en')).toBe('WS2');
    expect(workstreamLabel(ds, 2, 'th')).toBe('แผนงานเรื่องที่ 2');
  });
  it('rejects a non-dataset, a fractional number and an unknown locale', () => {
    expect(caught(() => workstreamLabel(Number.NaN as never, 1, 'en')).issues[0]?.path).toEqual(['dataset']);
    expect(caught(() => workstreamLabel(thailand, 1.5, 'en')).issues[0]?.path).toEqual(['number']);
    expect(caught(() => workstreamLabel(thailand, 1, '' as never)).issues[0]?.path).toEqual(['locale']);
  });
});

describe('yearLabel', () => {
  it('writes a year in the Common or the Buddhist Era (2023 + 543 = 2566)', () => {
    expect(yearLabel(2023)).toBe('2023');
    expect(yearLabel(2023, 'be')).toBe('2566');
  });
  it('rejects a non-integer year and an unknown era', () => {
    expect(caught(() => yearLabel(Object.create(null) as number)).issues[0]?.path).toEqual(['year']);
    expect(caught(() => yearLabel(Number.NaN, 'be')).issues[0]?.path).toEqual(['year']);
    expect(caught(() => yearLabel(2023, 'BE' as never)).issues[0]?.path).toEqual(['era']);
  });
});
