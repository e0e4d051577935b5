/** Rank rows of the world model's counts (internal; pure: it loads no panel). */
import { BINS } from '../kernel.js';
import type { RankProbability, ScoreQuantiles } from '../records.js';
import type { WorldRunCounts } from './run.js';

/** Quantiles of a 101-bin count vector (the lowest score whose cumulative share reaches q). */
function quantiles(counts: Float64Array, paths: number): ScoreQuantiles {
  const q = (percent: number): number => {
    let cum = 0;
    for (let s = 0; s < BINS; s += 1) {
      cum += counts[s] as number;
      if (cum * 100 >= percent * paths) return s;
    }
    return BINS - 1;
  };
  return { q05: q(5), q25: q(25), q50: q(50), q75: q(75), q95: q(95) };
}

/** Year y's rank rows: P(rank <= k) with its MC SE, and the score each rank needs (its quantiles; `score` the median). */
export function movingRanks(counts: WorldRunCounts, ranks: readonly number[], y: number, paths: number): RankProbability[] {
  const K = ranks.length;
  return ranks.map((rank, i) => {
    const p = (counts.rankHits[y * K + i] as number) / paths;
    const needed = quantiles(counts.needed.subarray((y * K + i) * BINS, (y * K + i + 1) * BINS), paths);
    return { rank, score: needed.q50, p, se: Math.sqrt(Math.max(0, p * (1 - p)) / paths), needed };
  });
}
