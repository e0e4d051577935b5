import * as z from 'zod/mini';
import { fail, parseInput } from '../errors.js';
import { roundScore } from './roundScore.js';

/**
 * The number of sources in the current CPI, used by TI's finite-population correction since 2020.
 *
 * @example
 * // TI's finite-population factor from CPI 2020: sqrt((13 - n) / 12)
 * Math.sqrt((CPI_SOURCE_COUNT - 9) / (CPI_SOURCE_COUNT - 1)).toFixed(4); // => '0.5774'
 */
export const CPI_SOURCE_COUNT = 13;

/**
 * The z value TI uses for its 90% confidence interval in an edition: 1.645 in CPI 2021, 1.64 in
 * every other edition whose files publish unrounded bounds (2019, 2020, 2022-2025). Inferred from
 * TI's files; TI's methodology notes state only "90% confidence interval".
 *
 * @example
 * ciZ(2021); // => 1.645
 * ciZ(2025); // => 1.64
 */
export function ciZ(edition: number): number {
  return edition === 2021 ? 1.645 : 1.64;
}

/**
 * TI's standard error of a CPI score in an edition: the sample standard deviation (n - 1) of the
 * source scores over sqrt(n), and from CPI 2020 on multiplied by sqrt((13 - n) / 12), a
 * finite-population correction over the 13 sources. The correction is inferred from TI's files,
 * where it holds to the third decimal; no TI text states it.
 *
 * @example
 * standardError(4, 9, 2019); // => 4 / 3
 */
export function standardError(sd: number, n: number, edition: number): number {
  if (!Number.isFinite(sd) || sd < 0) fail('standardError', ['sd'], 'expected a finite number >= 0', sd);
  if (!Number.isInteger(edition)) fail('standardError', ['edition'], 'expected an integer edition year', edition);
  // Up to 14 sources before 2020 (TI's Bribe Payers Survey, 2012-2013); the 2020 correction needs n <= 13.
  const most = edition >= 2020 ? CPI_SOURCE_COUNT : CPI_SOURCE_COUNT + 1;
  if (!Number.isInteger(n) || n < 1 || n > most) fail('standardError', ['n'], `expected an integer from 1 to ${most}`, n);
  const se = sd / Math.sqrt(n);
  return edition >= 2020 ? se * Math.sqrt((CPI_SOURCE_COUNT - n) / (CPI_SOURCE_COUNT - 1)) : se;
}

/**
 * Options of {@link aggregate}.
 *
 * @example
 * AggregateOptions.parse({ edition: 2025 }); // => { edition: 2025 }
 * AggregateOptions.safeParse({ edition: 2025.5 }).success; // => false
 */
export const AggregateOptions = z.strictObject({
  /** The CPI edition (year) whose rules apply: SE correction from 2020, z = 1.645 in 2021. */
  edition: z.int().check(z.minimum(2012), z.maximum(2100)),
});

/**
 * A country-year's CPI computed from its source scores, as TI computes it.
 *
 * @example
 * const a: Aggregate = aggregate([26.0897, 35.4591, 44.7898, 32.3068, 32.2075, 32.7593, 34.4866, 29.9508, 29.9366], { edition: 2025 });
 * a.score; // => 33 (Thailand, CPI 2025)
 * a.standardError.toFixed(3); // => '0.997'
 */
export interface Aggregate {
  readonly edition: number;
  /** Number of sources. */
  readonly n: number;
  /** Unrounded mean of the source scores. */
  readonly mean: number;
  /** The CPI score: the mean rounded half up. */
  readonly score: number;
  /** Sample standard deviation (n - 1) of the source scores. */
  readonly sd: number;
  /** Standard error by the edition's rule ({@link standardError}). */
  readonly standardError: number;
  /** The z value of the 90% interval ({@link ciZ}). */
  readonly z: number;
  /** 90% confidence interval: the rounded score plus and minus z x SE. */
  readonly lower: number;
  readonly upper: number;
}

// The length is checked before the scores (zod's max), so a huge list fails at once.
const Scores = z.array(z.number().check(z.minimum(0), z.maximum(100))).check(z.minLength(3, 'TI scores a country only from 3 sources or more'), z.maxLength(CPI_SOURCE_COUNT + 1, `expected at most ${CPI_SOURCE_COUNT + 1} sources`));

/**
 * Aggregate one country-year's rescaled source scores as TI does in an edition: n, mean, rounded
 * score, sample SD, standard error and 90% confidence interval.
 *
 * Stated by TI: the score is the mean of at least 3 rescaled sources, rounded to an integer; a 90%
 * confidence interval is published. Inferred from TI's files (see docs/methodology.md): SE = SD /
 * sqrt(n) up to 2019, times sqrt((13 - n) / 12) from 2020; CI = rounded score +/- z x SE with
 * z = 1.64 (1.645 in 2021).
 *
 * @throws {CpiGapError} with fewer than 3 scores, a score outside 0..100, or an edition before 2012.
 * @example
 * const a = aggregate([43, 45, 35, 34, 35, 32, 37, 26, 37], { edition: 2022 });
 * a.score; // => 36
 * a.standardError.toFixed(3); // => '1.084'
 * // TI's file says 1.09: TI computes from unrounded source scores, the seed prints integers.
 */
export function aggregate(scores: readonly number[], options: { edition: number }): Aggregate {
  const values = parseInput('aggregate', Scores, scores, ['scores']);
  const { edition } = parseInput('aggregate', AggregateOptions, options, ['options']);
  // From 2020 the SE correction sqrt((13 - n) / 12) is defined only up to 13 sources (TI's Bribe Payers Survey ended in 2013).
  if (edition >= 2020 && values.length > CPI_SOURCE_COUNT) fail('aggregate', ['scores'], `expected at most ${CPI_SOURCE_COUNT} sources from edition 2020`, scores.length);
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  const score = roundScore(mean);
  // With 14 sources (2012-2013, TI's Bribe Payers Survey) the correction factor would be negative: TI applies it only from 2020.
  const se = standardError(sd, n, edition);
  const z = ciZ(edition);
  return { edition, n, mean, score, sd, standardError: se, z, lower: score - z * se, upper: score + z * se };
}
