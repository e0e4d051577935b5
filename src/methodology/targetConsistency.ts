import * as z from 'zod/mini';
import { listOf } from '../util/limits.js';
import { CpiScore } from '../dataset/schema.js';
import { parseInput } from '../errors.js';
import { rank, scoreForRank } from './rank.js';

/**
 * A score target and a rank target set together (e.g. the seed's FY2023 "score >= 51 and rank <= 53").
 *
 * @example
 * const fy2023: TargetPair = { score: 51, rank: 53 };
 * TargetPair.safeParse(fy2023).success; // => true
 */
export const TargetPair = z.object({
  /** The score to reach or exceed. */
  score: CpiScore,
  /** The rank to reach or better. */
  rank: z.int().check(z.minimum(1)),
});
export type TargetPair = z.input<typeof TargetPair>;

/**
 * Whether a score target and a rank target agree in one year's distribution of scores.
 *
 * @example
 * const c: TargetConsistency = targetConsistency({ score: 50, rank: 2 }, [90, 60, 50, 40]);
 * console.log(c);
 */
export interface TargetConsistency {
  readonly score: number;
  readonly rank: number;
  /** The rank the target score would have had: 1 + the number of scores strictly above it. */
  readonly rankAtScore: number;
  /** The lowest integer score that reaches the target rank or better. */
  readonly scoreForRank: number;
  /** True when reaching the score target also reaches the rank target (rankAtScore <= rank). */
  readonly consistent: boolean;
  /**
   * Which target asks for more: `'rank'` when the rank needs a higher score than the score target
   * (the targets disagree), `'score'` when the score target is the stricter one, `'both'` when the
   * rank needs exactly the target score.
   */
  readonly binding: 'score' | 'rank' | 'both';
}

/**
 * Check a score target against a rank target in a year's distribution of CPI scores: would the
 * score have reached the rank? With CPI 2022's scores, 51 ranks 54th, so "51 and rank 53" is
 * inconsistent (rank 53 needs 52); "57 and rank 43" is consistent (rank 43 needs 56).
 *
 * Pass the scores of the other countries (a country's own current score in `scores` counts as a
 * competitor if it is above the target).
 *
 * @throws {CpiGapError} for a non-integer or out-of-range target, or an empty or invalid `scores`.
 * @example
 * const c = targetConsistency({ score: 50, rank: 2 }, [90, 60, 50, 40]);
 * c.consistent; // => false
 * c.rankAtScore; // => 3
 * c.scoreForRank; // => 60
 */
export function targetConsistency(targets: TargetPair, scores: readonly number[]): TargetConsistency {
  const t = parseInput('targetConsistency', TargetPair, targets, ['targets']);
  const all = parseInput('targetConsistency', listOf(z.number().check(z.minimum(0), z.maximum(100))).check(z.minLength(1, 'expected at least one score')), scores, ['scores']);
  const rankAtScore = rank(t.score, all);
  const needed = scoreForRank(t.rank, all);
  const binding = needed > t.score ? 'rank' : needed < t.score ? 'score' : 'both';
  return { score: t.score, rank: t.rank, rankAtScore, scoreForRank: needed, consistent: rankAtScore <= t.rank, binding };
}
