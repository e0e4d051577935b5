import * as z from 'zod/mini';
import { parseInput } from '../errors.js';
import { listOf } from '../util/limits.js';

const Score = z.number().check(z.minimum(0), z.maximum(100));
const Scores = listOf(Score).check(z.minLength(1, 'expected at least one score'));

/**
 * A score's rank in a year's distribution of CPI scores, as TI ranks: 1 + the number of countries
 * with a strictly higher score (ties share the best rank). `score` need not be in `scores`.
 *
 * @example
 * rank(36, [90, 50, 36, 36, 20]); // => 3
 */
export function rank(score: number, scores: readonly number[]): number {
  const s = parseInput('rank', Score, score, ['score']);
  const all = parseInput('rank', Scores, scores, ['scores']);
  return 1 + all.filter((x) => x > s).length;
}

/**
 * The lowest integer score that would reach rank `target` or better in `scores`: the smallest
 * integer s with 1 + #(scores > s) <= target. With CPI 2022's scores, rank 53 needs 52 and
 * rank 43 needs 56.
 *
 * @throws {CpiGapError} when `target` is not a positive integer.
 * @example
 * scoreForRank(2, [90, 50, 36, 36, 20]); // => 50
 */
export function scoreForRank(target: number, scores: readonly number[]): number {
  const k = parseInput('scoreForRank', z.int().check(z.minimum(1)), target, ['rank']);
  const all = parseInput('scoreForRank', Scores, scores, ['scores']);
  const sorted = [...all].sort((a, b) => b - a);
  // Rank k or better needs fewer than k scores strictly above s: s >= the k-th highest score.
  const kth = sorted[k - 1];
  // Scores are at most 100, so the result is too.
  return kth === undefined ? 0 : Math.ceil(kth);
}
