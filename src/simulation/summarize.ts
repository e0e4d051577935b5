import { BINS } from './kernel.js';
import type { RankProbability, SimulationYear } from './records.js';

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
