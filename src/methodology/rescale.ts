import * as z from 'zod/mini';
import { parseInput } from '../errors.js';

/**
 * A source's 2012 baseline, against which TI rescales every later year of that source.
 *
 * @example
 * const b: RescaleBaseline = { mean: 5, sd: 2, reversed: true }; // a source where higher means more corrupt
 * rescale(4, b); // => 55
 */
export const RescaleBaseline = z.strictObject({
  /** Mean of the source's raw scores over the countries it covered in 2012. */
  mean: z.number(),
  /** Standard deviation of those raw scores (must be positive). */
  sd: z.number().check(z.positive()),
  /** True for a source where a higher raw score means more corruption: TI negates it first. Default false. */
  reversed: z.optional(z.boolean()),
});
export type RescaleBaseline = z.input<typeof RescaleBaseline>;

/**
 * The centre and spread of TI's CPI scale: a source's 2012 mean maps to 45, one SD to 20 points.
 *
 * @example
 * CPI_SCALE_MEAN + CPI_SCALE_SD * 0.5; // => 55: a raw score half an SD above the source's 2012 mean
 * rescale(6, { mean: 5, sd: 2 }); // => 55
 */
export const CPI_SCALE_MEAN = 45;
/**
 * The spread of the CPI scale: one SD of a source's 2012 raw scores is 20 points (see {@link CPI_SCALE_MEAN}).
 *
 * @example
 * rescale(7, { mean: 5, sd: 2 }) - rescale(5, { mean: 5, sd: 2 }); // => 20 = CPI_SCALE_SD: one 2012 SD of the source
 */
export const CPI_SCALE_SD = 20;

/**
 * Put a source's raw score on the CPI scale as TI does: standardise it against the source's 2012
 * mean and SD (negated first for a source where higher means more corrupt), then `45 + 20 z`,
 * clipped to 0..100. Stated by TI in its technical methodology notes (the mean and SD "are taken
 * from the 2012 scores").
 *
 * @throws {CpiGapError} when `raw` is not finite or the SD is not positive.
 * @example
 * rescale(6, { mean: 5, sd: 2 }); // => 55
 * rescale(6, { mean: 5, sd: 2, reversed: true }); // => 35
 * rescale(20, { mean: 5, sd: 2 }); // => 100 (clipped)
 */
export function rescale(raw: number, baseline: RescaleBaseline): number {
  const x = parseInput('rescale', z.number(), raw, ['raw']);
  const b = parseInput('rescale', RescaleBaseline, baseline, ['baseline']);
  const z0 = (x - b.mean) / b.sd;
  const value = CPI_SCALE_MEAN + CPI_SCALE_SD * (b.reversed === true ? -z0 : z0);
  return Math.min(100, Math.max(0, value)) + 0;
}

/**
 * The raw source score that {@link rescale} maps to `score`: the inverse of `45 + 20 z`. Exact
 * only inside the unclipped range: a published 0 or 100 may come from any raw score at or beyond
 * the clip point, and `unrescale` returns that clip point (the raw score whose rescaled value is
 * exactly 0 or 100), not the raw score the source published.
 *
 * @throws {CpiGapError} when `score` is outside 0..100 or the SD is not positive.
 * @example
 * unrescale(55, { mean: 5, sd: 2 }); // => 6
 * unrescale(35, { mean: 5, sd: 2, reversed: true }); // => 6
 */
export function unrescale(score: number, baseline: RescaleBaseline): number {
  const s = parseInput('unrescale', z.number().check(z.minimum(0), z.maximum(100)), score, ['score']);
  const b = parseInput('unrescale', RescaleBaseline, baseline, ['baseline']);
  const z0 = (s - CPI_SCALE_MEAN) / CPI_SCALE_SD;
  return b.mean + (b.reversed === true ? -z0 : z0) * b.sd;
}
