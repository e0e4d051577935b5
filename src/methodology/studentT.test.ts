import { describe, expect, it } from 'vitest';
import { caught } from '../../tests/helpers/caught.js';
import { awayFromZero, studentTTwoSided } from './studentT.js';

// Closed forms of the two-sided tail P(|T| >= t), written here from the t densities:
// 1 df (Cauchy): 1 - (2 / pi) atan t; 2 df: 1 - t / sqrt(2 + t^2);
// 3 df: 1 - (2 / pi) (atan(t / sqrt 3) + (t / sqrt 3) / (1 + t^2 / 3)).
const tail1 = (t: number): number => 1 - (2 / Math.PI) * Math.atan(t);
const tail2 = (t: number): number => 1 - t / Math.sqrt(2 + t * t);
const tail3 = (t: number): number => {
  const u = t / Math.sqrt(3);
  return 1 - (2 / Math.PI) * (Math.atan(u) + u / (1 + u * u));
};

/** 1 - 2 x (the t density with df degrees of freedom integrated over [0, t] by Simpson's rule). */
function tailByIntegration(t: number, df: number, gammaRatio: number): number {
  const f = (x: number): number => (gammaRatio / Math.sqrt(df * Math.PI)) * (1 + (x * x) / df) ** (-(df + 1) / 2);
  const steps = 20_000;
  const h = t / steps;
  let sum = f(0) + f(t);
  for (let i = 1; i < steps; i += 1) sum += (i % 2 === 1 ? 4 : 2) * f(i * h);
  return 1 - 2 * ((sum * h) / 3);
}

describe('studentTTwoSided against closed forms', () => {
  it('matches 1, 2 and 3 degrees of freedom for small and large t (both continued-fraction branches)', () => {
    for (const t of [0.05, 0.3, 0.8, 1.5, 2.2, 4, 9, 40]) {
      expect(studentTTwoSided(t, 1)).toBeCloseTo(tail1(t), 10);
      expect(studentTTwoSided(-t, 2)).toBeCloseTo(tail2(t), 10);
      expect(studentTTwoSided(t, 3)).toBeCloseTo(tail3(t), 10);
    }
  });

  it('handles fewer than 1 degree of freedom (Welch df can be fractional): 0.5 df against numerical integration', () => {
    // Gamma(0.75) / Gamma(0.25) = 1.2254167024651776 / 3.6256099082219083.
    const ratio = 1.2254167024651776 / 3.625609908221908;
    for (const t of [0.7, 3]) expect(studentTTwoSided(t, 0.5)).toBeCloseTo(tailByIntegration(t, 0.5, ratio), 5);
  });

  it('uses the normal tail for infinite df: 2 (1 - Phi(t)) within the erfc approximation (1.2e-7)', () => {
    expect(Math.abs(studentTTwoSided(1, Number.POSITIVE_INFINITY) - 0.31731050786291415)).toBeLessThan(2e-7);
    expect(Math.abs(studentTTwoSided(2.5758293035489004, Number.POSITIVE_INFINITY) - 0.01)).toBeLessThan(2e-8);
    expect(Math.abs(studentTTwoSided(0, Number.POSITIVE_INFINITY) - 1)).toBeLessThan(2e-7);
    expect(studentTTwoSided(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(0);
    expect(studentTTwoSided(Number.NEGATIVE_INFINITY, 5)).toBe(0);
    // t^2 overflows to Infinity (x = df / (df + t^2) = 0): the true tail, about 2 sqrt(3) / (pi t^3)
    // for 3 df, is below the smallest double, so 0 is exact.
    expect(studentTTwoSided(1e200, 3)).toBe(0);
  });

  it('names the function, the field and the value on bad input', () => {
    expect(caught(() => studentTTwoSided(Number.NaN, 3)).message).toBe('studentTTwoSided: t: expected a number (Infinity allowed) (got NaN)');
    expect(caught(() => studentTTwoSided(1, 0)).message).toBe('studentTTwoSided: df: expected a number > 0 (Infinity allowed) (got 0)');
    expect(caught(() => studentTTwoSided(1, -2)).message).toBe('studentTTwoSided: df: expected a number > 0 (Infinity allowed) (got -2)');
    expect(caught(() => studentTTwoSided('1' as never, 3)).message).toBe('studentTTwoSided: t: expected a number (Infinity allowed) (got "1")');
    expect(caught(() => studentTTwoSided(1, '3' as never)).message).toBe('studentTTwoSided: df: expected a number > 0 (Infinity allowed) (got "3")');
  });
});

describe("awayFromZero (the continued fraction's guard against a zero denominator)", () => {
  it('replaces a denominator within 1e-300 of 0, of either sign, by 1e-300 and keeps any other', () => {
    expect(awayFromZero(0)).toBe(1e-300);
    expect(awayFromZero(-0)).toBe(1e-300);
    expect(awayFromZero(5e-301)).toBe(1e-300);
    expect(awayFromZero(-5e-301)).toBe(1e-300);
    expect(awayFromZero(1e-300)).toBe(1e-300);
    expect(awayFromZero(2e-300)).toBe(2e-300);
    expect(awayFromZero(-2e-300)).toBe(-2e-300);
    expect(awayFromZero(-0.75)).toBe(-0.75);
    expect(Number.isFinite(1 / awayFromZero(0))).toBe(true);
  });
});
