import * as z from 'zod';
import { fail, parseInput } from '../errors.js';
import { tTail } from './studentT.js';

/**
 * One country-year as {@link changeSignificance} needs it (a `TiRow` fits: extra fields are ignored).
 *
 * @example
 * const a: CountryYearEstimate = { score: 36, standardError: 1.09, sources: 9, year: 2022 };
 * const b: CountryYearEstimate = { score: 33, standardError: 0.997, sources: 9, year: 2025 };
 * changeSignificance(a, b).change; // => -3
 */
export const CountryYearEstimate = z.object({
  /** The CPI score (TI's lists compare the published, rounded scores). */
  score: z.number().min(0).max(100),
  /** TI's standard error of that score (0 to 100: a mean of scores on the 0-100 scale cannot have a larger one). */
  standardError: z.number().min(0).max(100),
  /** Number of sources; needed for the Welch test's degrees of freedom. */
  sources: z.int().min(2).max(14).optional(),
  year: z.int().optional(),
});
/**
 * The argument type: `standardError` is optional in the type so that a `TiRow` can be passed as it
 * is, but a missing standard error is rejected at run time.
 */
export interface CountryYearEstimate {
  readonly score: number;
  readonly standardError?: number | undefined;
  readonly sources?: number | undefined;
  readonly year?: number | undefined;
}

/**
 * Options of {@link changeSignificance}.
 *
 * @example
 * const o: ChangeSignificanceOptions = { alpha: 0.1, test: 'normal' };
 * changeSignificance({ score: 38, standardError: 2.12 }, { score: 33, standardError: 0.997 }, o).significant; // => true
 */
export const ChangeSignificanceOptions = z.strictObject({
  /** Two-sided significance level. Default 0.05. */
  alpha: z.number().gt(0).lt(1).optional(),
  /**
   * `'welch'` (default): t = change / sqrt(SE_a^2 + SE_b^2) against Student's t with
   * Welch-Satterthwaite degrees of freedom from the two source counts. `'normal'`: the same
   * statistic against the standard normal distribution (no source counts needed).
   */
  test: z.enum(['welch', 'normal']).optional(),
});
export type ChangeSignificanceOptions = z.input<typeof ChangeSignificanceOptions>;

/**
 * Whether a change between two country-years is statistically significant, with the numbers behind it.
 *
 * @example
 * const r: ChangeSignificance = changeSignificance({ score: 35, standardError: 1.1, sources: 9 }, { score: 33, standardError: 0.997, sources: 9 });
 * r.direction; // => 'declined'
 * r.pValue > 0.05; // => true: a 2-point fall with these SEs is not significant
 */
export interface ChangeSignificance {
  /** `b.score - a.score`. */
  readonly change: number;
  readonly direction: 'improved' | 'declined' | 'unchanged';
  /** Standard error of the change: sqrt(SE_a^2 + SE_b^2). */
  readonly standardError: number;
  /** change / standardError; absent when both standard errors are 0. */
  readonly t?: number;
  /** Welch-Satterthwaite degrees of freedom (absent for the normal test or when both SEs are 0). */
  readonly df?: number;
  /** Two-sided p value. */
  readonly pValue: number;
  readonly alpha: number;
  /** pValue < alpha. */
  readonly significant: boolean;
  readonly test: 'welch' | 'normal';
}

/**
 * Whether the change of a country's CPI score between two country-years (`a` earlier, `b` later)
 * is statistically significant: a two-sided test of the difference of the two scores with the two
 * standard errors, at `alpha` (default 0.05).
 *
 * Method (see docs/methodology.md): t = (score_b - score_a) / sqrt(SE_a^2 + SE_b^2), the two years
 * treated as independent samples of sources. By default t is compared with Student's t with
 * Welch-Satterthwaite degrees of freedom, df = (SE_a^2 + SE_b^2)^2 / (SE_a^4 / (n_a - 1) +
 * SE_b^4 / (n_b - 1)); with `test: 'normal'` with the standard normal. TI states that it tests
 * changes for significance but, in the notes cpi-gap could find, not the exact test; the agreement
 * with TI's published lists is measured in docs/methodology.md.
 *
 * @throws {CpiGapError} for a score outside 0..100, a negative SE, or a Welch test without `sources`.
 * @example
 * // Thailand 2015 -> 2025 (TI lists this decline as significant):
 * const r = changeSignificance({ score: 38, standardError: 2.12, sources: 8 }, { score: 33, standardError: 0.997, sources: 9 });
 * r.change; // => -5
 * r.significant; // => false (t = -2.13, Welch df = 10.0)
 * changeSignificance({ score: 38, standardError: 2.12 }, { score: 33, standardError: 0.997 }, { test: 'normal' }).significant; // => true
 */
export function changeSignificance(a: CountryYearEstimate, b: CountryYearEstimate, options: ChangeSignificanceOptions = {}): ChangeSignificance {
  const x = parseInput('changeSignificance', CountryYearEstimate, a, ['a']);
  const y = parseInput('changeSignificance', CountryYearEstimate, b, ['b']);
  const opts = parseInput('changeSignificance', ChangeSignificanceOptions, options, ['options']);
  const alpha = opts.alpha ?? 0.05;
  const test = opts.test ?? 'welch';
  let na = 0;
  let nb = 0;
  if (test === 'welch') {
    na = x.sources ?? fail('changeSignificance', ['a', 'sources'], 'the Welch test needs the number of sources (or use options.test "normal")', undefined, 'missing_sources');
    nb = y.sources ?? fail('changeSignificance', ['b', 'sources'], 'the Welch test needs the number of sources (or use options.test "normal")', undefined, 'missing_sources');
  }
  const change = y.score - x.score;
  const direction = change > 0 ? 'improved' : change < 0 ? 'declined' : 'unchanged';
  // Both standard errors are divided by the larger before squaring, so neither a tiny one (1e-200)
  // nor a large one underflows or overflows on the way to SE and df (both are scale-free ratios).
  const big = Math.max(x.standardError, y.standardError);
  if (big === 0) {
    const pValue = change === 0 ? 1 : 0;
    return { change, direction, standardError: 0, pValue, alpha, significant: pValue < alpha, test };
  }
  const va = (x.standardError / big) ** 2;
  const vb = (y.standardError / big) ** 2;
  const se = big * Math.sqrt(va + vb);
  const t = change / se;
  if (test === 'normal') {
    const pValue = tTail(t, Infinity);
    return { change, direction, standardError: se, t, pValue, alpha, significant: pValue < alpha, test };
  }
  const df = (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1));
  const pValue = tTail(t, df);
  return { change, direction, standardError: se, t, df, pValue, alpha, significant: pValue < alpha, test };
}
