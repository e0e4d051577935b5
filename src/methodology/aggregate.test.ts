import { describe, expect, it } from 'vitest';
import { CpiGapError } from '../errors.js';
import { aggregate, ciZ, standardError } from './aggregate.js';

// Thailand, CPI 2022 (TI's CPI2022_Results.csv): nine rescaled sources as published (rounded to
// integers), score 36. TI's SE 1.091841 was computed from the unrounded sources, so the expected SE
// here is computed by hand from the published integers: deviations from 36 are 1, 1, -1, 7, -1, -4,
// -10, 9, -2; squares sum to 254; variance 254 / 8 = 31.75.
const THA_2022 = Object.freeze([37, 37, 35, 43, 35, 32, 26, 45, 34]);

function sampleSd(xs: readonly number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}

describe('aggregate', () => {
  it('aggregate(Thailand 2022 as published) gives score 36 and the hand-computed SE and CI', () => {
    const a = aggregate(THA_2022, { edition: 2022 });
    expect(a.n).toBe(9);
    expect(a.mean).toBe(324 / 9);
    expect(a.score).toBe(36);
    expect(a.sd).toBeCloseTo(sampleSd(THA_2022), 12);
    const se = (Math.sqrt(31.75) / 3) * Math.sqrt(4 / 12);
    expect(a.standardError).toBeCloseTo(se, 12);
    expect(Math.abs(a.standardError - 1.091841)).toBeLessThan(0.01); // TI's value, from unrounded sources
    expect(a.lower).toBeCloseTo(36 - 1.64 * se, 12);
    expect(a.upper).toBeCloseTo(36 + 1.64 * se, 12);
    expect(a.z).toBe(1.64);
  });

  it('applies no finite-population correction before 2020 and z = 1.645 in 2021', () => {
    const xs = [30, 40, 50];
    const sd = 10; // independent: deviations -10, 0, 10 -> variance 200 / 2 = 100
    expect(aggregate(xs, { edition: 2019 }).standardError).toBeCloseTo(sd / Math.sqrt(3), 12);
    expect(aggregate(xs, { edition: 2020 }).standardError).toBeCloseTo((sd / Math.sqrt(3)) * Math.sqrt(10 / 12), 12);
    const a21 = aggregate(xs, { edition: 2021 });
    expect(a21.z).toBe(1.645);
    expect(a21.lower).toBeCloseTo(40 - 1.645 * a21.standardError, 12);
    expect(ciZ(2025)).toBe(1.64);
    expect(standardError(4, 9, 2019)).toBeCloseTo(4 / 3, 12);
  });

  it('rounds a mean of x.5 up (a score of 51 needs a mean of 50.5: a sum of 454.5 over 9 sources)', () => {
    const xs = [50.5, 50.5, 50.5, 50.5, 50.5, 50.5, 50.5, 50.5, 50.5];
    expect(aggregate(xs, { edition: 2025 }).score).toBe(51);
    expect(aggregate([50, 50, 50.49], { edition: 2025 }).score).toBe(50);
  });

  it('gives SE 0 with 13 sources from 2020 (the correction is zero), never NaN', () => {
    const xs = Array.from({ length: 13 }, (_, i) => 40 + i);
    const a = aggregate(xs, { edition: 2024 });
    expect(a.standardError).toBe(0);
    expect(Object.values(a).every((v) => Number.isFinite(v))).toBe(true);
  });

  it('accepts 14 sources before 2020 (Bribe Payers Survey, 2012-2013) and rejects them from 2020', () => {
    const xs = Array.from({ length: 14 }, (_, i) => 40 + i);
    expect(Number.isFinite(aggregate(xs, { edition: 2012 }).standardError)).toBe(true);
    expect(() => aggregate(xs, { edition: 2020 })).toThrow(CpiGapError);
  });

  it('rejects fewer than 3 sources, scores outside 0..100, an edition before 2012, naming the function and field', () => {
    expect(() => aggregate([40, 50], { edition: 2022 })).toThrow(/^aggregate: scores: TI scores a country only from 3 sources/);
    expect(() => aggregate([40, 50, 101], { edition: 2022 })).toThrow(/aggregate: scores\[2\].*got 101/);
    expect(() => aggregate([40, 50, Number.NaN], { edition: 2022 })).toThrow(CpiGapError);
    expect(() => aggregate([40, 50, 60], { edition: 2011 })).toThrow(/options\.edition/);
  });

  it('does not mutate its input', () => {
    const xs = Object.freeze([...THA_2022]);
    expect(() => aggregate(xs, { edition: 2022 })).not.toThrow();
    expect(xs).toEqual(THA_2022);
  });
});
