import { describe, expect, it } from 'vitest';
import { thailand } from './thailand.js';
import { resolveYear } from './access.js';
import { CpiYear } from './schema.js';
import { CpiGapError } from '../errors.js';

describe('Buddhist-Era years where a Common-Era year is expected', () => {
  it('refuses 2565 with the hint that it is 2022 (2565 - 543), in resolveYear and the Year schema', () => {
    expect(() => resolveYear('myFn', thailand, 2565)).toThrow(CpiGapError);
    expect(() => resolveYear('myFn', thailand, 2565)).toThrow('2565 looks like a Buddhist-Era year: give years in the Common Era (2565 B.E. = 2022)');
    const r = CpiYear.safeParse({ year: 2568, score: 34, rank: 107, countries: 180, origin: { kind: 'user', note: 'x' } });
    expect(r.error?.issues[0]?.message).toContain('(2568 B.E. = 2025)');
  });

  it('gives no hint below 2400', () => {
    expect(() => resolveYear('myFn', thailand, 2399)).toThrow(/expected a year present in the dataset \(2017\.\.2025\) \(got 2399\)$/);
  });
});
