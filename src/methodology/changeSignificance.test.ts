import { describe, expect, it } from 'vitest';
import { CpiGapError } from '../errors.js';
import { changeSignificance } from './changeSignificance.js';
import { studentTTwoSided } from './studentT.js';

describe('studentTTwoSided', () => {
  it('matches published t quantiles (t_0.975 with 10 df = 2.228139; with 4 df = 2.776445; normal 1.959964)', () => {
    expect(studentTTwoSided(2.228138852, 10)).toBeCloseTo(0.05, 8);
    expect(studentTTwoSided(2.776445105, 4)).toBeCloseTo(0.05, 8);
    expect(studentTTwoSided(-1.959963985, Number.POSITIVE_INFINITY)).toBeCloseTo(0.05, 6);
    expect(studentTTwoSided(0, 7)).toBeCloseTo(1, 12);
    // t with 1 df is Cauchy: P(|T| >= 1) = 0.5.
    expect(studentTTwoSided(1, 1)).toBeCloseTo(0.5, 10);
    expect(studentTTwoSided(Number.POSITIVE_INFINITY, 3)).toBe(0);
  });
  it('rejects NaN and a non-positive df', () => {
    expect(() => studentTTwoSided(Number.NaN, 3)).toThrow(/studentTTwoSided: t/);
    expect(() => studentTTwoSided(1, 0)).toThrow(/studentTTwoSided: df/);
  });
});

describe('changeSignificance', () => {
  it('Thailand 2015 (38, SE 2.12, 8 sources) to 2025 (33, SE 0.997, 9 sources): t = -2.13, significant against the normal, not against Welch t (df 10.0)', () => {
    const r = changeSignificance({ score: 38, standardError: 2.119999885559082, sources: 8 }, { score: 33, standardError: 0.9973887, sources: 9 }, { test: 'welch' });
    const se = Math.sqrt(2.119999885559082 ** 2 + 0.9973887 ** 2);
    expect(r.change).toBe(-5);
    expect(r.direction).toBe('declined');
    expect(r.standardError).toBeCloseTo(se, 12);
    expect(r.t).toBeCloseTo(-5 / se, 12);
    const va = 2.119999885559082 ** 2;
    const vb = 0.9973887 ** 2;
    expect(r.df).toBeCloseTo((va + vb) ** 2 / (va ** 2 / 7 + vb ** 2 / 8), 12);
    // |t| = 2.134 < t_0.975(10) = 2.228, > 1.960: TI lists this decline as significant (CPI 2025 workbook).
    expect(r.significant).toBe(false);
    expect(changeSignificance({ score: 38, standardError: 2.119999885559082 }, { score: 33, standardError: 0.9973887 }, { test: 'normal' }).significant).toBe(true);
  });

  it('Thailand 2022 (36, SE 1.09) to 2023 (35, SE 0.88) is not significant', () => {
    const r = changeSignificance({ score: 36, standardError: 1.091841, sources: 9, year: 2022 }, { score: 35, standardError: 0.8833423, sources: 9, year: 2023 });
    expect(r.significant).toBe(false);
    expect(r.pValue).toBeGreaterThan(0.05);
  });

  it('the normal test needs no source counts; the Welch test does', () => {
    const r = changeSignificance({ score: 40, standardError: 1 }, { score: 43, standardError: 1 }, { test: 'normal' });
    // |t| = 3 / sqrt(2) = 2.1213 > 1.96
    expect(r.significant).toBe(true);
    expect(r.df).toBeUndefined();
    expect(() => changeSignificance({ score: 40, standardError: 1 }, { score: 43, standardError: 1 }, { test: 'welch' })).toThrow(/changeSignificance: a\.sources/);
  });

  it('with both SEs 0 a change is significant and no change is not, without NaN or Infinity', () => {
    const r = changeSignificance({ score: 40, standardError: 0, sources: 3 }, { score: 41, standardError: 0, sources: 3 }, { test: 'welch' });
    expect(r).toMatchObject({ significant: true, pValue: 0, standardError: 0 });
    expect(r.t).toBeUndefined();
    expect(changeSignificance({ score: 40, standardError: 0, sources: 3 }, { score: 40, standardError: 0, sources: 3 }, { test: 'welch' }).significant).toBe(false);
  });

  it('rejects a country-year without a standard error (a TiRow from a file without that column)', () => {
    expect(() => changeSignificance({ score: 40, sources: 3 }, { score: 40, standardError: 1, sources: 3 })).toThrow(/changeSignificance: a\.standardError/);
  });

  it('rejects a bad alpha and a negative SE', () => {
    expect(() => changeSignificance({ score: 40, standardError: 1, sources: 3 }, { score: 40, standardError: 1, sources: 3 }, { alpha: 1.5, test: 'welch' })).toThrow(/options\.alpha/);
    expect(() => changeSignificance({ score: 40, standardError: -1, sources: 3 }, { score: 40, standardError: 1, sources: 3 })).toThrow(CpiGapError);
  });

  it("TI's rule (the default): SEs of 2020 on without the finite-population factor, |z| > 1.7254", () => {
    // Thailand 2015 (38, SE 2.12, 8 sources) -> 2025 (33, SE 0.997, 9 sources). By hand: 2025's SE
    // without the factor is 0.9973887 / sqrt(4 / 12) = 1.72753; z = -5 / sqrt(2.12^2 + 1.72753^2) = -1.828.
    const r = changeSignificance({ score: 38, standardError: 2.119999885559082, sources: 8, year: 2015 }, { score: 33, standardError: 0.9973887, sources: 9, year: 2025 });
    const se = Math.sqrt(2.119999885559082 ** 2 + (0.9973887 / Math.sqrt(4 / 12)) ** 2);
    expect(r.test).toBe('ti');
    expect(r.standardError).toBeCloseTo(se, 12);
    expect(r.t).toBeCloseTo(-5 / se, 12);
    expect(r.significant).toBe(true);
    // Both years before 2020: the SEs as published. 3 / sqrt(2 * 1.2^2) = 1.768 > 1.7254; 3 / sqrt(2 * 1.25^2) = 1.697 is not.
    expect(changeSignificance({ score: 40, standardError: 1.2, sources: 5, year: 2015 }, { score: 43, standardError: 1.2, sources: 5, year: 2019 }).significant).toBe(true);
    expect(changeSignificance({ score: 40, standardError: 1.25, sources: 5, year: 2015 }, { score: 43, standardError: 1.25, sources: 5, year: 2019 }).significant).toBe(false);
    // The rule needs year and sources, and has no alpha.
    expect(() => changeSignificance({ score: 40, standardError: 1, sources: 5 }, { score: 43, standardError: 1, sources: 5, year: 2025 })).toThrow(/changeSignificance: a\.year: /);
    expect(() => changeSignificance({ score: 40, standardError: 1, year: 2015 }, { score: 43, standardError: 1, sources: 5, year: 2025 })).toThrow(/changeSignificance: a\.sources: /);
    expect(() => changeSignificance({ score: 40, standardError: 1, sources: 5, year: 2015 }, { score: 43, standardError: 1, sources: 5, year: 2025 }, { alpha: 0.1 })).toThrow(/changeSignificance: options\.alpha: /);
  });
});
