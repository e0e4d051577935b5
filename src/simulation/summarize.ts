/* eslint-disable @typescript-eslint/non-nullable-type-assertion-style -- the rank table has one entry per score bin, read in range: `as number` where `?? Infinity` would add a branch no input reaches. */
import { BINS } from './kernel.js';

/**
 * Quantiles of a year's simulated CPI scores.
 *
 * @example
 * const r = await simulate(thailand, { paths: 10_000, horizon: 1 });
 * const q: ScoreQuantiles | undefined = r.years[0]?.quantiles;
 * console.log(q?.q05, q?.q50, q?.q95);
 */
export interface ScoreQuantiles {
  readonly q05: number;
  readonly q25: number;
  readonly q50: number;
  readonly q75: number;
  readonly q95: number;
}

/**
 * The chance of a rank or better in a year.
 *
 * @example
 * const r = await simulate(thailand, { paths: 10_000, horizon: 1, rankScores: [90, 80, 60, 50, 40, 36, 30, 20], ranks: [6] });
 * const p: RankProbability | undefined = r.years[0]?.ranks[0];
 * p?.rank; // => 6
 * p?.score; // => 36 (the lowest score ranked 6th or better)
 */
export interface RankProbability {
  /** The rank asked, k. */
  readonly rank: number;
  /** The lowest integer score whose rank is k or better among `rankScores`, or null when none up to 100 is. */
  readonly score: number | null;
  /** P(rank <= k): the share of paths whose score ranks k or better. */
  readonly p: number;
  /** Monte Carlo standard error of `p`: sqrt(p (1 - p) / paths). */
  readonly se: number;
}

/**
 * The simulated distribution of one year's CPI score.
 *
 * @example
 * const r = await simulate(thailand, { paths: 10_000, horizon: 1 });
 * const y: SimulationYear | undefined = r.years[0];
 * y?.year; // => 2023
 * y?.histogram.length; // => 101 (scores 0..100)
 */
export interface SimulationYear {
  readonly year: number;
  /** `histogram[s]`: how many paths end the year with CPI score s, for s = 0..100. */
  readonly histogram: readonly number[];
  /** Mean of the simulated scores. */
  readonly mean: number;
  /** Standard deviation of the simulated scores (over the paths, divisor N). */
  readonly sd: number;
  /** q-quantiles: the smallest score s with P(score <= s) >= q. */
  readonly quantiles: ScoreQuantiles;
  /** The median, `quantiles.q50`. */
  readonly median: number;
  /** P(score >= target). */
  readonly pTarget: number;
  /** Monte Carlo standard error of `pTarget`: sqrt(p (1 - p) / paths). */
  readonly pTargetSe: number;
  /** P(rank <= k) for each rank asked (empty without `rankScores`). */
  readonly ranks: readonly RankProbability[];
}

/** Rank of every integer score 0..100 among `scores`: 1 + the number strictly higher (TI's rule). */
export function rankTable(scores: readonly number[]): Int32Array {
  const table = new Int32Array(BINS);
  for (let s = 0; s < BINS; s += 1) {
    let higher = 0;
    for (const x of scores) if (x > s) higher += 1;
    table[s] = 1 + higher;
  }
  return table;
}

function quantile(counts: readonly number[], percent: number, paths: number): number {
  // The lowest score whose cumulative count reaches percent% of the paths (cum / paths >= percent / 100,
  // in integers). The counts add up to paths, so one always does.
  let cum = 0;
  return counts.findIndex((c) => {
    cum += c;
    return cum * 100 >= percent * paths;
  });
}

function share(k: number, paths: number): { p: number; se: number } {
  const p = k / paths;
  return { p, se: Math.sqrt(Math.max(0, p * (1 - p)) / paths) };
}

/** Summarise year `y` of a horizon x 101 histogram. */
export function summarizeYear(hist: Float64Array, y: number, year: number, paths: number, target: number, ranks: readonly number[], table: Int32Array | null): SimulationYear {
  const counts = Array.from(hist.subarray(y * BINS, (y + 1) * BINS));
  let total = 0;
  let hit = 0;
  for (const [s, c] of counts.entries()) {
    total += s * c;
    if (s >= target) hit += c;
  }
  const mean = total / paths;
  let ss = 0;
  for (const [s, c] of counts.entries()) ss += c * (s - mean) ** 2;
  const quantiles = {
    q05: quantile(counts, 5, paths),
    q25: quantile(counts, 25, paths),
    q50: quantile(counts, 50, paths),
    q75: quantile(counts, 75, paths),
    q95: quantile(counts, 95, paths),
  };
  const target_ = share(hit, paths);
  const rankRows = table === null ? [] : ranks.map((k): RankProbability => {
    let within = 0;
    let lowest: number | null = null;
    // The table has a rank for each of the BINS scores the counts have.
    for (const [s, c] of counts.entries()) {
      if ((table[s] as number) <= k) {
        within += c;
        lowest ??= s;
      }
    }
    return { rank: k, score: lowest, ...share(within, paths) };
  });
  return { year, histogram: counts, mean, sd: Math.sqrt(ss / paths), quantiles, median: quantiles.q50, pTarget: target_.p, pTargetSe: target_.se, ranks: rankRows };
}
