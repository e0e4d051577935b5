import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBuddhistEra, toBuddhistEra } from './buddhistEra.js';

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
