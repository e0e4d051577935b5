import { describe, expect, it } from 'vitest';
import { caught } from '../../tests/helpers/caught.js';
import { latestYear, resolveYear, scoresOfYear } from './access.js';
import { thailand } from './thailand.js';

describe('dataset access', () => {
  it("reads Thailand's years and one year's scores (seed table, 2022: sum 324 over nine sources)", () => {
    expect(latestYear(thailand)).toBe(2025);
    expect(resolveYear('myReport', thailand, undefined)).toBe(2025);
    expect(resolveYear('myReport', thailand, 2022)).toBe(2022);
    const s = scoresOfYear(thailand, 2022);
    expect(s.get('VDEM')).toBe(26);
    expect([...s.values()].reduce((a, b) => a + b, 0)).toBe(324);
  });
  it('rejects anything but a dataset made by createDataset', () => {
    for (const bad of [undefined, null, Number.NaN, [], { years: [2022], scores: [] }, { ...thailand }]) {
      expect(caught(() => latestYear(bad as never)).fn).toBe('latestYear');
      expect(caught(() => scoresOfYear(bad as never, 2022)).fn).toBe('scoresOfYear');
      expect(caught(() => resolveYear('myReport', bad as never, 2022)).fn).toBe('myReport');
    }
  });
  it('names the year path when the year is absent', () => {
    const e = caught(() => resolveYear('myReport', thailand, 2030));
    expect(e.issues[0]?.path).toEqual(['options', 'year']);
    expect(e.message).toContain('2017..2025');
  });
});
