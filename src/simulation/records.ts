/**
 * The records a simulation produces for each simulated year, declared once as zod schemas with
 * their types: `summarizeYear` (summarize.ts) builds them, `simulate` returns them, and
 * `monteCarloFanSpec` (cpi-gap/charts) checks its input against {@link SimulationYear}. Data-free
 * and without the kernel, so the charts do not bundle the simulation.
 */
import * as z from 'zod/mini';
import { CpiScore } from '../dataset/schema.js';
import type { DeepReadonly } from '../util/freeze.js';

const Probability = z.number().check(z.minimum(0), z.maximum(1));

/**
 * Quantiles of a year's simulated CPI scores.
 *
 * @example
 * const r = await simulate(thailand, { paths: 10_000, horizon: 1 });
 * const q: ScoreQuantiles | undefined = r.years[0]?.quantiles;
 * console.log(q?.q05, q?.q50, q?.q95);
 */
export const ScoreQuantiles = z.object({ q05: CpiScore, q25: CpiScore, q50: CpiScore, q75: CpiScore, q95: CpiScore });
export type ScoreQuantiles = DeepReadonly<z.output<typeof ScoreQuantiles>>;

/**
 * The chance of a rank or better in a year.
 *
 * @example
 * const r = await simulate(thailand, { paths: 10_000, horizon: 1, ranking: 'frozen', rankScores: [90, 80, 60, 50, 40, 36, 30, 20], ranks: [6] });
 * const p: RankProbability | undefined = r.years[0]?.ranks[0];
 * p?.rank; // => 6
 * p?.score; // => 36 (the lowest score ranked 6th or better)
 */
export const RankProbability = z.object({
  /** The rank asked, k. */
  rank: z.int().check(z.minimum(1)),
  /** Frozen list: the lowest integer score whose rank is k or better among `rankScores`, or null when none up to 100 is. Every country moving: the median score rank k needs. */
  score: z.nullable(CpiScore),
  /** P(rank <= k): the share of paths whose score ranks k or better. */
  p: Probability,
  /** Monte Carlo standard error of `p`: sqrt(p (1 - p) / paths). */
  se: z.number().check(z.minimum(0)),
  /**
   * With every country moving: quantiles of the score rank k needs (the k-th highest score of the
   * other countries in each path), whose median is `score`; absent for a frozen list.
   */
  needed: z.optional(ScoreQuantiles),
});
export type RankProbability = DeepReadonly<z.output<typeof RankProbability>>;

/**
 * The simulated distribution of one year's CPI score.
 *
 * @example
 * const r = await simulate(thailand, { paths: 10_000, horizon: 1 });
 * const y: SimulationYear | undefined = r.years[0];
 * y?.year; // => 2026
 * y?.histogram.length; // => 101 (scores 0..100)
 */
export const SimulationYear = z.object({
  year: z.int().check(z.minimum(1995), z.maximum(2200)),
  /** `histogram[s]`: how many paths end the year with CPI score s, for s = 0..100. */
  histogram: z.array(z.number().check(z.minimum(0))),
  /** Mean of the simulated scores. */
  mean: z.number().check(z.minimum(0), z.maximum(100)),
  /** Standard deviation of the simulated scores (over the paths, divisor N). */
  sd: z.number().check(z.minimum(0)),
  /** q-quantiles: the smallest score s with P(score <= s) >= q. */
  quantiles: ScoreQuantiles,
  /** The median, `quantiles.q50`. */
  median: CpiScore,
  /** P(score >= target). */
  pTarget: Probability,
  /** Monte Carlo standard error of `pTarget`: sqrt(p (1 - p) / paths). */
  pTargetSe: z.number().check(z.minimum(0)),
  /** P(rank <= k) for each rank asked (empty without `rankScores`). */
  ranks: z.array(RankProbability),
});
export type SimulationYear = DeepReadonly<z.output<typeof SimulationYear>>;

