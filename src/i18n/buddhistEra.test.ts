import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBuddhistEra, thaiDate, toBuddhistEra } from './buddhistEra.js';

describe('Buddhist Era', () => {
  it('converts the plan years as the seed writes them (๒๕๖๖ = 2023, ๒๕๗๐ = 2027)', () => {
    expect(toBuddhistEra(2023)).toBe(2566);
    expect(fromBuddhistEra(2570)).toBe(2027);
  });
  it('round-trips', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), (y) => fromBuddhistEra(toBuddhistEra(y)) === y));
  });
  it('rejects non-integers with the function and value', () => {
    expect(() => toBuddhistEra(2023.5)).toThrow('toBuddhistEra: year: expected an integer year (got 2023.5)');
    expect(() => fromBuddhistEra(Number.NaN)).toThrow(/fromBuddhistEra: year/);
  });
});

describe('thaiDate', () => {
  it('writes day, abbreviated Thai month and Buddhist-Era year (the seed writes periods so: "ต.ค. ๒๕๖๕")', () => {
    expect(thaiDate('2023-09-30')).toBe('30 ก.ย. 2566');
    expect(thaiDate('2022-10-01')).toBe('1 ต.ค. 2565');
    expect(thaiDate('2024-12-31')).toBe('31 ธ.ค. 2567');
  });
  it('rejects what is not an ISO date, naming the function and the value', () => {
    expect(() => thaiDate('30/09/2566')).toThrow(/^thaiDate: iso: expected an ISO date \(yyyy-mm-dd\)/);
    expect(() => thaiDate('2023-13-01')).toThrow(/thaiDate: iso/);
    expect(() => thaiDate('2023-01-00')).toThrow(/thaiDate: iso/);
    expect(() => thaiDate(20230101 as never)).toThrow(/thaiDate: iso/);
  });
});
