import { fail } from '../errors.js';

/**
 * Tolerance for floating-point error when a mean sits on a half: a mean within 1e-9 below
 * `k + 0.5` is treated as `k + 0.5`. Sums of source scores carry errors around 1e-13; no mean in
 * TI's published files comes within 1e-9 of a half without being on it.
 * @example
 * roundScore(50.5 - ROUNDING_TOLERANCE / 2); // => 51 (floating-point noise below a half counts as the half)
 * roundScore(50.5 - 1e-6); // => 50
 */
export const ROUNDING_TOLERANCE = 1e-9;

/**
 * Round a mean of source scores to a CPI score as TI does: to the nearest integer, halves up.
 * (In TI's published files no mean is exactly a half, so half-up and half-even agree.)
 *
 * @example
 * roundScore(36.0); // => 36
 * roundScore(50.5); // => 51
 * roundScore(50.49); // => 50
 */
export function roundScore(mean: number): number {
  if (!Number.isFinite(mean)) fail('roundScore', ['mean'], 'expected a finite number', mean);
  return Math.floor(mean + 0.5 + ROUNDING_TOLERANCE);
}

/**
 * The unrounded mean an integer target needs: a score of `target` is reached when the mean of the
 * sources reaches `target - 0.5`.
 *
 * @example
 * requiredMean(51); // => 50.5
 */
export function requiredMean(target: number): number {
  if (!Number.isFinite(target)) fail('requiredMean', ['target'], 'expected a finite number', target);
  return target - 0.5;
}
