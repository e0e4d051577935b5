import * as z from 'zod/mini';
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
  score: z.number().check(z.minimum(0), z.maximum(100)),
  /** TI's standard error of that score (0 to 100: a mean of scores on the 0-100 scale cannot have a larger one). */
  standardError: z.number().check(z.minimum(0), z.maximum(100)),
  /** Number of sources; needed for the Welch test's degrees of freedom. */
  sources: z.optional(z.int().check(z.minimum(2), z.maximum(14))),
  year: z.optional(z.int()),
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
  /** Two-sided significance level of the `'welch'` and `'normal'` tests. Default 0.05. (`'ti'` has its own critical value.) */
  alpha: z.optional(z.number().check(z.gt(0), z.lt(1))),
  /**
   * `'ti'` (default): TI's rule as reconstructed from its lists (see {@link TI_CRITICAL_Z}): z =
   * change / sqrt(SE_a^2 + SE_b^2), each SE of 2020 on first divided by sqrt((13 - n) / 12), and
   * significant when |z| > 1.7254 (needs `year` and `sources`). `'welch'`: the same statistic
   * with TI's SEs as published against Student's t with Welch-Satterthwaite degrees of freedom from
   * the two source counts. `'normal'`: against the standard normal (no source counts needed).
   */
  test: z.optional(z.enum(['ti', 'welch', 'normal'])),
});
export type ChangeSignificanceOptions = z.input<typeof ChangeSignificanceOptions>;

/**
 * Whether a change between two country-years is statistically significant, with the numbers behind it.
 *
 * @example
 * const r: ChangeSignificance = changeSignificance({ score: 35, standardError: 1.1, sources: 9, year: 2022 }, { score: 33, standardError: 0.997, sources: 9, year: 2025 });
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
  /** Welch-Satterthwaite degrees of freedom (absent for the other tests or when both SEs are 0). */
  readonly df?: number;
  /** Two-sided p value (`'ti'`: of the standard normal at z). */
  readonly pValue: number;
  /** The level (`'ti'`: the two-sided level its critical value implies, about 0.0845). */
  readonly alpha: number;
  /** pValue < alpha (`'ti'`: |z| > TI_CRITICAL_Z). */
  readonly significant: boolean;
  readonly test: 'ti' | 'welch' | 'normal';
}

/**
 * The critical value of TI's significance rule, |z| > 1.7254: an empirical reconstruction, not a
 * value TI documents. Provenance: the sheet "Significant Changes since 2012" of TI's
 * CPI2025_Results.xlsx compared with every earlier edition 2012-2024 of "CPI Historical" (research
 * for issue 16): with each SE of 2020 on divided by sqrt((13 - n) / 12) (undoing the finite-population
 * factor TI applies since 2020), the rule agrees with TI on 180 of 181 countries (99.45%) and 1,346
 * of 1,353 pairs whose status the sheet fixes (99.48%); every c in (1.7251, 1.7257] does as well.
 * The disagreements are Dominica (z = 1.77, unlisted) and Guyana (TI shows 2014 as its reference
 * year). Welch at 5% agrees on 91.16% of countries, |z| > 1.645 on 96.69%.
 * `npm run conformance` prints the agreement table from TI's workbook.
 *
 * @example
 * TI_CRITICAL_Z; // => 1.7254
 */
export const TI_CRITICAL_Z = 1.7254;

/** TI's SE without the finite-population factor of 2020 on: SE / sqrt((13 - n) / 12) (unchanged before 2020 or without n < 13). */
function tiStandardError(fn: string, side: 'a' | 'b', e: z.output<typeof CountryYearEstimate>): number {
  const year = e.year ?? fail(fn, [side, 'year'], "TI's rule needs the year (its SEs of 2020 on carry a finite-population factor; or use options.test 'normal')", undefined, 'missing_year');
  const n = e.sources ?? fail(fn, [side, 'sources'], "TI's rule needs the number of sources (or use options.test 'normal')", undefined, 'missing_sources');
  return year >= 2020 && n < 13 ? e.standardError / Math.sqrt((13 - n) / 12) : e.standardError;
}

/**
 * Whether the change of a country's CPI score between two country-years (`a` earlier, `b` later)
 * is statistically significant: a two-sided test of the difference of the two published scores
 * with the two standard errors.
 *
 * Method (see docs/methodology.md): z = (score_b - score_a) / sqrt(SE_a^2 + SE_b^2), the two years
 * treated as independent samples of sources. The default, `test: 'ti'`, is TI's rule as
 * reconstructed from its list "Significant Changes since 2012" (TI does not document it): each SE of
 * 2020 on divided by sqrt((13 - n) / 12) first, significant when |z| > {@link TI_CRITICAL_Z}
 * (99.45% agreement with TI's 2025 list). `'welch'` compares t (TI's SEs as published) with Student's
 * t with Welch-Satterthwaite degrees of freedom, df = (SE_a^2 + SE_b^2)^2 / (SE_a^4 / (n_a - 1) +
 * SE_b^4 / (n_b - 1)), at `alpha` (default 0.05); `'normal'` with the standard normal.
 *
 * @throws {CpiGapError} for a score outside 0..100, a negative SE, TI's rule without `year` and
 * `sources`, a Welch test without `sources`, or `alpha` with TI's rule.
 * @example
 * // Thailand 2015 -> 2025 (TI lists this decline as significant):
 * const r = changeSignificance({ score: 38, standardError: 2.12, sources: 8, year: 2015 }, { score: 33, standardError: 0.997, sources: 9, year: 2025 });
 * r.change; // => -5
 * r.significant; // => true (z = -1.83 with 2025's SE 1.728 without the factor)
 * changeSignificance({ score: 38, standardError: 2.12, sources: 8 }, { score: 33, standardError: 0.997, sources: 9 }, { test: 'welch' }).significant; // => false (t = -2.13, Welch df = 10.0)
 */
export function changeSignificance(a: CountryYearEstimate, b: CountryYearEstimate, options: ChangeSignificanceOptions = {}): ChangeSignificance {
  const x = parseInput('changeSignificance', CountryYearEstimate, a, ['a']);
  const y = parseInput('changeSignificance', CountryYearEstimate, b, ['b']);
  const opts = parseInput('changeSignificance', ChangeSignificanceOptions, options, ['options']);
  const test = opts.test ?? 'ti';
  if (test === 'ti' && opts.alpha !== undefined) fail('changeSignificance', ['options', 'alpha'], "applies to the 'welch' and 'normal' tests; TI's rule has its critical value TI_CRITICAL_Z", opts.alpha, 'invalid_option');
  const alpha = test === 'ti' ? tTail(TI_CRITICAL_Z, Infinity) : (opts.alpha ?? 0.05);
  if (test === 'ti') {
    x.standardError = tiStandardError('changeSignificance', 'a', x);
    y.standardError = tiStandardError('changeSignificance', 'b', y);
  }
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
    return { change, direction, standardError: 0, pValue, alpha, significant: change !== 0, test };
  }
  const va = (x.standardError / big) ** 2;
  const vb = (y.standardError / big) ** 2;
  const se = big * Math.sqrt(va + vb);
  const t = change / se;
  if (test !== 'welch') {
    const pValue = tTail(t, Infinity);
    return { change, direction, standardError: se, t, pValue, alpha, significant: test === 'ti' ? Math.abs(t) > TI_CRITICAL_Z : pValue < alpha, test };
  }
  const df = (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1));
  const pValue = tTail(t, df);
  return { change, direction, standardError: se, t, df, pValue, alpha, significant: pValue < alpha, test };
}
